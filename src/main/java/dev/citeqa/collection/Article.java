package dev.citeqa.collection;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A cleaned article: metadata parsed from its header and the paragraphs left after boilerplate removal.
 *
 * @param id file name without {@code .txt}, the ID answers cite
 * @param date ISO {@code yyyy-MM-dd}, or null when the text gives none
 * @param outlet publisher name, or null when the text gives none
 * @param titleFromText the file has no headline, so {@code title} is its first sentence, shortened: a name to
 *     show, not a headline to search
 */
public record Article(String id, String title, String date, String outlet, List<Paragraph> paragraphs,
        boolean titleFromText) {

    public Article {
        paragraphs = List.copyOf(paragraphs);
    }

    /** An article whose file has a headline of its own. */
    public Article(String id, String title, String date, String outlet, List<Paragraph> paragraphs) {
        this(id, title, date, outlet, paragraphs, false);
    }

    /**
     * What the article says about itself: headline, publication date spelled out ("13 May 2025", so that a
     * question naming the month or year matches it) and outlet. A title taken from the first sentence is left
     * out: that sentence is in the text already, and counting it again as a headline would weigh the words of
     * every headline-less file's opening twice or three times (a folder of one-paragraph snippets).
     */
    public String metadataText() {
        List<String> parts = new ArrayList<>(3);
        if (!titleFromText) {
            parts.add(title);
        }
        if (date != null) {
            parts.add(LocalDate.parse(date).format(SPELLED_DATE));
        }
        if (outlet != null) {
            parts.add(outlet);
        }
        return String.join("\n", parts);
    }

    private static final DateTimeFormatter SPELLED_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /**
     * The cleaned text, one paragraph per block, as it reads: without the invisible characters that hold the
     * place of markup, an entity's tail or a hyphenated line end in a paragraph ({@link SourceView#FILLER}). The
     * tokenizer breaks words at them, so "mil" and "lion" were indexed for a "million" broken over two lines.
     */
    public String text() {
        return FORMAT.matcher(String.join("\n\n", paragraphs.stream().map(Paragraph::text).toList())).replaceAll("");
    }

    private static final Pattern FORMAT = Pattern.compile("\\p{Cf}+");
}
