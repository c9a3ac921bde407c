package dev.citeqa.collection;

/** A kept block of article text; {@code start}/{@code end} are char offsets into the original file. */
public record Paragraph(String text, int start, int end) {}
