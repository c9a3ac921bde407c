package dev.citeqa.api;

import java.util.regex.Pattern;

/**
 * A whole number given as a query parameter ({@code k}, {@code offset}, {@code limit}). Written in ASCII digits only:
 * {@link Integer#parseInt} also reads other scripts' digits ("１０", "١٠"), which no client means to send.
 */
final class QueryNumber {

    /** Digits, at most ten of them (an int's), so that any match fits a long. */
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,10}");

    private QueryNumber() {}

    /**
     * @param absent the value when the parameter is not given
     * @param error the 400's message for a value that is not a whole number from {@code min} to {@code max}
     */
    static int of(String value, int absent, int min, int max, String error) {
        if (value == null) {
            return absent;
        }
        String digits = value.strip();
        if (DIGITS.matcher(digits).matches()) {
            long number = Long.parseLong(digits);
            if (number >= min && number <= max) {
                return (int) number;
            }
        }
        throw ApiException.badRequest(error);
    }
}
