package dev.citeqa.collection;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline Markdown in plain text, as web clippers and note apps save an article: a link reads as its words, an
 * image as nothing, emphasis as the emphasised words. The marks are overwritten in place ({@link
 * SourceView#FILLER}, spaces for an image), so offsets stay the file's. Line marks (headings, bullets, quotes)
 * are the parser's ({@code ArticleParser.Line}).
 */
final class MarkdownText {

    private static final String TARGET = "\\]\\((?:https?://|www\\.|/|#|mailto:)[^)\\s]*(?:\\s+\"[^\"\\n]*\")?\\)";
    /** "![Pier at dusk](https://…/pier.jpg)": a picture says nothing an answer could quote. */
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]\\n]*" + TARGET);
    /** "[the council](https://…)" reads "the council"; group 1 is the words. */
    private static final Pattern LINK = Pattern.compile("\\[([^\\[\\]\\n]+)" + TARGET);
    /**
     * "**6-1**", "__6-1__", "*said*", "_said_": group 2 is the words between two marks that hug them, at most
     * 300 characters apart, so that a long line of stray marks costs a short look per mark, not a pass over it.
     */
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\p{L}\\p{N}*_\\\\])(\\*\\*|__|\\*|_)(?=[^\\s*_])"
            + "([^\\n]{0,300}?[^\\s*_\\\\])\\1(?![\\p{L}\\p{N}*_])");

    private MarkdownText() {}

    /** {@code text} with inline marks hidden at their offsets; the same string when it has none. */
    static String withInlineMarksHidden(String text) {
        if (text.indexOf('[') < 0 && text.indexOf('*') < 0 && text.indexOf('_') < 0) {
            return text;
        }
        char[] view = text.toCharArray();
        Matcher image = IMAGE.matcher(text);
        while (image.find()) {
            Arrays.fill(view, image.start(), image.end(), ' ');
        }
        String rest = new String(view);
        Matcher link = LINK.matcher(rest);
        while (link.find()) {
            view[link.start()] = SourceView.FILLER;
            Arrays.fill(view, link.end(1), link.end(), SourceView.FILLER);
        }
        rest = new String(view);
        Matcher emphasis = EMPHASIS.matcher(rest);
        while (emphasis.find()) {
            Arrays.fill(view, emphasis.start(1), emphasis.end(1), SourceView.FILLER);
            Arrays.fill(view, emphasis.end(2), emphasis.end(), SourceView.FILLER);
        }
        String hidden = new String(view);
        return hidden.equals(text) ? text : hidden;
    }
}
