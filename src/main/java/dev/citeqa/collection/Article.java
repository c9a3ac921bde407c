package dev.citeqa.collection;

import java.util.List;

/**
 * A cleaned article: metadata parsed from its header and the paragraphs left after boilerplate removal.
 *
 * @param id file name without {@code .txt}, the ID answers cite
 * @param date ISO {@code yyyy-MM-dd}, or null when the text gives none
 * @param outlet publisher name, or null when the text gives none
 */
public record Article(String id, String title, String date, String outlet, List<Paragraph> paragraphs) {

    public Article {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The cleaned text, one paragraph per block. */
    public String text() {
        return String.join("\n\n", paragraphs.stream().map(Paragraph::text).toList());
    }
}
