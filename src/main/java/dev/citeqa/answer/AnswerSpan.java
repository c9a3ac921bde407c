package dev.citeqa.answer;

/**
 * The phrase that answers a question asking for a name, a place, a date, a number or an organisation, inside
 * the quoted sentence.
 *
 * @param text the phrase as the article writes it
 * @param start char offset of the phrase in the article file, as citation offsets are
 * @param end char offset just past the phrase
 */
public record AnswerSpan(String text, String articleId, int start, int end) {}
