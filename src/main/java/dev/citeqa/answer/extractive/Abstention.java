package dev.citeqa.answer.extractive;

import dev.citeqa.analysis.QuestionAnalysis;

/**
 * The fourth stage: whether the best window is good enough to quote. The model's score decides, with two
 * hand rules kept on top because they are facts, not judgements: a window whose story lacks a name or figure
 * the question gives ("2019" when the story is about 2021) answers a different question, and a window with no
 * number cannot answer "how many", however well either scores otherwise.
 */
final class Abstention {

    private final double minScore;
    private final double minScoreWithoutMeaning;

    /** @param minScoreWithoutMeaning the threshold when meanings are not compared (BM25 mode) */
    Abstention(double minScore, double minScoreWithoutMeaning) {
        this.minScore = minScore;
        this.minScoreWithoutMeaning = minScoreWithoutMeaning;
    }

    /** Why the answerer abstains from quoting {@code best}, or null when it quotes it. */
    String reason(QuestionAnalysis question, Window best) {
        if (best.get(Feature.MISSING_REQUIRED) > 0) {
            return "No passage is about everything the question names.";
        }
        if (question.quantityOf() != null && best.get(Feature.TYPE_MISSING) > 0) {
            return "No passage gives the number asked for.";
        }
        if (best.score() < (Double.isNaN(best.semantic()) ? minScoreWithoutMeaning : minScore)) {
            return "No passage answers the question closely enough.";
        }
        return null;
    }
}
