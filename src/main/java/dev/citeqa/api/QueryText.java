package dev.citeqa.api;

import dev.citeqa.analysis.NewsPatterns;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A question or query as a client sent it, made fit for the pipeline. Control characters (NUL, escape, tab,
 * …) become spaces and runs of white space collapse to one: no tokenizer or model expects them, and a question
 * made only of them is blank, not a crash further down. Invisible format characters (zero-width spaces and
 * joiners, bidirectional overrides, byte order marks) are dropped, so that "Rut\u200Bte" still finds Rutte. A
 * lone surrogate is not text at all (no UTF-8 can carry it), so it is refused rather than guessed at.
 */
public final class QueryText {

    /** Controls and every kind of space: no-break, figure and narrow spaces, and the blank Braille pattern. */
    private static final Pattern CONTROL_OR_SPACE = Pattern.compile("[\\p{Cc}\\p{Z}\\s\\u2800]+");
    private static final Pattern FORMAT = Pattern.compile("\\p{Cf}+");
    /**
     * Characters that show nothing though they are letters or marks (the grapheme joiner, Hangul fillers, Khmer
     * inherent vowels, variation selectors, Mongolian ones included): kept, as the articles' text keeps them, but
     * a question of only these is blank.
     */
    private static final Pattern FILLER = Pattern.compile("[\\u034F\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180D\\u180F"
            + "\\u3164\\uFE00-\\uFE0F\\uFFA0\\x{E0100}-\\x{E01EF} ]+");
    /** More combining marks in a row than {@link NewsPatterns#MAX_COMBINING_MARKS}: the rest of the run is dropped. */
    private static final Pattern MARK_RUN = Pattern.compile(
            "(\\p{M}{" + NewsPatterns.MAX_COMBINING_MARKS + "})\\p{M}+");
    /** A grapheme cluster may be any length ("a" and 5,000 accents): so many code points a character, at most. */
    private static final int CODE_POINTS_PER_CHARACTER = 4;

    private QueryText() {}

    /**
     * Whether {@code text} has more than {@code maxChars} characters, counted as people count them: an emoji
     * is one character, though Java and JavaScript store it as two UTF-16 units, and so is a flag, an emoji with
     * a skin tone or a letter with a combining accent (grapheme clusters, which Java's {@link BreakIterator} finds
     * since JDK 20), up to {@link #CODE_POINTS_PER_CHARACTER} code points each on average.
     */
    public static boolean longerThan(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return false;
        }
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints <= maxChars) {
            return false;
        }
        if (codePoints > (long) maxChars * CODE_POINTS_PER_CHARACTER) {
            return true;
        }
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(text);
        int count = 0;
        while (characters.next() != BreakIterator.DONE) {
            if (++count > maxChars) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param field the parameter's name, for the error message
     * @throws ApiException 400 when {@code raw} holds half of a surrogate pair
     */
    public static String clean(String raw, String field) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < raw.length() && Character.isLowSurrogate(raw.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw ApiException.badRequest("\"" + field + "\" contains an unpaired surrogate (U+"
                        + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ") at position " + i
                        + "; send valid Unicode text.");
            }
        }
        String visible = MARK_RUN.matcher(FORMAT.matcher(raw).replaceAll("")).replaceAll("$1");
        String text = CONTROL_OR_SPACE.matcher(visible).replaceAll(" ").strip();
        return FILLER.matcher(text).matches() ? "" : text;
    }
}
