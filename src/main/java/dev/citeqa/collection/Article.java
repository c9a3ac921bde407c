package dev.citeqa.collection;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

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

    /**
     * What the article says about itself: title, publication date spelled out ("13 May 2025", so that a
     * question naming the month or year matches it) and outlet.
     */
    public String metadataText() {
        StringBuilder text = new StringBuilder(title);
        if (date != null) {
            text.append('\n').append(LocalDate.parse(date).format(SPELLED_DATE));
        }
        if (outlet != null) {
            text.append('\n').append(outlet);
        }
        return text.toString();
    }

    private static final DateTimeFormatter SPELLED_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** The cleaned text, one paragraph per block. */
    public String text() {
        return String.join("\n\n", paragraphs.stream().map(Paragraph::text).toList());
    }
}
