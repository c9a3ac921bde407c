package dev.citeqa.analysis;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spells out the business shorthand questions use but articles rarely do: "Q2 2022" becomes "second quarter
 * of 2022", "H1" becomes "first half". Both retrieval and the answerer read the rewritten question.
 */
public final class QuestionRewriter {

    private static final String[] ORDINALS = {"first", "second", "third", "fourth"};
    /**
     * A year after the quarter is set apart by a space or an apostrophe ("Q2 2022", "Q2 of '22", "Q2'22"), so
     * that a code such as "q149" is no quarter of 2049.
     */
    private static final Pattern QUARTER =
            Pattern.compile("\\b[Qq]([1-4])(?:(?:\\s+(?:of\\s+)?|\\s*(?='))('?\\d{2}(?:\\d{2})?))?\\b");
    private static final Pattern HALF = Pattern.compile("\\b[Hh]([12])(?:\\s+(?:of\\s+)?(\\d{4}))?\\b");

    private QuestionRewriter() {}

    public static String normalise(String question) {
        String text = replace(question, QUARTER, "quarter");
        return replace(text, HALF, "half");
    }

    private static String replace(String text, Pattern pattern, String period) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String ordinal = ORDINALS[Integer.parseInt(m.group(1)) - 1];
            String year = m.group(2) == null ? "" : " of " + fullYear(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(ordinal + " " + period + year));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String fullYear(String year) {
        String digits = year.replace("'", "");
        return digits.length() == 2 ? "20" + digits : digits.toLowerCase(Locale.ROOT);
    }
}
