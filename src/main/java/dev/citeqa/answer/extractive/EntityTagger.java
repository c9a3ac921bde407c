package dev.citeqa.answer.extractive;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the kinds of phrase a question may ask for: dates, numbers, durations, and capitalised names, which
 * it sorts into people, places and organisations by the words around them.
 *
 * <p>This is deliberately a rule-based tagger: the statistical NER models that would do better need a
 * download, and the service must run offline from what its Maven artifacts contain. News English
 * capitalises names and titles consistently, which these rules lean on.
 */
public final class EntityTagger {

    public enum Kind {
        PERSON,
        PLACE,
        ORGANIZATION,
        /** A name the rules could not place in one of the three kinds above. */
        NAME,
        DATE,
        NUMBER,
        DURATION
    }

    public record Entity(Kind kind, String text, int start, int end) {}

    private static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October"
            + "|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?"
            + "|Dec\\.?)";

    // Compiled once: String.split/matches/replaceAll would compile these on every call of the hot path.
    private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}]");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");
    private static final Pattern INITIALISM = Pattern.compile("\\b(?:\\p{Lu}\\.){2,}$");
    private static final Pattern MONTH_OR_DAY =
            Pattern.compile("(?i)" + MONTH + "|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday");
    static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Pattern DATE = Pattern.compile(String.join("|",
            "\\b\\d{1,2}(?:st|nd|rd|th)?(?:\\s*[-–]\\s*\\d{1,2})?\\s+(?:of\\s+)?" + MONTH + "(?:,?\\s+\\d{4})?",
            "\\b" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?(?:\\s*(?:[-–]|and)\\s*\\d{1,2})?(?:,?\\s+\\d{4})?\\b",
            "\\b(?:early|mid|late)[- ]" + MONTH,
            "\\b(?:in|since|until|by|from|during|of)\\s+" + MONTH + "(?:\\s+\\d{4})?\\b",
            "\\b(?:early|mid|late)[- ]?(?:1[89]|20)\\d{2}s?\\b",
            "\\b(?:1[89]|20)\\d{2}s?\\b",
            "\\b\\d{4}-\\d{2}-\\d{2}\\b",
            "\\b\\d{1,2}\\.\\d{1,2}\\.\\d{4}\\b",
            "\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b",
            "\\b(?:yesterday|today|tomorrow|last (?:week|month|year)|next (?:week|month|year))\\b"));

    private static final String NUMBER_WORD = "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
            + "|seventy|eighty|ninety|hundred|a hundred|a dozen|dozen)";

    private static final String NUMERAL = "(?:[$€£¥]\\s?)?\\d+(?:[.,]\\d+)*(?:\\s*(?:%|percent|per cent))?"
            + "(?:\\s*(?:thousand|million|billion|trillion|bn|m|k))?";

    private static final Pattern NUMBER = Pattern.compile("(?i)\\b(?:" + NUMERAL + "|" + NUMBER_WORD
            + "(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?(?:\\s+(?:thousand|million|billion))?)"
            + "(?:[- ](?:year|month|week|day|hour|minute)s?[- ]old)?\\b|[$€£¥]\\s?\\d+(?:[.,]\\d+)*");

    private static final Pattern DURATION = Pattern.compile("(?i)\\b(?:" + NUMERAL + "|" + NUMBER_WORD
            + "|a|an)(?:[- ]|\\s+)(?:and a half\\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?"
            + "|years?|decades?|centuries)\\b");

    /** A capitalised run: words starting upper case, joined by name particles or hyphens. */
    private static final Pattern CAPITALISED = Pattern.compile(
            "\\b(?:\\p{Lu}[\\p{L}'’.\\-]*\\p{L}|\\p{Lu}\\.?)(?:(?:\\s+(?:of|de|da|del|van|von|der|bin|al|la|le|du|and)"
                    + ")?\\s+(?:\\p{Lu}[\\p{L}'’.\\-]*\\p{L}|\\p{Lu}\\.))*");

    /** Titles and roles that precede a person's name in news copy ("Foreign Minister Hakan Fidan"). */
    static final Set<String> TITLES = Set.of("president", "prime", "minister", "secretary", "general", "foreign",
            "defence", "defense", "deputy", "chief", "chancellor", "spokesman", "spokeswoman", "spokesperson",
            "adviser", "advisor", "senator", "sen", "governor", "gov", "mayor", "king", "queen", "prince",
            "princess", "pope", "ambassador", "director", "ceo", "chairman", "chairwoman", "chair", "commander",
            "gen", "col", "lt", "captain", "capt", "mr", "mrs", "ms", "dr", "prof", "professor", "judge",
            "justice", "rep", "representative", "vice", "head", "leader", "envoy", "coach", "manager", "editor",
            "founder", "executive", "officer", "presidential", "state", "interior", "finance", "economy",
            "health", "trade", "first", "lady", "sheikh", "emir", "sultan", "speaker", "lord", "sir", "dame",
            "reporter", "correspondent", "analyst", "expert", "fellow", "teaching");

    private static final Set<String> ORG_WORDS = Set.of("ministry", "council", "union", "party", "agency",
            "company", "corporation", "corp", "inc", "ltd", "group", "bank", "university", "college", "institute",
            "committee", "commission", "department", "office", "organization", "organisation", "association",
            "parliament", "congress", "senate", "government", "court", "army", "forces", "navy", "police",
            "directorate", "foundation", "fund", "club", "team", "federation", "league", "alliance", "kremlin",
            "times", "post", "news", "press", "network", "service", "services", "authority", "board");

    /** Last words of names of events, awards and documents, never people ("Halvorsen Prize"). */
    private static final Set<String> THING_WORDS = Set.of("prize", "award", "awards", "medal", "cup", "trophy",
            "festival", "summit", "conference", "games", "championship", "championships", "marathon", "treaty",
            "accord", "agreement", "act", "bill", "plan", "programme", "program", "communique", "communiqué",
            "declaration", "storm", "hurricane", "operation", "forum", "series", "tour");

    /** Last words of names of buildings and streets, which are places however they are introduced. */
    private static final Set<String> FACILITY_WORDS = Set.of("bridge", "street", "road", "avenue", "square",
            "park", "station", "airport", "hospital", "school", "stadium", "centre", "center", "hall", "museum",
            "library", "arena", "palace", "cathedral", "port", "harbour", "harbor");

    private static final Set<String> PARTICLES = Set.of("of", "the", "and");

    private static final Set<String> LOCATIVE = Set.of("in", "at", "to", "from", "near", "into", "across",
            "outside", "inside", "visited", "visit", "toward", "towards", "via");

    /** English country names from the JDK's locale data, so no gazetteer file has to be maintained. */
    private static final Set<String> COUNTRIES = countries();

    /** Capitalised words that open sentences or headlines without naming anything. */
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "this", "that", "these", "those",
            "he", "she", "it", "they", "we", "i", "his", "her", "its", "their", "our", "in", "on", "at", "for",
            "but", "and", "or", "as", "after", "before", "despite", "however", "meanwhile", "according", "while",
            "when", "if", "yet", "also", "so", "then", "there", "here", "during", "with", "by", "from", "to",
            "of", "what", "who", "which", "where", "why", "how", "overall", "furthermore", "moreover",
            "similarly", "ultimately", "considering", "speaking", "organizers", "since", "although",
            "though", "because", "all", "some", "many", "most", "such", "both", "each", "every", "no", "not",
            "one", "two", "three", "dr", "mr", "mrs", "ms", "is", "was", "are", "were", "did", "does", "do",
            "will", "would", "can", "could", "should", "may", "might", "has", "have", "had", "thursday",
            "monday", "tuesday", "wednesday", "friday", "saturday", "sunday");

    private EntityTagger() {}

    public static List<Entity> tag(String text) {
        List<Entity> entities = new ArrayList<>();
        addAll(entities, DATE, text, Kind.DATE);
        addAll(entities, DURATION, text, Kind.DURATION);
        addAll(entities, NUMBER, text, Kind.NUMBER);
        Matcher m = CAPITALISED.matcher(text);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            // Trim function words a sentence or title happens to capitalise ("The", "According").
            String[] words = SPACES.split(text.substring(start, end));
            int skip = 0;
            while (skip < words.length && FUNCTION_WORDS.contains(plain(words[skip]))) {
                start += words[skip].length();
                while (start < end && Character.isWhitespace(text.charAt(start))) {
                    start++;
                }
                skip++;
            }
            while (end > start && (text.charAt(end - 1) == '.' && !isInitialism(text.substring(start, end)))) {
                end--;
            }
            if (start >= end || overlaps(entities, start, end)) {
                continue;
            }
            String name = text.substring(start, end);
            if (!name.contains(" ") && isMonthOrDay(name)) {
                continue;
            }
            entities.add(new Entity(classify(text, start, name), name, start, end));
        }
        entities.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return entities;
    }

    /**
     * The name inside a run such as "NATO Secretary General Mark Rutte" or "Russian President Vladimir
     * Putin": whatever follows the last title word, or the run without leading acronyms and countries.
     */
    public static String personName(String name) {
        String[] words = SPACES.split(name);
        int lastTitle = -1;
        for (int i = 0; i < words.length - 1; i++) {
            if (TITLES.contains(plain(words[i]))) {
                lastTitle = i;
            }
        }
        int first = lastTitle + 1;
        while (first < words.length - 1 && (isAcronym(words[first]) || COUNTRIES.contains(plain(words[first]))
                || PARTICLES.contains(words[first]))) {
            first++;
        }
        return String.join(" ", Arrays.copyOfRange(words, first, words.length));
    }

    private static Kind classify(String text, int start, String name) {
        String[] words = SPACES.split(name);
        String last = plain(words[words.length - 1]);
        String firstWord = plain(words[0]);
        String before = previousWord(text, start);
        if (COUNTRIES.contains(plain(name)) || COUNTRIES.contains(last)) {
            return Kind.PLACE;
        }
        for (String w : words) {
            if (ORG_WORDS.contains(plain(w))) {
                return Kind.ORGANIZATION;
            }
        }
        if (THING_WORDS.contains(last)) {
            return Kind.NAME;
        }
        if (FACILITY_WORDS.contains(last) && words.length > 1) {
            return Kind.PLACE;
        }
        if (TITLES.contains(firstWord) && words.length > 1 || TITLES.contains(before)) {
            return Kind.PERSON;
        }
        if (LOCATIVE.contains(before)) {
            return Kind.PLACE;
        }
        if (words.length == 1 && isAcronym(name)) {
            return Kind.ORGANIZATION;
        }
        if (words.length >= 2) {
            return Kind.PERSON;
        }
        return Kind.NAME;
    }

    private static String previousWord(String text, int start) {
        int end = start;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int begin = end;
        while (begin > 0 && Character.isLetter(text.charAt(begin - 1))) {
            begin--;
        }
        return text.substring(begin, end).toLowerCase(Locale.ROOT);
    }

    private static void addAll(List<Entity> out, Pattern pattern, String text, Kind kind) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            if (m.end() > m.start() && !overlaps(out, m.start(), m.end())) {
                out.add(new Entity(kind, m.group().strip(), m.start(), m.end()));
            }
        }
    }

    private static boolean overlaps(List<Entity> entities, int start, int end) {
        for (Entity e : entities) {
            if (start < e.end() && e.start() < end) {
                return true;
            }
        }
        return false;
    }

    static boolean isAcronym(String word) {
        String letters = NOT_LETTER.matcher(word).replaceAll("");
        return letters.length() >= 2 && letters.chars().allMatch(Character::isUpperCase);
    }

    private static boolean isInitialism(String text) {
        return INITIALISM.matcher(text).find();
    }

    private static boolean isMonthOrDay(String word) {
        return MONTH_OR_DAY.matcher(word).matches();
    }

    /** Lower case, accents folded, possessive and punctuation removed: "Türkiye’s" becomes "turkiye". */
    static String plain(String word) {
        // Answering calls this for every word of every candidate sentence: only non-ASCII text pays for
        // Unicode normalisation.
        String folded = word.chars().allMatch(c -> c < 0x80) ? word
                : MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFKD)).replaceAll("");
        folded = POSSESSIVE.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(folded).replaceAll("");
    }


    private static Set<String> countries() {
        Set<String> names = new HashSet<>();
        for (String code : Locale.getISOCountries()) {
            names.add(plain(Locale.of("", code).getDisplayCountry(Locale.ENGLISH)));
        }
        // Common English short forms the locale data spells differently.
        names.addAll(Set.of("turkey", "russia", "usa", "us", "uk", "britain", "america", "holland", "europe",
                "africa", "asia"));
        return names;
    }
}
