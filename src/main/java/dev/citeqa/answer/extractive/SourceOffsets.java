package dev.citeqa.answer.extractive;

import dev.citeqa.collection.Article;
import dev.citeqa.collection.Paragraph;
import dev.citeqa.collection.Sentence;

/**
 * Maps a position in a sentence's text to the article file. A sentence's text is its stretch of the file with
 * runs of whitespace made one space and invisible characters dropped, so positions drift from the file's; the
 * article's paragraphs hold the file's own text, and walking both side by side finds where a character sits.
 */
final class SourceOffsets {

    private SourceOffsets() {}

    /**
     * The file offsets of {@code sentence.text()} from {@code from} to {@code to}, or null when the text cannot
     * be found in the article's paragraphs.
     */
    static int[] of(Article article, Sentence sentence, int from, int to) {
        StringBuilder raw = new StringBuilder();
        int rawStart = -1;
        for (Paragraph p : article.paragraphs()) {
            if (p.end() <= sentence.start() || p.start() >= sentence.end()) {
                continue;
            }
            int start = Math.max(p.start(), sentence.start());
            if (rawStart < 0) {
                rawStart = start;
            } else {
                // Between two paragraphs lies only a line break or blank lines, which the sentence reads as a space.
                raw.append("\n".repeat(Math.max(0, start - (rawStart + raw.length()))));
            }
            raw.append(p.text(), start - p.start(), Math.min(p.end(), sentence.end()) - p.start());
        }
        if (rawStart < 0) {
            return null;
        }
        String text = sentence.text();
        int i = 0;
        int j = 0;
        int mappedFrom = -1;
        while (i < to && j < raw.length()) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c);
            if (c == raw.charAt(j) || space && Character.isWhitespace(raw.charAt(j))) {
                if (i == from) {
                    mappedFrom = j;
                }
                i++;
                j++;
                // A run of whitespace in the file is one space in the sentence.
                while (space && j < raw.length() && Character.isWhitespace(raw.charAt(j))) {
                    j++;
                }
            } else {
                j++; // a character the sentence dropped (zero-width, a bidi control)
            }
        }
        return i == to && mappedFrom >= 0 ? new int[] {rawStart + mappedFrom, rawStart + j} : null;
    }
}
