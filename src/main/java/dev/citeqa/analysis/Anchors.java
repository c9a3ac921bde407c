package dev.citeqa.analysis;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of a question that pick out one story among near-duplicates: names (capitalised inside the
 * question), figures and years, and ordinals of a sequence ("second quarter"). Ranking weighs them up, and
 * the answerer requires them.
 */
public final class Anchors {

    /** Months and weekdays are capitalised but name no one: a date can be written many ways. */
    private static final Pattern CALENDAR_WORD =
            Pattern.compile("(?i)" + NewsPatterns.MONTH + "|" + NewsPatterns.WEEKDAY);

    private static final Pattern ORDINAL_EVENT = Pattern.compile("(?i)(?:first|second|third|fourth|fifth|sixth"
            + "|seventh|eighth|ninth|tenth|final)[- ](?:quarter|half|round|term|stage|leg|game|day|season|place)\\b");

    /** An acronym, singular or plural: "TV", "CEOs". */
    private static final Pattern ACRONYM = Pattern.compile("(\\p{Lu}{2,})s?");

    private static final Set<String> GENERIC_ACRONYMS = WordLists.load("generic-acronyms");

    private static final Pattern POSSESSIVE_OR_DOT = Pattern.compile("['’]s$|\\.");

    private Anchors() {}

    /** Whether {@code token} of {@code question} is an anchor. */
    public static boolean isAnchor(String question, NewsAnalyzer.Token token) {
        return isName(token) || isFigureOrEvent(question, token);
    }

    /**
     * Whether {@code token} is an anchor for its figure or as an ordinal of a sequence ("second quarter",
     * "final round"), whether or not it is also capitalised: a name that holds a digit ("G7") is a figure.
     */
    public static boolean isFigureOrEvent(String question, NewsAnalyzer.Token token) {
        return isFigure(token.surface())
                || ORDINAL_EVENT.matcher(question).region(token.start(), question.length()).lookingAt();
    }

    /** Whether the text holds a digit: a figure, a year, a score or a date, never a spelling of a name. */
    public static boolean isFigure(String text) {
        // A loop, not a pattern: the answerer asks this of every question word in every sentence it weighs. As the
        // pattern ".*\\d.*" did, it wants an ASCII digit and no line break.
        boolean digit = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return false;
            }
            digit |= c >= '0' && c <= '9';
        }
        return digit;
    }

    /**
     * Capitalised inside the question (the first word is capitalised anyway), unless it is an acronym; not an
     * acronym that is a common noun ("TV", "AI": {@code analysis/generic-acronyms.txt}).
     */
    public static boolean isName(NewsAnalyzer.Token token) {
        String surface = token.surface();
        boolean acronym = surface.length() >= 2 && surface.replaceAll("[^\\p{L}]", "").chars()
                .allMatch(Character::isUpperCase);
        return Character.isUpperCase(surface.charAt(0)) && (!token.opening() || acronym)
                && !CALENDAR_WORD.matcher(EntityTagger.withoutPossessive(surface)).matches()
                && !isGenericAcronym(surface);
    }

    /** "TV", "TVs", "TV's" and "A.I." alike. */
    private static boolean isGenericAcronym(String surface) {
        Matcher m = ACRONYM.matcher(POSSESSIVE_OR_DOT.matcher(surface).replaceAll(""));
        return m.matches() && GENERIC_ACRONYMS.contains(m.group(1).toLowerCase(Locale.ROOT));
    }
}
