package dev.citeqa.analysis;

/**
 * Regular-expression pieces that several rules share, defined once: month and weekday names, years, and
 * initialisms, and a word. Each is a non-capturing group, to be embedded in a larger pattern.
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
}
