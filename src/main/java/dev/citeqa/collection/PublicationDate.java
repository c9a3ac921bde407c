package dev.citeqa.collection;

import dev.citeqa.analysis.NewsPatterns;
import dev.citeqa.analysis.WordLists;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds a publication date written in one of the styles news sites use: "09 June 2025 06:24", "14-APR-1987",
 * "Jan. 5, 2024", "January 5, 2024 10:24 AM EST", "Fri, 05 Jan 2024 10:24:00 GMT", "2025-05-13" and ISO timestamps
 * ("2024-01-05T10:24:00Z"), "2024/01/05", "16.05.2025" (day first, as in Europe), and day-first dates in French,
 * German, Spanish, Italian, Portuguese and Dutch ("5 janvier 2024", "5. Januar 2024"). A slash date such as
 * "01/05/2024" is day-first in Europe and month-first in the US, so it is read only in the order the corpus is
 * known to use ({@link DateOrder}); "13/05/2024", "05/13/2024" and "05/05/2024" read the same either way.
 */
record PublicationDate(LocalDate date, int start, int end) {

    private static final Map<String, Month> MONTHS = new HashMap<>();

    static {
        for (Month m : Month.values()) {
            MONTHS.put(m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT), m);
            MONTHS.put(m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT), m);
        }
        MONTHS.put("sept", Month.SEPTEMBER);
    }

    private static final String MONTH = "(" + NewsPatterns.MONTH + ")";

    /** Month names of other languages ({@code analysis/month-names.txt}) by their number. */
    private static final Map<String, Integer> OTHER_MONTHS = WordLists.pairs("month-names").entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> Integer.parseInt(e.getValue())));

    /** Any of them, the longer first so that "juillet" is not read as "juil", with an abbreviation's full stop. */
    private static final String OTHER_MONTH = "(" + OTHER_MONTHS.keySet().stream()
            .sorted(Comparator.comparingInt(String::length).reversed()).map(Pattern::quote)
            .collect(Collectors.joining("|")) + ")\\.?(?![\\p{L}])";

    /** Digits that are not part of a longer number or word on either side. */
    private static final String NOT_AFTER = "(?<![\\p{L}\\d])";
    private static final String NOT_BEFORE = "(?!\\d)";

    /** Two numbers up to 12 and a year, slash-separated: the order of day and month is not in the text. */
    private static final Pattern SLASHED =
            Pattern.compile(NOT_AFTER + "(\\d{1,2})/(\\d{1,2})/(\\d{4})" + NOT_BEFORE);

    private enum Style {
        // "14-APR-1987" too, as a wire service's archive stamps a story.
        DAY_MONTH_YEAR(NOT_AFTER + "(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+|-)" + MONTH + "(?:,?\\s+|-)(\\d{4})"
                + NOT_BEFORE),
        MONTH_DAY_YEAR("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})" + NOT_BEFORE),
        // The time of a timestamp follows a "T", so the date ends at a non-digit rather than a word boundary.
        ISO(NOT_AFTER + "(\\d{4})-(\\d{2})-(\\d{2})" + NOT_BEFORE),
        YEAR_SLASH(NOT_AFTER + "(\\d{4})/(\\d{1,2})/(\\d{1,2})" + NOT_BEFORE),
        DOTTED(NOT_AFTER + "(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})" + NOT_BEFORE),
        // "5 janvier 2024", "1er mars 2024", "5. Januar 2024", "5 de enero de 2024", "15 de março de 2024".
        OTHER_LANGUAGE(NOT_AFTER + "(\\d{1,2})(?:\\.|er|º|°)?\\s+(?:de\\s+)?" + OTHER_MONTH
                + ",?\\s+(?:de\\s+|del\\s+)?(\\d{4})" + NOT_BEFORE),
        SLASH(SLASHED.pattern());

        final Pattern pattern;

        Style(String regex) {
            // Unicode case too: "MÄRZ", "Août".
            this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }
    }

    /** As {@link #find(String, DateOrder)} when the corpus has not shown its slash-date order. */
    static Optional<PublicationDate> find(String line) {
        return find(line, DateOrder.UNKNOWN);
    }

    /** The day of {@link #find(String, DateOrder)}, or null: a metadata field's date ("date: 2024-02-03"). */
    static LocalDate dateIn(String value, DateOrder order) {
        return find(value, order).map(PublicationDate::date).orElse(null);
    }

    /** The earliest date in the line, if any parses to a real calendar day. */
    static Optional<PublicationDate> find(String line, DateOrder order) {
        PublicationDate best = null;
        for (Style style : Style.values()) {
            Matcher m = style.pattern.matcher(line);
            while (m.find()) {
                Optional<LocalDate> date = toDate(style, m, order);
                if (date.isPresent() && (best == null || m.start() < best.start())) {
                    best = new PublicationDate(date.get(), m.start(), m.end());
                }
                if (date.isPresent()) {
                    break;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * What slash dates in {@code text} say about the order of day and month: one order each, or UNKNOWN for a date
     * that reads differently in the two; a date that reads alike in both ("01/01/2024"), or in neither ("45/67/2024"),
     * says nothing.
     */
    static List<DateOrder> slashOrders(String text) {
        List<DateOrder> orders = new ArrayList<>();
        Matcher m = SLASHED.matcher(text);
        while (m.find()) {
            DateOrder order = orderOf(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            if (order != null) {
                orders.add(order);
            }
        }
        return orders;
    }

    /**
     * DAY_FIRST or MONTH_FIRST when only one reading is a calendar date, UNKNOWN when both are and differ, and
     * null when the order does not matter (the same number twice) or neither reading is a date.
     */
    private static DateOrder orderOf(int first, int second) {
        boolean dayFirst = first >= 1 && first <= 31 && second >= 1 && second <= 12;
        boolean monthFirst = first >= 1 && first <= 12 && second >= 1 && second <= 31;
        if (first == second || !dayFirst && !monthFirst) {
            return null;
        }
        return dayFirst && monthFirst ? DateOrder.UNKNOWN : dayFirst ? DateOrder.DAY_FIRST : DateOrder.MONTH_FIRST;
    }

    private static Optional<LocalDate> toDate(Style style, Matcher m, DateOrder order) {
        try {
            return Optional.ofNullable(switch (style) {
                case DAY_MONTH_YEAR -> LocalDate.of(year(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)));
                case MONTH_DAY_YEAR -> LocalDate.of(year(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
                case ISO, YEAR_SLASH ->
                        LocalDate.of(year(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                case DOTTED -> LocalDate.of(year(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
                case OTHER_LANGUAGE -> LocalDate.of(year(m.group(3)),
                        OTHER_MONTHS.get(m.group(2).toLowerCase(Locale.ROOT)), Integer.parseInt(m.group(1)));
                case SLASH -> slashDate(m, order);
            });
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static LocalDate slashDate(Matcher m, DateOrder order) {
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(2));
        DateOrder own = orderOf(first, second);
        DateOrder reading = own == null ? DateOrder.DAY_FIRST : own == DateOrder.UNKNOWN ? order : own;
        return switch (reading) {
            case DAY_FIRST -> LocalDate.of(year(m.group(3)), second, first);
            case MONTH_FIRST -> LocalDate.of(year(m.group(3)), first, second);
            case UNKNOWN -> null;
        };
    }

    private static int year(String text) {
        int year = Integer.parseInt(text);
        if (year < 1800 || year > 2200) {
            throw new DateTimeException("not a publication year: " + year);
        }
        return year;
    }

    private static Month month(String name) {
        return MONTHS.get(name.toLowerCase(Locale.ROOT).replace(".", ""));
    }
}
