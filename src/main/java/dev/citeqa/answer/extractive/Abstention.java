package dev.citeqa.answer.extractive;

import dev.citeqa.analysis.EntityTagger;
import dev.citeqa.analysis.QuestionAnalysis;

/**
 * The fourth stage: whether the best window is good enough to quote. The model's score decides, with two
 * hand rules kept on top because they are facts, not judgements: a window whose story lacks a name or figure
 * the question gives ("2019" when the story is about 2021) answers a different question, and a window with no
 * number cannot answer "how many" (nor one without a year "in which year"), however well either scores
 * otherwise. The second rule acts earlier, on which windows are eligible ({@link ExtractiveAnswerer#eligible}):
 * the best window that gives the figure is quoted rather than none.
 */
final class Abstention {

    private final double minScore;
    private final double minScoreWithoutMeaning;

    /** @param minScoreWithoutMeaning the threshold when meanings are not compared (BM25 mode) */
    Abstention(double minScore, double minScoreWithoutMeaning) {
        this.minScore = minScore;
        this.minScoreWithoutMeaning = minScoreWithoutMeaning;
    }

    /**
     * The figure a question asks for, as an abstention names it: "how many", "how much", "in which year", "when",
     * "how long". Null for a question that asks for a name, a place or anything else.
     */
    static String askedFigure(QuestionAnalysis question) {
        return switch (question.type()) {
            case NUMBER -> question.subtype() == QuestionAnalysis.Subtype.AGE ? "age"
                    : question.subtype() == QuestionAnalysis.Subtype.LENGTH ? "length" : "number";
            case YEAR -> "year";
            case DATE -> question.subtype() == QuestionAnalysis.Subtype.TIME ? "time" : "date";
            case DURATION -> "length of time";
            default -> null;
        };
    }

    /** Why no window may be quoted, when none is eligible: the question asks for a figure that none gives. */
    static String noFigure(QuestionAnalysis question) {
        return "No passage gives the " + askedFigure(question) + " asked for.";
    }

    /** Why "Who …?" is not answered: the window to quote names no one but places and the question's own names. */
    static String noOneNamed() {
        return "No passage names anyone who could be the one asked about.";
    }

    /**
     * Why a question about who holds a title is not answered by the phrase that comes nearest: it names the holder of
     * another office ({@link AnswerPhrases#holdsAnotherTitle}).
     */
    static String anotherTitle(EntityTagger.Entity holder) {
        return "No passage names who holds that title; " + holder.text() + " holds another.";
    }

    /** Why a question about who holds a title is not answered by a window that does not name the title at all. */
    static String noOffice() {
        return "No passage names who holds that title.";
    }

    /**
     * Why the answerer abstains, judged on the best window, or null when it answers (quoting the window
     * {@link AnswerVote} chooses, which may be another).
     *
     * @param namesAll whether the window to be quoted names everything the question does, though in other forms than
     *     the windows' words were counted by: "French Foreign Minister Jean-Noel Barrot" for "Who is France's foreign
     *     minister?" ({@link AnswerPhrases#restatesTitle})
     */
    String reason(QuestionAnalysis question, Window best, boolean namesAll) {
        if (best.get(Feature.MISSING_REQUIRED) > 0 && !namesAll) {
            return "No passage is about everything the question names.";
        }
        if (best.score() < (Double.isNaN(best.semantic()) ? minScoreWithoutMeaning : minScore)) {
            return "No passage answers the question closely enough.";
        }
        return null;
    }
}
