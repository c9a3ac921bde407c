package dev.citeqa.collection;

import dev.citeqa.analysis.EnglishWords;
import dev.citeqa.analysis.NewsPatterns;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a file as the parser reads it, with every character at the offset it has in the file, so that
 * whatever the parser keeps can be highlighted in the original. Characters that must not be read are
 * overwritten rather than removed: markup with spaces and line breaks (see {@link HtmlText}); the rest of an
 * entity's length (in plain text too: "Trump&#8217;s"), inline Markdown marks ({@link MarkdownText}), bidi
 * controls, which would make the text display in another order than it is read, and other control characters
 * and terminal escape sequences, with {@link #FILLER}; in text
 * that is not a web page, line ends other than a line feed (a lone carriage return, the next-line control,
 * Unicode's line and paragraph separators) with a line feed, and a line end inside a hyphenated word with
 * {@link #FILLER}s ({@link #withHyphenatedWordsJoined}).
 *
 * @param title the title an HTML page's head or a JSON record gives; null for plain text
 * @param date the publication date in an HTML page's metadata or a JSON record; null for plain text
 * @param outlet the site name in an HTML page's metadata or a JSON record; null for plain text
 */
record SourceView(String text, String title, LocalDate date, String outlet) {

    /**
     * Stands in for a character that is not text. A zero-width space is invisible and has no direction, so
     * a paragraph shows as the file reads; sentences drop it (with every other format character) before they
     * are indexed or embedded.
     */
    static final char FILLER = '\u200B';

    static SourceView of(String source) {
        boolean html = HtmlText.isHtml(source);
        SourceView view = html ? HtmlText.read(source) : JsonText.read(source);
        if (view == null) {
            view = new SourceView(MarkdownText.withInlineMarksHidden(HtmlText.withEntitiesDecoded(source)), null, null,
                    null);
        }
        // In a page, markup breaks the lines, and HtmlText makes any line end inside an element a space.
        // A declared title or outlet is shown as the text is; the parser drops the filler from them.
        String text = readable(view.text(), !html);
        return new SourceView(html ? text : withHyphenatedWordsJoined(text),
                view.title() == null ? null : readable(view.title(), false),
                view.date(), view.outlet() == null ? null : readable(view.outlet(), false));
    }

    /**
     * A word broken over two lines at a hyphen, as text exported from a PDF or a typeset page has it: the letters
     * before the hyphen (group 1), the hyphen, the line end with any spaces around it, and the letters that go on
     * in lower case on the next line (group 2). The letters start a word: tried at every letter of a long run, the
     * scan took seconds on a file of one long word.
     */
    private static final Pattern HYPHENATED_LINE_END =
            Pattern.compile("(?<!\\p{L})(\\p{L}+)[-\u2010\u00AD][ \\t]*\\r?\\n[ \\t]*(\\p{Ll}+)");

    /**
     * Hyphenated line ends read as the words they break: "mil-" over "lion" is "million", with the hyphen and
     * the line end overwritten with {@link #FILLER}, where the word joined is English ({@link EnglishWords});
     * any other ("well-" over "known") keeps its hyphen and loses only the line end. Left as they were, the
     * halves were two words that no question matches, each line a paragraph of its own.
     */
    static String withHyphenatedWordsJoined(String text) {
        Matcher m = HYPHENATED_LINE_END.matcher(text);
        char[] chars = null;
        while (m.find()) {
            if (chars == null) {
                chars = text.toCharArray();
            }
            String joined = (m.group(1) + m.group(2)).toLowerCase(Locale.ROOT);
            int from = EnglishWords.contains(joined) ? m.end(1) : m.end(1) + 1;
            java.util.Arrays.fill(chars, from, m.start(2), FILLER);
        }
        return chars == null ? text : new String(chars);
    }

    /** The embeddings (U+202A to U+202E) and isolates (U+2066 to U+2069) of the Unicode bidi algorithm. */
    static boolean isBidiControl(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
    }

    /** The next-line control and Unicode's line and paragraph separators, which word processors export. */
    static boolean isLineSeparator(char c) {
        return c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /**
     * Whether a character ends a line without being a line feed: a carriage return alone (the line end of
     * classic Mac OS files), or a {@linkplain #isLineSeparator line separator}. A carriage return before a line
     * feed is part of a Windows line end and stays.
     */
    private static boolean isOtherLineEnd(String source, int i) {
        char c = source.charAt(i);
        return c == '\r' ? i + 1 == source.length() || source.charAt(i + 1) != '\n' : isLineSeparator(c);
    }

    /**
     * A control character that is neither white space nor a line end: no text holds one, and a terminal obeys it.
     * An answer quotes the article, so an escape sequence in a file ("\u001B[2J", which clears the screen, or one
     * that sets a terminal's title) would reach every client that prints the answer.
     */
    static boolean isStrayControl(char c) {
        return c < ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f'
                || c >= '\u007F' && c <= '\u009F' && !isLineSeparator(c);
    }

    /** A combining mark, as {@code \\p{M}} matches one. */
    private static boolean isCombiningMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /**
     * Bidi controls, stray controls and combining marks past {@link NewsPatterns#MAX_COMBINING_MARKS} in a row
     * overwritten with {@link #FILLER}, a terminal's escape sequence whole (the escape and what it says), and (when
     * {@code lineEnds}) other line ends with line feeds, which the parser reads.
     */
    private static String readable(String source, boolean lineEnds) {
        char[] chars = null;
        int marks = 0;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            marks = isCombiningMark(c) ? marks + 1 : 0;
            boolean hidden = isBidiControl(c) || isStrayControl(c) || marks > NewsPatterns.MAX_COMBINING_MARKS;
            if (hidden || lineEnds && isOtherLineEnd(source, i)) {
                if (chars == null) {
                    chars = source.toCharArray();
                }
                int end = c == '\u001B' ? escapeEnd(source, i) : i + 1;
                java.util.Arrays.fill(chars, i, end, hidden ? FILLER : '\n');
                i = end - 1;
            }
        }
        return chars == null ? source : new String(chars);
    }

    /**
     * Where an escape sequence that starts at {@code start} ends: a control sequence ("ESC [ 31 m") at its final
     * byte, an operating system command ("ESC ] 0 ; title BEL") at its bell or string terminator, on the same line
     * and within 64 characters; otherwise after the escape and the character it escapes.
     */
    private static int escapeEnd(String source, int start) {
        int limit = Math.min(source.length(), start + 64);
        if (start + 1 < limit && source.charAt(start + 1) == '[') {
            for (int j = start + 2; j < limit && source.charAt(j) != '\n'; j++) {
                if (source.charAt(j) >= '@' && source.charAt(j) <= '~') {
                    return j + 1;
                }
            }
        } else if (start + 1 < limit && source.charAt(start + 1) == ']') {
            for (int j = start + 2; j < limit && source.charAt(j) != '\n'; j++) {
                if (source.charAt(j) == '\u0007') {
                    return j + 1;
                }
                if (source.charAt(j) == '\u001B' && j + 1 < limit && source.charAt(j + 1) == '\\') {
                    return j + 2;
                }
            }
        }
        // The character escaped, unless it is half of a pair or ends a line, which text needs whole.
        char next = start + 1 < source.length() ? source.charAt(start + 1) : '\n';
        return Character.isSurrogate(next) || next == '\n' || next == '\r' || isLineSeparator(next)
                ? start + 1 : start + 2;
    }
}
