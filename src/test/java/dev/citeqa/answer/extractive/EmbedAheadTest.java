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
import dev.citeqa.index.StoredPassage;
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

    /** What the answerer asked of the model, in order: a batch embedded ahead, or one text asked for. */
    private record Event(boolean ahead, String text) {}

    private static String embeddingText(PassageHit hit) {
        return IndexGenerator.embeddingText(hit.stored().article().title(), hit.stored().passage());
    }

    private static PassageHit withoutVector(PassageHit hit) {
        return new PassageHit(new StoredPassage(hit.stored().article(), hit.stored().passage(), null), hit.score());
    }

    @Test
    void passagesWithoutVectorsAreEmbeddedAheadWithTheTextTheirWindowsAskFor() throws IOException {
        TestPassages made = new TestPassages(dir.resolve("model"));
        Embedder embedder = made.embedder();
        List<Event> events = new ArrayList<>();
        ExtractiveAnswerer answerer = new ExtractiveAnswerer(embedder, text -> {
            events.add(new Event(false, text));
            return embedder.embedAsIndexed(text);
        }, batch -> batch.forEach(text -> events.add(new Event(true, text))), AnswererModel.load());
        // Headings only: no window to score, so no vector to make.
        PassageHit headings = withoutVector(made.passage("headings", "Road repairs", null, "Springfield council",
                "Road Repairs Approved"));
        try (CorpusIndex index = TinyCorpus.openIndex(dir, Embedder.none())) {
            String question = "How much did the Springfield council approve for road repairs in 2021?";
            List<PassageHit> hits = new ArrayList<>(new PassageSearcher(Embedder.none(),
                    PassageSearcher.Settings.of(CiteQaConfig.defaults().retrieval()))
                    .searchForAnswering(index, QuestionAnalysis.of(question), 8, RetrievalMode.bm25));
            assertFalse(hits.isEmpty());
            hits.add(headings);
            Set<String> passageTexts = hits.stream().map(EmbedAheadTest::embeddingText).collect(Collectors.toSet());

            answerer.answer(AnswerRequest.single(question, hits, index, true));

            List<String> asked = events.stream().filter(e -> !e.ahead() && passageTexts.contains(e.text()))
                    .map(Event::text).distinct().toList();
            assertFalse(asked.isEmpty(), "no passage's meaning was asked for: scoring was never reached");
            for (String text : asked) {
                int ahead = events.indexOf(new Event(true, text));
                assertTrue(ahead >= 0 && ahead < events.indexOf(new Event(false, text)),
                        "asked for before it was embedded ahead: " + text);
            }
            List<String> embeddedAhead = events.stream().filter(e -> e.ahead() && passageTexts.contains(e.text()))
                    .map(Event::text).toList();
            assertEquals(Set.copyOf(asked), Set.copyOf(embeddedAhead), "embedded ahead, never asked for");
            assertFalse(embeddedAhead.contains(embeddingText(headings)));
        }
    }

    @Test
    void passagesWithVectorsAreNotEmbeddedAgain() throws IOException {
        TestPassages passages = new TestPassages(dir.resolve("model"));
        List<String> ahead = new ArrayList<>();
        ExtractiveAnswerer answerer = new ExtractiveAnswerer(passages.embedder(), passages.embedder()::embedAsIndexed,
                ahead::addAll, AnswererModel.load());
        PassageHit hit = passages.passage("a", "NATO ministers meet", null,
                "Rutte chairs the informal meeting of NATO foreign ministers in Antalya on May 14.");
        try (CorpusIndex index = TinyCorpus.openIndex(dir, Embedder.none())) {
            answerer.answer(AnswerRequest.single("Where did Rutte chair the meeting of NATO ministers?", List.of(hit),
                    index, true));
        }
        // The window's sentence is embedded ahead; the passage has its vector.
        assertFalse(ahead.isEmpty(), "scoring was never reached");
        assertFalse(ahead.contains(embeddingText(hit)));
    }
}
