package dev.citeqa.embed;

import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.config.CiteQaConfig;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.answer.AnswerRequest;
import dev.citeqa.answer.extractive.ExtractiveAnswerer;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.TinyCorpus;
import dev.citeqa.search.PassageHit;
import dev.citeqa.search.PassageSearcher;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model is the cost of a hybrid question, so it must run once per question, not once per use, and once per
 * sentence the answerer compares, not once per question that reads it.
 */
class EmbedderTest {

    @TempDir
    Path dir;

    @Test
    void aHybridQuestionRunsTheModelOnceForRetrievalAndAnswering() throws IOException {
        Embedder embedder = new Embedder(new HashingModel(), EmbeddingCache.open(dir.resolve("e.bin"), HashingModel.DIM));
        try (CorpusIndex index = TinyCorpus.openIndex(dir, embedder)) {
            assertTrue(index.hasVectors());
            PassageSearcher searcher = new PassageSearcher(embedder, PassageSearcher.Settings.of(CiteQaConfig.defaults().retrieval()));
            String question = "How much did the Springfield council approve for road repairs in 2021?";
            long before = embedder.modelCalls();
            List<PassageHit> hits = searcher.searchForAnswering(index, QuestionAnalysis.of(question), 8, RetrievalMode.hybrid);
            new ExtractiveAnswerer(embedder).answer(AnswerRequest.single(question, hits, index, true));
            long first = embedder.modelCalls() - before;
            // The question once, and at most the sentences of the windows the answerer compares meanings for.
            assertTrue(first >= 1 && first <= 1 + 2L * ExtractiveAnswerer.RESCORED, "model calls: " + first);
            // Asked again, by retrieval and the answerer alike: everything is cached.
            long again = embedder.modelCalls();
            hits = searcher.searchForAnswering(index, QuestionAnalysis.of(question), 8, RetrievalMode.hybrid);
            new ExtractiveAnswerer(embedder).answer(AnswerRequest.single(question, hits, index, true));
            assertEquals(again, embedder.modelCalls());
        }
    }

    @Test
    void anAnswererWithAModelOfItsOwnOverAnIndexWithoutVectorsEmbedsWhatItReadsOnce() throws IOException {
        // citeqa.embedding.bm25-answers: the index embeds nothing; the answerer's embedder keeps what it embeds in
        // memory and has no cache for a build.
        Embedder answering = Embedder.forAnswersOnly(new HashingModel(), 0);
        assertThrows(IllegalStateException.class, () -> answering.embedAll(List.of("The council met on Monday.")));
        assertThrows(IllegalStateException.class, () -> answering.uncached(List.of("The council met on Monday.")));
        try (CorpusIndex index = TinyCorpus.openIndex(dir, Embedder.none())) {
            assertFalse(index.hasVectors());
            PassageSearcher searcher = new PassageSearcher(Embedder.none(),
                    PassageSearcher.Settings.of(CiteQaConfig.defaults().retrieval()));
            String question = "How much did the Springfield council approve for road repairs in 2021?";
            List<PassageHit> hits =
                    searcher.searchForAnswering(index, QuestionAnalysis.of(question), 8, RetrievalMode.bm25);
            assertTrue(hits.stream().allMatch(hit -> hit.stored().vector() == null));
            new ExtractiveAnswerer(answering).answer(AnswerRequest.single(question, hits, index, true));
            long calls = answering.modelCalls();
            // The question, the passages read that have a sentence to quote, and at most the sentences of the
            // windows compared by meaning.
            assertTrue(calls > 1 && calls <= 1 + hits.size() + 2L * ExtractiveAnswerer.RESCORED,
                    "model calls: " + calls);
            new ExtractiveAnswerer(answering).answer(AnswerRequest.single(question, hits, index, true));
            assertEquals(calls, answering.modelCalls());
        }
    }

    @Test
    void sentencesEmbeddedAheadGetTheVectorsTheyWouldGetOneByOne() throws IOException {
        // Three distinct texts the model can read, each embedded once ("..." gets the zero vector without it).
        assertEmbeddedAheadAsAlone(new HashingModel(), List.of("The council met on Monday.",
                "It approved $2 million for roads.", "The council met on Monday.", "...", "Work starts in May."), 3);
    }

    /**
     * Embeds {@code sentences} ahead with {@code model}, then asks for each: each gets the vector a model embedding it
     * alone gives, and the model ran {@code distinct} times in all, none of them when a sentence was asked for.
     */
    private void assertEmbeddedAheadAsAlone(EmbeddingModel model, List<String> sentences, int distinct)
            throws IOException {
        Embedder ahead = new Embedder(model, EmbeddingCache.open(dir.resolve("ahead.bin"), HashingModel.DIM));
        Embedder alone = new Embedder(new HashingModel(), EmbeddingCache.open(dir.resolve("alone.bin"),
                HashingModel.DIM));
        ahead.embedAheadAsIndexed(sentences);
        for (String sentence : sentences) {
            assertArrayEquals(alone.embedAsIndexed(sentence), ahead.embedAsIndexed(sentence));
        }
        assertEquals(distinct, ahead.modelCalls());
    }

    @Test
    void sentencesEmbeddedAheadAreEmbeddedOneByOneNeverAsABatchOfTheModel() throws IOException {
        // The model's batch call runs on the model's own pool, which an index build keeps busy for minutes: a
        // question whose sentences queued there waited for the build (FirstStartTest timed out on a first form).
        EmbeddingModel noBatches = new HashingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                if (segments.size() > 1) {
                    throw new AssertionError("a batch call for " + segments.size() + " texts");
                }
                return super.embedAll(segments);
            }
        };
        assertEmbeddedAheadAsAlone(noBatches,
                List.of("The council met on Monday.", "It approved $2 million.", "Work starts in May."), 3);
    }

    @Test
    void aModelThatFailsStopsTheSentencesAheadAndFailsAgainWhenOneIsAskedFor() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        EmbeddingModel broken = new HashingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                calls.incrementAndGet();
                throw new IllegalStateException("the model is gone");
            }
        };
        Embedder embedder = new Embedder(broken, EmbeddingCache.open(dir.resolve("e.bin"), HashingModel.DIM));
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sentences.add("Sentence number " + i + " of the story.");
        }
        embedder.embedAheadAsIndexed(sentences);
        // Each thread that took part stops at its first failure: at most one call per core, not one per sentence.
        assertTrue(calls.get() <= Runtime.getRuntime().availableProcessors(), "model calls: " + calls.get());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> embedder.embedAsIndexed(sentences.getFirst()));
        assertEquals("the model is gone", e.getMessage());
    }

    @Test
    void noneEmbedsNothingAndSaysSo() {
        Embedder none = Embedder.none();
        assertFalse(none.available());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> none.embed("anything"));
        assertTrue(e.getMessage().contains("BM25"), e.getMessage());
    }

    /** Deterministic pseudo-embeddings: the same text always gets the same vector, no model file needed. */
    private static class HashingModel implements EmbeddingModel {
        static final int DIM = 16;

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return Response.from(segments.stream().map(s -> {
                Random random = new Random(s.text().hashCode());
                float[] v = new float[DIM];
                for (int i = 0; i < DIM; i++) {
                    v[i] = random.nextFloat() - 0.5f;
                }
                return Embedding.from(v);
            }).toList());
        }

        @Override
        public int dimension() {
            return DIM;
        }
    }
}
