package dev.citeqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvalMetricsTest {

    @Test
    void spellingIsCountedByQuestion() {
        EvalMetrics metrics = new EvalMetrics();
        metrics.addSpelling(true, false);
        metrics.addSpelling(true, true);
        metrics.addSpelling(false, true);
        metrics.addSpelling(false, false);
        assertEquals(2, metrics.corrected());
        assertEquals(2, metrics.offered());
    }

    private static EvalQuestion question(String... answers) {
        return new EvalQuestion("q", List.of("Where?"), List.of("a"), List.of(answers), false);
    }

    @Test
    void anAnswerPhraseCountsWhenItIsInsideAnExpectedPhraseOrHoldsOne() {
        EvalMetrics metrics = new EvalMetrics();
        metrics.addAnswer(question("The Hague"), "In The Hague.", true, List.of("a"));
        metrics.addAnswer(question("“Oppenheimer”"), "Oppenheimer won.", true, List.of("a"));
        metrics.addAnswer(question("Wendy's"), "Wendy’s chain.", true, List.of("a"));
        metrics.addAnswer(question("Utah"), "Ohio.", true, List.of("a"));
        assertTrue(metrics.addPhrase(question("The Hague"), "Hague"));
        assertTrue(metrics.addPhrase(question("“Oppenheimer”"), "Oppenheimer"));
        assertTrue(metrics.addPhrase(question("Wendy's"), "Wendy’s"));
        assertFalse(metrics.addPhrase(question("Utah"), null));
        assertEquals(0.75, metrics.phraseAccuracy());
        assertEquals(0.75, metrics.phraseShare());
    }

    @Test
    void aWrongPhraseIsShownButNotRightAndAbstainQuestionsHaveNone() {
        EvalMetrics metrics = new EvalMetrics();
        metrics.addAnswer(question("Texas"), "Mexico.", true, List.of("a"));
        assertFalse(metrics.addPhrase(question("Texas"), "Mexico"));
        metrics.addAnswer(question("3"), "In 2030.", true, List.of("a"));
        assertFalse(metrics.addPhrase(question("3"), "2030"));
        EvalQuestion abstain = new EvalQuestion("x", List.of("Who?"), List.of(), List.of(), true);
        metrics.addAnswer(abstain, "Somebody.", true, List.of());
        assertFalse(metrics.addPhrase(abstain, "Somebody"));
        assertEquals(0.0, metrics.phraseAccuracy());
        assertEquals(1.0, metrics.phraseShare());
    }
}
