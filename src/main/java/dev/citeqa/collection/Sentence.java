package dev.citeqa.collection;

/**
 * One sentence, with whitespace collapsed for reading; {@code start}/{@code end} are char offsets into the
 * original file, so that a client can highlight it.
 */
public record Sentence(String text, int start, int end) {}
