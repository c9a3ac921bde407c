package dev.citeqa.answer.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.answer.Answer;
import dev.citeqa.answer.AnswerRequest;
import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.embed.Embedder;
import dev.citeqa.embed.EmbeddingCache;
import dev.citeqa.embed.StrictModel;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.TinyCorpus;
import dev.citeqa.search.PassageHit;
import dev.citeqa.search.PassageSearcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A new user's first start is often an empty folder (or one of .md or .html exports). Built in
 * hybrid mode, such an index holds no vector field, as a BM25-only index does not either; questions in every
 * mode must still be answered, with a reason, rather than fail as if the service ran in BM25 mode.
 */
class EmptyCorpusTest {

    private static CorpusIndex index;
    private static PassageSearcher searcher;
    private static ExtractiveAnswerer answerer;
    private static StrictModel model;

    @BeforeAll
    static void buildIndex() throws IOException {
        Path root = Files.createTempDirectory("citeqa-empty");
        Path corpus = Files.createDirectories(root.resolve("corpus"));
        model = new StrictModel();
        Embedder embedder = new Embedder(model,
                EmbeddingCache.open(root.resolve("embeddings.bin"), StrictModel.DIM));
        index = TinyCorpus.openIndex(root, corpus, embedder);
        searcher = new PassageSearcher(embedder, PassageSearcher.Settings.of(CiteQaConfig.defaults().retrieval()));
        answerer = new ExtractiveAnswerer(embedder);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @ParameterizedTest
    @EnumSource(RetrievalMode.class)
    void everyModeFindsNothingAndSaysTheCorpusIsEmpty(RetrievalMode mode) {
        assertEquals(0, index.articleCount());
        assertFalse(index.hasVectors());
        String question = "Who won the chess championship in Reykjavik?";
        assertEquals(List.of(), searcher.search(index, question, 5, mode));
        List<PassageHit> hits = searcher.searchForAnswering(index, QuestionAnalysis.of(question), 8, mode);
        assertEquals(List.of(), hits);
        Answer answer = answerer.answer(AnswerRequest.single(question, hits, index, mode != RetrievalMode.bm25));
        assertFalse(answer.answered());
        assertTrue(answer.text().endsWith("The corpus holds no articles yet."), answer.text());
        assertEquals(List.of(), model.seen, "nothing to compare the question with, so nothing is embedded");
    }
}
