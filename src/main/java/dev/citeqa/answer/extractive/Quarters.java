package dev.citeqa.answer.extractive;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The quarters of a year a text names, as company results name them: "third-quarter", "fourth quarter", "Q3", "3Q24". */
final class Quarters {

    private static final Pattern QUARTER = Pattern.compile(
            "(?i:\\b(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter\\b)|\\bQ([1-4])\\b|\\b([1-4])Q(?:\\d{2})?\\b");

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
        return quarters;
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
