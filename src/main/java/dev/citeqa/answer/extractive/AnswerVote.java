package dev.citeqa.answer.extractive;

import dev.citeqa.analysis.EntityTagger;
import dev.citeqa.analysis.EntityTagger.Entity;
import dev.citeqa.analysis.EntityTagger.Kind;
import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.analysis.QuestionAnalysis.AnswerType;
import dev.citeqa.analysis.Terms;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The third stage, answer redundancy. A folder of news tells one story in several articles, and the answer
 * they agree on is more often right than the one the best-scored window names alone ("United Airlines and
 * Alaska Airlines both said they found loose parts" in two stories, against a columnist's aside in one). The
 * best {@link ExtractiveAnswerer#RESCORED} eligible windows by score vote (as many as the answerer weighs with
 * their sentences' meanings); each article counts once per answer, and the answer most articles give wins, a
 * tie going to the best window's answer.
 * A window votes only when its own words hold most of the question's terms: "Russian Foreign Minister Sergey
 * Lavrov", in a story about Ukraine, says nothing of Ukraine's foreign minister, however many articles say it.
 */
final class AnswerVote {

    private final double voterTerms;

    /** @param voterTerms the share of the question's terms a window's own words must hold for it to vote */
    AnswerVote(double voterTerms) {
        this.voterTerms = voterTerms;
    }

    /** The window to quote: {@code best}, or the strongest window of the answer most articles give. */
    Window winner(QuestionAnalysis question, List<Window> windows, Window best) {
        boolean entityAnswer = question.type() != AnswerType.OTHER && question.type() != AnswerType.DEFINITION;
        if (!entityAnswer || best.answerEntity() == null) {
            return best;
        }
        String bestAnswer = answerKey(best.answerEntity());
        if (bestAnswer.isEmpty()) {
            return best;
        }
        // The best votes first, then the others in order of score: the first window seen of an answer is its
        // strongest, and a tie in the count of articles goes to the answer seen first.
        Map<String, Set<String>> articles = new LinkedHashMap<>();
        Map<String, Window> strongest = new HashMap<>();
        vote(best, bestAnswer, articles, strongest);
        for (Window w : best(windows)) {
            if (w != best && w.answerEntity() != null && w.get(Feature.WINDOW_TERMS) >= voterTerms) {
                String answer = answerKey(w.answerEntity());
                if (!answer.isEmpty()) {
                    vote(w, answer, articles, strongest);
                }
            }
        }
        String winner = bestAnswer;
        for (Map.Entry<String, Set<String>> e : articles.entrySet()) {
            if (e.getValue().size() > articles.get(winner).size()) {
                winner = e.getKey();
            }
        }
        return strongest.get(winner);
    }

    /**
     * The vote among those of the best {@link ExtractiveAnswerer#RESCORED} windows that give the kind of phrase the
     * question asks for, the best of them voting whatever its words, or {@code otherwise} when none gives it.
     * Factoid QA's answer-type check, for a kind the answerer can tell for certain, kept to the windows the vote
     * looks at: a window far down the list does not win by naming some state.
     */
    Window amongKind(QuestionAnalysis question, List<Window> windows, Predicate<Window> ofKind, Window otherwise) {
        List<Window> candidates = best(windows).stream().filter(ofKind).toList();
        return candidates.isEmpty() ? otherwise : winner(question, candidates, candidates.getFirst());
    }

    /** The best {@link ExtractiveAnswerer#RESCORED} windows by score, the best first. */
    private static List<Window> best(List<Window> windows) {
        return windows.stream().sorted(Comparator.comparingDouble(Window::score).reversed())
                .limit(ExtractiveAnswerer.RESCORED).toList();
    }

    private static void vote(Window w, String answer, Map<String, Set<String>> articles,
            Map<String, Window> strongest) {
        articles.computeIfAbsent(answer, a -> new HashSet<>()).add(w.hit().stored().article().id());
        strongest.putIfAbsent(answer, w);
    }

    /**
     * "NATO Secretary General Mark Rutte" and "Rutte" are one answer; so are "Erdoğan" and "Erdogan", and "32.6C" and
     * "32.6 degrees". Empty for a phrase of stop words alone, which names no answer to count.
     */
    static String answerKey(Entity e) {
        String text = e.kind() == Kind.PERSON || e.kind() == Kind.NAME ? EntityTagger.personName(e.text())
                : EntityTagger.withoutUnit(e.text());
        if (e.kind() == Kind.PERSON) {
            text = text.substring(text.lastIndexOf(' ') + 1);
        }
        return String.join(" ", Terms.ofText(text));
    }
}
