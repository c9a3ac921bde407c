package dev.citeqa.answer.extractive;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quarters of a year a text names, as company results name them: "third-quarter", "fourth quarter", "Q3", "3Q24",
 * and "the three months to (or ended) September 30", "the first three months of the year", as British and company copy
 * often gives them.
 */
final class Quarters {

    private static final Pattern QUARTER = Pattern.compile(
            "(?i:\\b(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter\\b)|\\bQ([1-4])\\b|\\b([1-4])Q(?:\\d{2})?\\b");
    /**
     * Three months that end with a calendar quarter: a quarter by the month it ends in. A fiscal year's quarters end in
     * other months, which say no quarter of the calendar, and are left out.
     */
    private static final Pattern THREE_MONTHS = Pattern.compile("(?i)\\bthree months (?:that )?(?:ended|ending|to|"
            + "through|until) (?:the end of |on )?(?:(March|Mar\\.?)|(June|Jun\\.?)|(September|Sept?\\.?)|(December|Dec\\.?))"
            + "(?![\\p{L}])");
    private static final Pattern FIRST_OR_LAST_THREE_MONTHS = Pattern.compile(
            "(?i)\\b(first|last|final) three months of (?:the year|20\\d\\d)\\b");
    /** A word of the question that names its quarter: "fourth" of "fourth-quarter", "Q4". */
    private static final Pattern QUARTER_WORD = Pattern.compile("(?i)first|second|third|fourth|1st|2nd|3rd|4th|q[1-4]");

    private Quarters() {
    }

    /** The quarters named, 1 to 4; empty when none is. */
    static Set<Integer> named(String text) {
        Set<Integer> quarters = new HashSet<>();
        Matcher m = QUARTER.matcher(text);
        while (m.find()) {
            quarters.add(m.group(1) != null ? ordinal(m.group(1).toLowerCase(Locale.ROOT))
                    : Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3)));
        }
        Matcher months = THREE_MONTHS.matcher(text);
        while (months.find()) {
            for (int q = 1; q <= 4; q++) {
                if (months.group(q) != null) {
                    quarters.add(q);
                }
            }
        }
        Matcher firstOrLast = FIRST_OR_LAST_THREE_MONTHS.matcher(text);
        while (firstOrLast.find()) {
            quarters.add(firstOrLast.group(1).equalsIgnoreCase("first") ? 1 : 4);
        }
        return quarters;
    }

    /** Whether a question's word is the one that names its quarter: "fourth", "Q4". */
    static boolean isQuarterWord(String surface) {
        return QUARTER_WORD.matcher(surface).matches();
    }

    private static int ordinal(String word) {
        return switch (word) {
            case "first", "1st" -> 1;
            case "second", "2nd" -> 2;
            case "third", "3rd" -> 3;
            default -> 4;
        };
    }
}
