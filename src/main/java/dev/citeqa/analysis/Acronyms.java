package dev.citeqa.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * An acronym and the name it stands for. News writes the name in full once ("The Transportation Security
 * Administration projected …") and the acronym after, while a reader asks with the acronym ("How many travelers did
 * the TSA expect …?"): their words share nothing, so neither BM25 nor the answerer's coverage meets the two. Written
 * by hand, as the rule is one line of initials and no library here reads it; a list of acronyms could not know a
 * folder's own ("the Delaware Department of Transportation", DelDOT aside).
 */
public final class Acronyms {

    /** Words a name may hold between its capitalised ones, whose initials the acronym leaves out. */
    private static final Set<String> JOINING = Set.of("of", "and", "for", "the", "on", "&");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}&'’.-]+");
    /**
     * Two letters are too few: any two names in a row spell one ("Sen. Brandon Creighton" would be "SB"). Longer
     * acronyms are words ("UNESCO" is said as a name and written so).
     */
    private static final int MIN_LETTERS = 3;
    private static final int MAX_LETTERS = 6;
    /** An abbreviated title ("Sen.", "Gov."), which starts a person's name, not an organisation's. */
    private static final Pattern ABBREVIATION = Pattern.compile("\\p{Lu}\\p{Ll}{0,3}\\.");
    private static final Pattern PLURAL_OR_POSSESSIVE = Pattern.compile("(?:['’]s|s)$");

    private Acronyms() {}

    /**
     * Whether the text spells out the acronym: capitalised words in a row, joined by "of", "and", "for", "the" or "on",
     * whose initials are its letters ("Transportation Security Administration" for "TSA", "National Aeronautics and
     * Space Administration" for "NASA"). A possessive or plural "s" after the acronym ("TSA's") is no letter of it.
     */
    public static boolean spelledOut(String acronym, String text) {
        return !spellingOut(acronym, text).isEmpty();
    }

    /**
     * The words of the text that spell out the acronym, as {@link #spelledOut} reads them ("World Wrestling
     * Entertainment" of a question, for a story's "WWE"), or none.
     */
    public static List<String> spellingOut(String acronym, String text) {
        if (!isOne(acronym)) {
            return List.of();
        }
        String letters = capitals(bare(acronym));
        List<String> words = WORD.matcher(text).results().map(MatchResult::group).toList();
        for (int start = 0; start < words.size(); start++) {
            int end = spelledFrom(words, start, letters);
            if (end > start) {
                return words.subList(start, end);
            }
        }
        return List.of();
    }

    /** Whether a word is an acronym this class reads: 3 to 6 capitals, and a plural or possessive "s". */
    public static boolean isOne(String word) {
        if (word.length() < MIN_LETTERS || !Character.isUpperCase(word.charAt(0))) {
            return false; // the common case, asked of every word a sentence lacks: no pattern run
        }
        String bare = bare(word);
        int letters = capitals(bare).length();
        return letters >= MIN_LETTERS && letters <= MAX_LETTERS && EntityTagger.isAcronym(bare);
    }

    private static String bare(String acronym) {
        return PLURAL_OR_POSSESSIVE.matcher(acronym).replaceFirst("");
    }

    private static String capitals(String word) {
        StringBuilder out = new StringBuilder();
        word.codePoints().filter(Character::isUpperCase).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** The end of the words from {@code start} whose initials are the letters, or {@code start} when they are not. */
    private static int spelledFrom(List<String> words, int start, String letters) {
        int matched = 0;
        int i = start;
        for (; i < words.size() && matched < letters.length(); i++) {
            String word = words.get(i);
            boolean capitalised = Character.isUpperCase(word.codePointAt(0)) && word.length() > 1
                    && !ABBREVIATION.matcher(word).matches();
            if (capitalised && word.charAt(0) == letters.charAt(matched)) {
                matched++;
            } else if (matched == 0 || !JOINING.contains(word.toLowerCase(Locale.ROOT))) {
                return start;
            }
        }
        return matched == letters.length() ? i : start;
    }
}
