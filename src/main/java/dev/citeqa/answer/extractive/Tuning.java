package dev.citeqa.answer.extractive;

/**
 * The numbers behind the extractive answerer's choices, in one place so that they can be measured and
 * changed together. {@link #DEFAULT} was set on the development questions in {@code eval/} (see
 * docs/evaluation.md); held-out questions decide whether a change is an improvement.
 *
 * @param coverage weight of lexical coverage in a window's score
 * @param semantic weight of question-to-sentence similarity
 * @param type weight of holding a phrase of the asked-for kind (a date for "when")
 * @param pairCost what a second sentence costs, so it is added only for real evidence
 * @param minConfidence below this, the answerer says the corpus does not say
 * @param minConfidenceWithoutType the confidence needed when the asked-for kind of phrase is missing
 * @param minConfidenceWithoutMeaning the confidence needed when meanings are not compared (BM25 mode, no
 *     model), where confidence is lexical coverage alone
 * @param semanticOnly how far meaning alone can carry an answer that shares no word with the question
 * @param semanticFloor cosine similarity of unrelated text for this embedding model
 * @param semanticSpan distance from the floor to the similarity of a paraphrase
 * @param contextCredit credit for a question term found in the passage but not the sentence
 * @param anchorCredit credit for a name or number found in the passage or the article's lead but not the
 *     sentence: a story names its subject once, and later sentences that carry the answer refer back to it
 * @param anchorShare share of the names and figures in a question's coverage, the rest going to the words
 *     that say what is asked about them
 */
public record Tuning(double coverage, double semantic, double type, double pairCost,
        double minConfidence, double minConfidenceWithoutType, double minConfidenceWithoutMeaning, double semanticOnly, double semanticFloor,
        double semanticSpan, double contextCredit, double anchorCredit, double anchorShare) {

    public static final Tuning DEFAULT =
            new Tuning(0.30, 0.30, 0.25, 0.0, 0.40, 0.55, 0.30, 0.85, 0.45, 0.35, 0.2, 0.8, 0.2);

    /** Cosine similarity mapped to 0 (unrelated) .. 1 (paraphrase). */
    double similarity(double cosine) {
        return Math.max(0, Math.min(1, (cosine - semanticFloor) / semanticSpan));
    }
}
