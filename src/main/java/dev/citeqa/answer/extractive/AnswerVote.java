package dev.citeqa.answer.extractive;

import dev.citeqa.analysis.EntityTagger;
import dev.citeqa.analysis.EntityTagger.Entity;
import dev.citeqa.analysis.EntityTagger.Kind;
import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.analysis.QuestionAnalysis.AnswerType;
import dev.citeqa.analysis.Terms;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The third stage, answer redundancy. Windows that state the whole question each assert an answer ("NATO
 * Secretary General Mark Rutte", "NATO Secretary General Jens Stoltenberg"); when they disagree, the answer
 * asserted by the most articles wins, so that one article's odd claim does not outvote the rest. Windows
 * matching only part of the question, or matching it only with their passage's help, say different things,
 * so they do not vote.
 */
final class AnswerVote {

    private final double fullCoverage;

    /** @param fullCoverage coverage at which a window states the whole question */
    AnswerVote(double fullCoverage) {
        this.fullCoverage = fullCoverage;
    }

    /** The window to quote: {@code best}, or the strongest window of the answer most articles assert. */
    Window winner(QuestionAnalysis question, List<Window> windows, Window best) {
        boolean entityAnswer = question.type() != AnswerType.OTHER && question.type() != AnswerType.DEFINITION;
        if (!entityAnswer || best.answerEntity() == null || !asserts(best)) {
            return best;
        }
        Map<String, Set<String>> articles = new HashMap<>();
        Map<String, Window> strongest = new HashMap<>();
        for (Window w : windows) {
            if (w.answerEntity() != null && asserts(w)) {
                String answer = answerKey(w.answerEntity());
                articles.computeIfAbsent(answer, a -> new HashSet<>()).add(w.hit().stored().article().id());
                strongest.merge(answer, w, (x, y) -> x.score() >= y.score() ? x : y);
            }
        }
        String winner = answerKey(best.answerEntity());
        for (Map.Entry<String, Set<String>> e : articles.entrySet()) {
            if (e.getValue().size() > articles.get(winner).size()) {
                winner = e.getKey();
            }
        }
        return strongest.get(winner);
    }

    /**
     * Whether the window states the whole question in its own words. Coverage alone also credits the words of
     * its passage and lead: "Russian Foreign Minister Sergey Lavrov", in a story about Ukraine, would outvote
     * Ukraine's foreign minister.
     */
    private boolean asserts(Window w) {
        return w.get(Feature.COVERAGE) >= fullCoverage && w.get(Feature.WINDOW_TERMS) >= fullCoverage
                && w.get(Feature.MISSING_REQUIRED) == 0;
    }

    /** "NATO Secretary General Mark Rutte" and "Rutte" are one answer; so are "Erdoğan" and "Erdogan". */
    static String answerKey(Entity e) {
        String text = e.kind() == Kind.PERSON || e.kind() == Kind.NAME ? EntityTagger.personName(e.text()) : e.text();
        if (e.kind() == Kind.PERSON) {
            text = text.substring(text.lastIndexOf(' ') + 1);
        }
        return String.join(" ", Terms.ofText(text));
    }
}
