package dev.citeqa.answer;

import java.util.List;

/**
 * What an answerer produced.
 *
 * @param text the answer, with {@code [articleId]} markers after the sentences they support
 * @param answered false when the corpus does not support an answer; {@code text} then says so
 * @param answerer "extractive", or the model that wrote the answer
 * @param unsupportedSentences answer sentences that their cited passages do not back
 * @param entity the person, place or thing the answer is about, when known; resolves "he" or "it" in a
 *     follow-up question
 * @param answerSpan the answering phrase inside the quote, when the question asks for one and the answerer
 *     found it; null otherwise
 */
public record Answer(String text, boolean answered, List<Citation> citations, String answerer,
        List<String> unsupportedSentences, String entity, AnswerSpan answerSpan) {

    public static final String NOT_IN_CORPUS = "The corpus does not say.";

    public Answer {
        citations = List.copyOf(citations);
        unsupportedSentences = List.copyOf(unsupportedSentences);
    }

    /** An answer without an answer phrase, as language models write them. */
    public Answer(String text, boolean answered, List<Citation> citations, String answerer,
            List<String> unsupportedSentences, String entity) {
        this(text, answered, citations, answerer, unsupportedSentences, entity, null);
    }

    public static Answer notInCorpus(String answerer, String reason) {
        return new Answer(NOT_IN_CORPUS + " " + reason, false, List.of(), answerer, List.of(), null);
    }
}
