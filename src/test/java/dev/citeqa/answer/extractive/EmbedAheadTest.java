package dev.citeqa.answer.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.answer.AnswerRequest;
import dev.citeqa.answer.TestPassages;
import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.embed.Embedder;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.IndexGenerator;
import dev.citeqa.index.TinyCorpus;
import dev.citeqa.search.PassageHit;
import dev.citeqa.search.PassageSearcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passages read without a vector (a BM25 index that embeds nothing, or a first start) are embedded ahead, side by
 * side, before their windows are scored: with the very text the windows then ask for, or the work is wasted.
 */
class EmbedAheadTest {

    @TempDir
    Path dir;

    @Test
    void passagesWithoutVectorsAreEmbeddedAheadWithTheTextTheirWindowsAskFor() throws IOException {
        Embedder embedder = new TestPassages(dir.resolve("model")).embedder();
        List<List<String>> ahead = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        ExtractiveAnswerer answerer = new ExtractiveAnswerer(embedder, text -> {
            asked.add(text);
            return embedder.embedAsIndexed(text);
        }, ahead::add, AnswererModel.load());
        try (CorpusIndex index = TinyCorpus.openIndex(dir, Embedder.none())) {
            String question = "How much did the Springfield council approve for road repairs in 2021?";
            List<PassageHit> hits = new PassageSearcher(Embedder.none(),
                    PassageSearcher.Settings.of(CiteQaConfig.defaults().retrieval()))
                    .searchForAnswering(index, QuestionAnalysis.of(question), 8, RetrievalMode.bm25);
            assertFalse(hits.isEmpty());
            Set<String> passageTexts = hits.stream()
                    .map(h -> IndexGenerator.embeddingText(h.stored().article().title(), h.stored().passage()))
                    .collect(Collectors.toSet());

            answerer.answer(AnswerRequest.single(question, hits, index, true));

            // The first batch is the passages', before any window is scored; the sentences' come after.
            List<String> passagesAhead = ahead.getFirst();
            assertFalse(passagesAhead.isEmpty());
            assertTrue(passageTexts.containsAll(passagesAhead), passagesAhead.toString());
            List<String> passagesAsked = asked.stream().filter(passageTexts::contains).distinct().toList();
            assertFalse(passagesAsked.isEmpty());
            assertTrue(passagesAhead.containsAll(passagesAsked), "asked for, not embedded ahead: " + passagesAsked);
            assertEquals(passagesAsked.size(), passagesAhead.size(), "embedded ahead, never asked for");
        }
    }

    @Test
    void passagesWithVectorsAreNotEmbeddedAgain() throws IOException {
        TestPassages passages = new TestPassages(dir.resolve("model"));
        List<List<String>> ahead = new ArrayList<>();
        ExtractiveAnswerer answerer = new ExtractiveAnswerer(passages.embedder(), passages.embedder()::embedAsIndexed,
                ahead::add, AnswererModel.load());
        PassageHit hit = passages.passage("a", "NATO ministers meet", null,
                "Rutte chairs the informal meeting of NATO foreign ministers in Antalya on May 14.");
        try (CorpusIndex index = TinyCorpus.openIndex(dir, Embedder.none())) {
            answerer.answer(AnswerRequest.single("Where did Rutte chair the meeting of NATO ministers?", List.of(hit),
                    index, true));
        }
        assertEquals(List.of(), ahead.getFirst());
    }
}
