package dev.citeqa.collection;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a publication date written in one of the styles news sites use: "09 June 2025 06:24",
 * "June 9, 2025", "2025-05-13", "16.05.2025" (day first, as in Europe). Slash dates are ambiguous between
 * day-first and month-first, so they are not guessed.
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

    private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October"
            + "|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";

    private enum Style {
        DAY_MONTH_YEAR("\\b(\\d{1,2})\\s+" + MONTH + ",?\\s+(\\d{4})\\b"),
        MONTH_DAY_YEAR("\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b"),
        ISO("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b"),
        DOTTED("\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b");

        final Pattern pattern;

        Style(String regex) {
            this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        }
    }

    /** The earliest date in the line, if any parses to a real calendar day. */
    static Optional<PublicationDate> find(String line) {
        PublicationDate best = null;
        for (Style style : Style.values()) {
            Matcher m = style.pattern.matcher(line);
            while (m.find()) {
                Optional<LocalDate> date = toDate(style, m);
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

    private static Optional<LocalDate> toDate(Style style, Matcher m) {
        try {
            return Optional.of(switch (style) {
                case DAY_MONTH_YEAR -> LocalDate.of(year(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)));
                case MONTH_DAY_YEAR -> LocalDate.of(year(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
                case ISO -> LocalDate.of(year(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                case DOTTED -> LocalDate.of(year(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
            });
        } catch (DateTimeException e) {
            return Optional.empty();
        }
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
