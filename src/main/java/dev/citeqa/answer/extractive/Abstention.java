package dev.citeqa.answer.extractive;

/**
 * The fourth stage: whether the best window is good enough to quote. The model's score decides, with one
 * hand rule kept on top because it is a fact, not a judgement: a window whose story lacks a name or figure
 * the question gives ("2019" when the story is about 2021) answers a different question, however well it
 * scores otherwise.
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
    String reason(Window best) {
        if (best.get(Feature.MISSING_REQUIRED) > 0) {
            return "No passage is about everything the question names.";
        }
        if (best.score() < (Double.isNaN(best.semantic()) ? minScoreWithoutMeaning : minScore)) {
            return "No passage answers the question closely enough.";
        }
        return null;
    }
}
