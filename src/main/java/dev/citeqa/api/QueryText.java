package dev.citeqa.api;

import java.util.regex.Pattern;

/**
 * A question or query as a client sent it, made fit for the pipeline. Control characters (NUL, escape, tab,
 * …) become spaces and runs of white space collapse to one: no tokenizer or model expects them, and a question
 * made only of them is blank, not a crash further down. Invisible format characters (zero-width spaces and
 * joiners, bidirectional overrides, byte order marks) are dropped, so that "Rut\u200Bte" still finds Rutte. A
 * lone surrogate is not text at all (no UTF-8 can carry it), so it is refused rather than guessed at.
 */
public final class QueryText {

    private static final Pattern CONTROL_OR_SPACE = Pattern.compile("[\\p{Cc}\\s]+");
    private static final Pattern FORMAT = Pattern.compile("\\p{Cf}+");

    private QueryText() {}

    /**
     * Whether {@code text} has more than {@code maxChars} characters, counted as people count them: an emoji
     * is one character, though Java and JavaScript store it as two UTF-16 units.
     */
    public static boolean longerThan(String text, int maxChars) {
        return text.length() > maxChars && text.codePointCount(0, text.length()) > maxChars;
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
                        + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + ") at position " + i
                        + "; send valid Unicode text.");
            }
        }
        String visible = FORMAT.matcher(raw).replaceAll("");
        return CONTROL_OR_SPACE.matcher(visible).replaceAll(" ").strip();
    }
}
