package dev.citeqa.analysis;

/**
 * Regular-expression pieces that several rules share, defined once: month and weekday names, years, and
 * initialisms, and a word. Each is a non-capturing group, to be embedded in a larger pattern. And the bound on a run
 * of combining marks, which both a question and an article's text keep to.
 */
public final class NewsPatterns {

    private NewsPatterns() {}

    /** A month's name or its abbreviation, with an optional full stop ("Jan.", "Sept."). Case as written. */
    public static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October"
            + "|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?";

    public static final String WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

    /** A year of news: 1800 to 2099. */
    public static final String YEAR = "(?:1[89]|20)\\d{2}";

    /** Two or more capitals each followed by a full stop ("U.S.", "U.N."). */
    public static final String INITIALISM = "(?:\\p{Lu}\\.){2,}";

    /** A word as written, with its apostrophes and hyphens: "Erdoğan's", "vice-president". */
    public static final String WORD = "(?:[\\p{L}'’-]+)";

    /**
     * The most combining marks ({@code \\p{M}}) one character carries in Unicode's stream-safe text (UAX #15): no script
     * needs more, and Java's {@code \\b} looks back over every mark before it, so that a run of thousands ("Zalgo"
     * text) held a core for half a minute in a question's patterns, and for minutes in a 200 KB file's.
     */
    public static final int MAX_COMBINING_MARKS = 30;
}
