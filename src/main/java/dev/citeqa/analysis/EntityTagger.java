package dev.citeqa.analysis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
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
        /** A name in quotation marks, the title of a work ("Oppenheimer", "The Late Show"): never a person or place. */
        TITLE,
        /** An adjective of nationality standing alone ("the Ukrainian delegation"): it describes, and names nothing. */
        NATIONALITY,
        DATE,
        NUMBER,
        DURATION
    }

    public record Entity(Kind kind, String text, int start, int end) {}

    private static final String MONTH = NewsPatterns.MONTH;

    // Compiled once: String.split/matches/replaceAll would compile these on every call of the hot path.
    private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}]");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");
    private static final Pattern INITIALISM = Pattern.compile("\\b" + NewsPatterns.INITIALISM + "$");
    private static final Pattern NAMES_MONTH = Pattern.compile("\\b" + MONTH + "(?![\\p{L}])");
    private static final Pattern MONTH_OR_DAY =
            Pattern.compile("(?i)" + MONTH + "|" + NewsPatterns.WEEKDAY);
    public static final Pattern SPACES = Pattern.compile("\\s+");

    /** A time of day: "8 a.m.", "10:30pm", "7.30pm" (British), "noon", "midnight"; not "30pm" of "7.30pm". */
    private static final String CLOCK_TIME = "(?i:(?<![\\p{L}\\p{N}.:])\\d{1,2}(?:[:.]\\d{2})?\\s?(?:[ap]\\.m\\.?|[ap]m\\b)"
            + "|\\b(?:noon|midnight)\\b)";
    private static final Pattern CLOCK = Pattern.compile(CLOCK_TIME);

    /** The date forms that name a day ("14 May", "May 14", "2024-05-14", "Friday", "yesterday"), in DATE's order. */
    private static final String DAY_MONTH =
            "\\b\\d{1,2}(?:st|nd|rd|th)?(?:\\s*[-–]\\s*\\d{1,2})?\\s+(?:of\\s+)?" + MONTH + "(?:,?\\s+\\d{4})?";
    private static final String MONTH_DAY =
            "\\b" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?(?:\\s*(?:[-–]|and)\\s*\\d{1,2})?(?:,?\\s+\\d{4})?\\b";
    private static final String ISO_DATE = "\\b\\d{4}-\\d{2}-\\d{2}\\b";
    private static final String DOTTED_DATE = "\\b\\d{1,2}\\.\\d{1,2}\\.\\d{4}\\b";
    private static final String WEEKDAY_WORD = "\\b" + NewsPatterns.WEEKDAY + "\\b";
    private static final String RELATIVE_DAY = "yesterday|today|tomorrow";
    private static final Pattern NAMES_DAY = Pattern.compile(String.join("|", DAY_MONTH, MONTH_DAY, ISO_DATE,
            DOTTED_DATE, WEEKDAY_WORD, "\\b(?:" + RELATIVE_DAY + ")\\b"));

    /**
     * Where a match of DATE or NUMBER can start, said up front: at an ASCII letter or digit (or, for a figure, a
     * currency sign or a temperature's minus) that no ASCII letter or digit precedes, as each of their alternatives
     * implies (a {@code \b} before an ASCII letter or digit, or a look behind stricter than this). Without it Java's
     * regular expressions try every alternative at every character; with it, only at the start of a word: dates were
     * found 2.1 times and figures 1.4 times as fast, with the same matches, over the 3,115 real-news articles. Told
     * what it starts with, DURATION was no faster: its {@code \b} may come after a letter, before a currency sign.
     */
    static final String AT_WORD_START = "(?<![A-Za-z0-9])(?=[A-Za-z0-9])";
    static final String AT_FIGURE_START = "(?<![A-Za-z0-9])(?=[$€£¥0-9A-Za-z−-])";

    static final Pattern DATE = Pattern.compile(AT_WORD_START + "(?:" + String.join("|",
            // "Monday 17th March", "Tuesday, March 4": the weekday is part of the date, not a date of its own.
            "\\b" + NewsPatterns.WEEKDAY + ",?\\s+(?:the\\s+)?(?:" + DAY_MONTH + "|" + MONTH_DAY + ")",
            DAY_MONTH,
            MONTH_DAY,
            // "late May", but "May 12" of "on late May 12", where the day says more.
            "\\b(?:early|mid|late)[- ]" + MONTH + "(?!\\s+\\d)",
            // "by July" of "due by July", but not of "due by July 12", where the day says more.
            "\\b(?:in|since|until|by|from|during|of)\\s+" + MONTH + "(?!\\.?\\s+\\d{1,2}(?!\\d))(?:\\s+\\d{4})?\\b",
            // Before the year alone, which would take the "2024" of "2024-05-14".
            ISO_DATE,
            "\\b(?:early|mid|late)[- ]?" + NewsPatterns.YEAR + "s?\\b",
            "\\b" + NewsPatterns.YEAR + "s?\\b",
            DOTTED_DATE,
            WEEKDAY_WORD,
            "\\b(?:" + RELATIVE_DAY + "|last (?:week|month|year)|next (?:week|month|year))\\b",
            // A time of day: "8 a.m.", "10:30 p.m.", "noon".
            CLOCK_TIME) + ")");

    private static final String NUMBER_WORD = "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty"
            + "|seventy|eighty|ninety|hundred|a hundred|a dozen|dozen)";

    /** Digits, with a currency sign before them: "$7", "1,250", "0.55". */
    private static final String DIGITS = "(?:[$€£¥]\\s?)?\\d+(?:[.,]\\d+)*";

    /**
     * A figure with its currency, its share sign or its magnitude: "$7 million" and "0.55%", not "$7" and "0.55"
     * (a word boundary cannot follow "%" or precede "$"), and wire copy's "9.5 pct" and "412 mln"; a figure that runs
     * into letters ("15th") is none.
     */
    private static final String NUMERAL = DIGITS
            + "(?:\\s*(?:%|percent|per cent|pct)|\\s*(?:thousand|million|billion|trillion|bn|m|k|mln|bln))?"
            + "(?![\\p{L}\\p{N}])";

    /**
     * A measurement with its unit: "32.6C", "90°F", "59mph", "12.8 inches". The unit is part of what the figure says
     * ("How hot …?", "How much snow …?", "How long is the tunnel?"), and a unit run into the figure made it none, or
     * cut it ("31.0C" read as "31", "6.5km" as "6"). Only units that are no other word: "in", "m" (a million) and
     * "pounds" (a currency) are left out.
     */
    private static final String MEASURE = "(?:"
            // A temperature below zero keeps its sign, in words or as a minus: "minus 1C" is no "1C".
            + "(?:minus\\s+|−|(?<![\\p{L}\\p{N}])-)(?=\\d{1,3}(?:\\.\\d+)?(?:\\s?°\\s?(?-i:[CF])|(?-i:[CF])"
            + "|\\s?degrees)(?![\\p{L}\\p{N}]))|)"
            + "(?:" + DIGITS + "(?:\\s?°\\s?(?-i:[CF])|\\s?(?:mph|km/h|kph)"
            // Run into the figure or not ("6.5km", "6.5 km"): read whole, not as the "6" before its decimal point.
            + "|\\s?(?:inches|inch|feet|foot|ft|yards|yard|miles|mile|kilometres|kilometers|kilometre|kilometer|km"
            + "|centimetres|centimeters|cm|millimetres|millimeters|mm|metres|meters|metre|meter"
            + "|degrees(?:\\s(?:Celsius|Fahrenheit))?))"
            // A temperature's capital run into a figure of two digits at most ("32C", "31.0C"): "seat 114C",
            // "1,000,000F", a "50c" coin, "Long March-2F" and a web address's "%2C" (a comma) are no temperatures.
            + "|(?<![\\d.,%])(?<![\\p{L}\\p{N}]-)\\d{1,2}(?:\\.\\d)?(?-i:[CF]))(?![\\p{L}\\p{N}])";

    /**
     * A score or a vote's tally, both sides: "34-13", "a 352-65 vote". Each side alone says neither who won nor by
     * how much. Not a year's span ("2023-24"), whose first side has four digits, nor a run of three ("1-2-3").
     */
    private static final String TALLY = "(?<![-–])\\d{1,3}[-–]\\d{1,3}(?![\\p{L}\\p{N}]|[-–]\\d)";

    private static final String AGE = "(?:[- ](?:year|month|week|day|hour|minute)s?[- ]old\\b)?";

    private static final Pattern MEASUREMENT = Pattern.compile("(?i)" + MEASURE);
    private static final Pattern TALLY_FIGURE = Pattern.compile(TALLY);
    private static final Pattern LEADING_NUMBER = Pattern.compile(DIGITS);
    private static final Pattern BELOW_ZERO = Pattern.compile("(?i)minus\\s+|−|-");

    static final Pattern NUMBER = Pattern.compile(AT_FIGURE_START + "(?i:(?<![\\p{L}\\p{N}$€£¥.,])(?:" + TALLY + "|"
            + MEASURE + "|" + NUMERAL + ")" + AGE + "|\\b" + NUMBER_WORD
            + "(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?(?:\\s+(?:thousand|million|billion))?" + AGE
            + "\\b)");

    private static final Pattern DURATION = Pattern.compile("(?i)\\b(?:" + NUMERAL + "|" + NUMBER_WORD
            + "|a|an)(?:[- ]|\\s+)(?:and a half\\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?"
            // "a 37-year-old" is an age, not a length of time.
            + "|years?|decades?|centuries)\\b(?![- ]old\\b)");

    /** A letter of a name's word after its first: "O'Brien", "Jean-Noel", "U.S". */
    private static final String NAME_LETTER = "[\\p{L}'’.\\-]";
    /** An ampersand and the capital after it, inside a word: "AT&T", "S&P", "Texas A&M". */
    private static final String AMPERSAND_PART = "(?:&\\p{Lu}(?:" + NAME_LETTER + "*\\p{L})?)";
    /** A capitalised word of two letters or more, ending in a letter, or a capital joined by an ampersand. */
    private static final String NAME_WORD = "\\p{Lu}" + NAME_LETTER + "*\\p{L}" + AMPERSAND_PART + "*|\\p{Lu}"
            + AMPERSAND_PART + "+";

    /**
     * A capitalised run: words starting upper case, joined by name particles or hyphens; an ampersand between words is
     * a particle ("Johnson & Johnson"). An ampersand inside a word is a part after its letters, not one of them: as a
     * letter it made this pattern a third slower on real news text, as a part a fifth (a throwaway timing). The run
     * is possessive: nothing follows it, so it matches as a greedy one would, and Java's regex engine then repeats it
     * without a stack frame a word (a follow-up after a question of a thousand capitalised words overflowed the stack).
     */
    private static final Pattern CAPITALISED = Pattern.compile(
            "\\b(?:" + NAME_WORD + "|\\p{Lu}\\.?)(?:(?:\\s+(?:of|de|da|del|van|von|der|bin|al|la|le|du|and|&))?\\s+(?:"
                    + NAME_WORD + "|\\p{Lu}\\.))*+");

    /** Titles and roles that precede a person's name in news copy ("Foreign Minister Hakan Fidan"). */
    private static final Set<String> TITLES = WordLists.load("titles");

    private static final Set<String> ORG_WORDS = WordLists.load("organisation-words");

    /** Last words of names of events, awards and documents, never people ("Halvorsen Prize"). */
    private static final Set<String> THING_WORDS = WordLists.load("thing-words");

    /** Last words of names of buildings, streets and natural features, which are places however introduced. */
    private static final Set<String> FACILITY_WORDS = WordLists.load("facility-words");

    /** First words of names of natural features and towns ("Lake Tessen", "Port Ellery"): places too. */
    private static final Set<String> PLACE_OPENERS = WordLists.load("place-openers");

    private static final Set<String> PARTICLES = Set.of("of", "the", "and");

    private static final Set<String> LOCATIVE = WordLists.load("locative-words");

    private static final Set<String> ADDRESSEE_WORDS = WordLists.load("addressee-words");

    private static final Set<String> NATIONALITIES = WordLists.load("nationalities");

    /** Capitalised words that open sentences or headlines without naming anything. */
    private static final Set<String> FUNCTION_WORDS = WordLists.load("sentence-openers");

    /** The figures that end a code written against its letters: "5N1" of "H5N1", "-35" of "F-35". */
    private static final Pattern CODE_TAIL = Pattern.compile("(?:-?\\p{N}[\\p{L}\\p{N}]*)+(?![\\p{L}\\p{N}])");

    /** "Jr", "Sr." and regnal numbers, which follow a name. */
    private static final Pattern SUFFIX = Pattern.compile("(?:Jr|Sr|II|III|IV|V|VI|VII|VIII)\\.?,?");

    /** Titles that are part of how a person is called ("Prince William"). */
    private static final Set<String> NAME_STYLES = WordLists.load("name-styles");

    /** Words that open a sentence without naming anything, but open names inside one ("Under Armour"). */
    private static final Set<String> INTRODUCTORY_WORDS = WordLists.load("introductory-words");

    private EntityTagger() {}

    /**
     * The text's capitalised runs, untrimmed: every name {@link #tag} finds (but a code's figures, "-35" of "F-35") lies
     * within one.
     */
    public static List<String> capitalisedRuns(String text) {
        return CAPITALISED.matcher(text).results().map(MatchResult::group).toList();
    }

    public static List<Entity> tag(String text) {
        List<Entity> entities = new ArrayList<>();
        addAll(entities, DATE, text, Kind.DATE);
        addAll(entities, DURATION, text, Kind.DURATION);
        addAll(entities, NUMBER, text, Kind.NUMBER);
        Matcher m = CAPITALISED.matcher(text);
        Matcher code = CODE_TAIL.matcher(text);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            // Trim function words a sentence or title happens to capitalise ("The", "According"); not the last word
            // of a code ("I" of "I-95").
            String[] words = SPACES.split(text.substring(start, end));
            int keep = code.region(end, text.length()).lookingAt() ? words.length - 1 : words.length;
            int skip = 0;
            while (skip < keep && (FUNCTION_WORDS.contains(plain(words[skip]))
                    || skip == 0 && INTRODUCTORY_WORDS.contains(plain(words[skip])) && opensSentence(text, start))) {
                start += words[skip].length();
                while (start < end && Character.isWhitespace(text.charAt(start))) {
                    start++;
                }
                skip++;
            }
            while (end > start && (text.charAt(end - 1) == '.' && !isInitialism(text.substring(start, end)))) {
                end--;
            }
            // A name word ends in a letter, which left an initialism's own stop out: "U.S." is the name, not "U.S".
            if (end < text.length() && text.charAt(end) == '.' && isInitialism(text.substring(start, end + 1))) {
                end++;
            }
            // A code of letters and figures is one name ("H5N1", "F-35", "COVID-19", "Digi24", "G7"), and its figures
            // no number of their own.
            if (start < end && code.region(end, text.length()).lookingAt()) {
                int from = end;
                int to = code.end();
                entities.removeIf(e -> e.kind() == Kind.NUMBER && e.start() >= from && e.end() <= to);
                end = to;
            }
            if (start >= end || overlaps(entities, start, end) || isAbbreviatedTitle(text, start, end)) {
                continue;
            }
            for (int[] part : splitAtAnd(text, start, end)) {
                int from = afterHyphenatedAdjectives(text, part[0], part[1]);
                Matcher based = BASED.matcher(text).region(from, part[1]);
                if (based.find()) {
                    // "the Los Angeles-based artist Meggs": a place, then perhaps another name.
                    String place = based.group(1);
                    entities.add(new Entity(NATIONALITIES.contains(plain(place)) ? Kind.NATIONALITY : Kind.PLACE,
                            place, based.start(1), based.end(1)));
                    from = based.end();
                    while (from < part[1] && Character.isWhitespace(text.charAt(from))) {
                        from++;
                    }
                }
                String name = text.substring(from, part[1]);
                if (name.isEmpty() || !name.contains(" ") && isMonthOrDay(name)) {
                    continue;
                }
                addName(entities, text, from, part[1]);
            }
        }
        entities.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return entities;
    }

    /**
     * One name's run, as the entities it holds: "Baltimore Mayor Brandon Scott" is a city and the person who holds
     * its office, "Sen. Bernie Sanders of Vermont" a person and the state they come from. Read whole, such runs made
     * people of the places in them, which "which city" and "which state" ask for. A country keeps its run ("US
     * Secretary of State Marco Rubio"): the person's words before the name say which country they serve.
     */
    private static void addName(List<Entity> out, String text, int from, int to) {
        int space = text.indexOf(' ', from);
        if (space >= 0 && space < to) {
            int office = officeAfterPlace(text, from, to);
            if (office > from) {
                int placeEnd = office;
                while (Character.isWhitespace(text.charAt(placeEnd - 1))) {
                    placeEnd--;
                }
                boolean abbreviated = isAbbreviatedTitle(text, office, to);
                if (abbreviated || classify(text, office, text.substring(office, to)) == Kind.PERSON) {
                    out.add(new Entity(Kind.PLACE, text.substring(from, placeEnd), from, placeEnd));
                    if (abbreviated) {
                        // "California Gov.": the name after the title's full stop is a run of its own.
                        return;
                    }
                    from = office;
                }
            }
        }
        String name = text.substring(from, to);
        Kind kind = classify(text, from, name);
        // "of" and a known place after a titled person or an organisation: "King Abdullah II of Jordan", "Bank of
        // America". Not after an office ("Duchess of Sussex", "President of France"), and not after a name of no title
        // ("People's Republic of China", "Boy Scouts of America"), which the tagger cannot tell from a person's.
        int of = name.lastIndexOf(" of ");
        if ((kind == Kind.PERSON || kind == Kind.PLACE) && of > 0) {
            String before = name.substring(0, of);
            String place = name.substring(of + " of ".length());
            String[] words = SPACES.split(before);
            Kind beforeKind = KnownPlaces.contains(place) && !isTitle(words[words.length - 1])
                    ? classify(text, from, before) : null;
            if (beforeKind == Kind.PERSON && (abbreviatedTitleBefore(text, from) || isTitledPerson(before))) {
                out.add(new Entity(Kind.PERSON, before, from, from + of));
                out.add(new Entity(Kind.PLACE, place, from + of + " of ".length(), to));
                return;
            }
            if (beforeKind == Kind.ORGANIZATION) {
                kind = Kind.ORGANIZATION;
            }
        }
        out.add(new Entity(kind, name, from, to));
    }

    /** Words that open an office but are no title by themselves: "Attorney General", "Lieutenant Governor". */
    private static final Set<String> OFFICE_OPENERS = Set.of("attorney", "lieutenant", "solicitor", "comptroller");

    /**
     * Where the office starts in a run that opens with a state or a city: "Baltimore Mayor …", "Texas Attorney General
     * …", "Texas State Senator …", "California Gov. Gavin Newsom"; -1 for any other run. The office is a title that is
     * no mere modifier of one; or a modifier or an office's first word and a title after it; or an abbreviated title
     * with its full stop and a name after it. So "Iowa State Fair", "Delaware General Assembly", "Alaska Airlines CEO
     * Ben Minicucci" and a sentence's last words "Miami Vice." keep their runs.
     */
    private static int officeAfterPlace(String text, int from, int to) {
        Matcher word = NON_SPACE.matcher(text).region(from, to);
        List<int[]> words = new ArrayList<>(5);
        while (words.size() < 5 && word.find()) {
            words.add(new int[] {word.start(), word.end()});
        }
        for (int k = Math.min(3, words.size() - 1); k >= 1; k--) {
            if (!KnownPlaces.isStateOrCity(text.substring(from, words.get(k - 1)[1]))) {
                continue;
            }
            String first = text.substring(words.get(k)[0], words.get(k)[1]);
            String plainFirst = plain(first);
            boolean headTitle = isTitle(first) && !TITLE_MODIFIERS.contains(plainFirst);
            boolean opensTitle = (TITLE_MODIFIERS.contains(plainFirst) || OFFICE_OPENERS.contains(plainFirst))
                    && k + 1 < words.size() && isTitle(text.substring(words.get(k + 1)[0], words.get(k + 1)[1]));
            int end = words.get(k)[1];
            boolean abbreviated = end == to && isAbbreviatedTitle(text, words.get(k)[0], end)
                    && NAME_AFTER_STOP.matcher(text).region(end, text.length()).lookingAt();
            return headTitle || opensTitle || abbreviated ? words.get(k)[0] : -1;
        }
        return -1;
    }

    /** A full stop, then a capitalised word: the name after "Gov.". */
    private static final Pattern NAME_AFTER_STOP = Pattern.compile("\\.\\s+\\p{Lu}");

    private static final Pattern AND = Pattern.compile("\\s+and\\s+");

    /**
     * A capitalised word made an adjective by a lower-case part after its hyphen that reads as one: a participle
     * ("AI-generated", "Republican-led", "Award-winning") or a word of the kind ("Trump-era", "Chinese-made"). Not a
     * given name written with a hyphen ("Hyun-jin Ryu", "Ha-seong Kim", "Ma Ying-jeou"), whose parts are short
     * syllables; not "Write-in", "Latter-day" or "T-shirts"; not "Mar-a-Lago" or "Chick-fil-A", which end in a
     * capital.
     */
    private static final Pattern HYPHENATED_ADJECTIVE = Pattern.compile("(\\p{Lu}[^-\\s]*)-(?:\\p{Ll}+ed|\\p{Ll}{3,}ing"
            + "|era|style|area|made|run|wide|free|friendly|like|language)");

    /**
     * Past the words that open a name's run but are adjectives made with a hyphen ("AI-generated voices", "the
     * Republican-led House", "Award-winning writer Jane Smith"), which name nothing themselves. Not a title
     * ("President-elect"), which still makes a person of the name after it, nor "Utah-based", which {@link #BASED}
     * reads as a place.
     */
    private static int afterHyphenatedAdjectives(String text, int from, int to) {
        Matcher word = NON_SPACE.matcher(text).region(from, to);
        while (word.find()) {
            Matcher m = HYPHENATED_ADJECTIVE.matcher(word.group());
            if (!m.matches() || isTitle(m.group(1)) || BASED.matcher(word.group()).find()) {
                return word.start();
            }
        }
        return to;
    }

    private static final Pattern NON_SPACE = Pattern.compile("\\S+");

    /**
     * "New York-based", "Iowa-born", "Dallas-headquartered": where a firm or a person is from. The run the name pattern
     * reads as one ("Los Angeles-based Meggs", a person) is a place ("American-born" a nationality), then the name that
     * follows, if any.
     */
    private static final Pattern BASED = Pattern.compile("^(.+?)[-‐](?:based|born|headquartered)\\b");

    /**
     * A run joined by "and", cut into the names it lists when it lists people or titled names ("Vladimir Putin
     * and Volodymyr Zelensky", "President Erdoğan and Foreign Minister Hakan Fidan"), but kept whole when it is
     * one name ("Bosnia and Herzegovina", "Department of Housing and Urban Development"): a side of one word,
     * or with a particle, is part of a single name ("Hagley Museum and Library"), unless it ends in a possessive
     * after a name of two words or more: "Stephen Colbert and HBO's" lists two, "Hagley Museum and Library's
     * archive" one, as "Library" is a word that ends names.
     */
    private static List<int[]> splitAtAnd(String text, int start, int end) {
        Matcher and = AND.matcher(text).region(start, end);
        if (!and.find()) {
            return List.of(new int[] {start, end});
        }
        String before = text.substring(start, and.start());
        String after = text.substring(and.end(), end);
        boolean listsNames = isTitle(SPACES.split(before)[0]) || isTitle(SPACES.split(after)[0])
                || officeAfterPlace(text, and.end(), end) > and.end()
                || plainName(before) && (plainName(after) || POSSESSIVE.matcher(after).find() && !endsAName(after))
                // "Georgia and Tennessee": two states; "Bosnia and Herzegovina" one country.
                || KnownPlaces.isStateOrCity(before) && KnownPlaces.isStateOrCity(firstOfList(after))
                && !KnownPlaces.contains(text.substring(start, end));
        if (!listsNames) {
            return List.of(new int[] {start, end});
        }
        List<int[]> parts = new ArrayList<>();
        parts.add(new int[] {start, and.start()});
        parts.addAll(splitAtAnd(text, and.end(), end));
        return parts;
    }

    /**
     * "Senate Majority Leader Chuck Schumer", "Bank of England Governor Andrew Bailey": a title after an organisation's
     * word, then a name of two words, is a person introduced by their office, not the organisation. An organisation
     * word must come before the title ("General Motors Company" has none there), and two words must follow it.
     */
    private static boolean titledAfterOrganisation(String[] words) {
        if (words.length < 4 || isTitle(words[words.length - 1]) || isTitle(words[words.length - 2])) {
            return false;
        }
        boolean organisation = false;
        // The title at t, with two words after it for the name.
        for (int t = 1; t <= words.length - 3; t++) {
            organisation |= ORG_WORDS.contains(plain(words[t - 1]));
            if (organisation && isTitle(words[t])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a word of events, awards and documents follows the first word of a name, or of what follows its
     * titles: "World Championship Finals", "Africa Cup of Nations" and "Tropical Storm Nicole" are no one;
     * "President Bill Clinton" and "National Hurricane Center Director Michael Brennan" are.
     */
    public static boolean namesAThing(String name) {
        String[] words = SPACES.split(name);
        return Arrays.stream(words).skip(lastTitle(words, words.length - 1) + 2)
                .anyMatch(w -> THING_WORDS.contains(plain(w)));
    }

    /** The place of the last title among the first {@code end} words, or -1. */
    private static int lastTitle(String[] words, int end) {
        int last = -1;
        for (int i = 0; i < end; i++) {
            if (isTitle(words[i])) {
                last = i;
            }
        }
        return last;
    }

    /**
     * A name of two or more words whose last word is that of a building, a street or a natural feature ("Orvan River",
     * "Carnegie Hall", "Central Coast"): a place, but no country, state or town unless a list says so.
     */
    public static boolean namesFacility(String name) {
        String[] words = SPACES.split(name.strip());
        return words.length > 1 && FACILITY_WORDS.contains(plain(words[words.length - 1]));
    }

    /** A word that ends names of buildings, organisations and events: "Library", "Group", "Prize". */
    private static boolean endsAName(String word) {
        String last = plain(word);
        return FACILITY_WORDS.contains(last) || ORG_WORDS.contains(last) || THING_WORDS.contains(last);
    }

    /** Two or more capitalised words and no particle: a person's name, say, not "Department of Housing". */
    private static boolean plainName(String words) {
        String[] w = SPACES.split(words);
        return w.length >= 2 && Arrays.stream(w).noneMatch(x -> PARTICLES.contains(x));
    }

    /**
     * A person's or a place's name without the possessive the sentence gives it: "Zelensky's" is Zelensky,
     * "Russia’s" Russia. Not for every name: "McDonald's" and "Macy's" are the names themselves.
     */
    public static String withoutPossessive(String name) {
        return POSSESSIVE.matcher(name).replaceFirst("");
    }

    /** Whether a word ends in a possessive "'s" ("senator's"), which {@link #withoutPossessive} takes off. */
    public static boolean isPossessive(String word) {
        return POSSESSIVE.matcher(word).find();
    }

    /**
     * The name inside a run such as "NATO Secretary General Mark Rutte" or "Russian President Vladimir
     * Putin": whatever follows the last title word, or the run without leading acronyms and countries.
     */
    public static String personName(String name) {
        return PERSON_NAMES.get(name, EntityTagger::personNameOf);
    }

    /**
     * The words of a run before its {@link #personName}, the title it gives the person: "NATO Secretary General " for
     * "NATO Secretary General Mark Rutte"; empty when the run is the name alone.
     */
    public static String titleOf(String run) {
        int name = run.lastIndexOf(personName(run));
        return name <= 0 ? "" : run.substring(0, name);
    }

    /**
     * Names recur in every window and question that reads their sentence, and working one out splits it and runs
     * several patterns and look-ups: a bounded cache, as the answerer keeps its sentences' analyses.
     */
    private static final Cache<String, String> PERSON_NAMES = Caffeine.newBuilder().maximumSize(10_000).build();
    /** {@link #plain} of words that are not all ASCII letters and digits ("Türkiye’s", "Los Angeles"). */
    private static final Cache<String, String> FOLDED = Caffeine.newBuilder().maximumSize(10_000).build();

    private static String personNameOf(String name) {
        String[] words = SPACES.split(name);
        // A generational suffix is no name by itself: "King" in "Martin Luther King Jr" is no title.
        int last = words.length - (words.length > 1 && SUFFIX.matcher(words[words.length - 1]).matches() ? 2 : 1);
        int first = lastTitle(words, last) + 1;
        while (first < last && (isAcronym(words[first]) || KnownPlaces.isCountry(words[first])
                || PARTICLES.contains(words[first]))) {
            first++;
        }
        return String.join(" ", Arrays.copyOfRange(words, first, words.length));
    }

    /**
     * As {@link #personName}, with the style the person is called by kept: "Prince William" in "Britain's Prince
     * William", "Lady Gaga"; but "Jill Biden" in "First Lady Jill Biden", where the word is part of a longer title.
     */
    public static String styledName(String run) {
        String name = personName(run);
        int at = run.lastIndexOf(name);
        if (at <= 0) {
            // No title before the name, or a run whose spacing the split changed.
            return name;
        }
        String[] head = SPACES.split(run.substring(0, at).strip());
        String style = plain(head[head.length - 1]);
        if (!NAME_STYLES.contains(style)) {
            return name;
        }
        String before = head.length > 1 ? plain(head[head.length - 2]) : "";
        return NAME_STYLES.contains(before + " " + style) ? name
                : run.substring(run.lastIndexOf(head[head.length - 1], at));
    }

    /**
     * Whether a run names someone by a title and at least two capitalised words of name ("CEO Elon Musk", "Chief
     * Justice John Roberts"): surely a person. A title and one word may be a firm ("General Electric"), a run that ends
     * in a title names an office ("Secretary of State"), and a title word that only qualifies another starts the
     * names of bodies too ("Boise State Public Radio", {@code analysis/title-modifiers.txt}); "CEO of SpaceX" names
     * the firm as well.
     */
    public static boolean isTitledPerson(String run) {
        String[] words = SPACES.split(run);
        int last = words.length - 1;
        int title = lastTitle(words, last);
        if (title < 0 || last - title < 2 || isTitle(words[last])) {
            return false;
        }
        for (int i = title + 1; i <= last; i++) {
            if (!Character.isUpperCase(words[i].codePointAt(0))) {
                return false;
            }
        }
        for (int i = 0; i <= title; i++) {
            if (isTitle(words[i]) && !TITLE_MODIFIERS.contains(plain(words[i]))) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> TITLE_MODIFIERS = WordLists.load("title-modifiers");
    /** The hyphens that join a compound title ("Secretary-General"), compiled once: a title is asked of most words. */
    private static final Pattern HYPHEN = Pattern.compile("[-‐–]");

    /**
     * Whether a word is a title or role: one of the list, or a hyphenated compound of them ("Secretary-General",
     * "Vice-President"), which news copy spells both ways.
     */
    public static boolean isTitle(String word) {
        if (TITLES.contains(plain(word))) {
            return true;
        }
        String[] parts = HYPHEN.split(word);
        return parts.length > 1 && Arrays.stream(parts).allMatch(p -> TITLES.contains(plain(p)));
    }

    private static Kind classify(String text, int start, String name) {
        String[] words = SPACES.split(name);
        String last = plain(words[words.length - 1]);
        String before = previousWord(text, start);
        // "Rep. Jim Jordan" is a person, whose surname happens to be a country's name.
        boolean titled = words.length > 1 && abbreviatedTitleBefore(text, start);
        if (!titled && (KnownPlaces.isCountry(name) || KnownPlaces.isCountry(last)
                || KnownPlaces.isRegion(name))) {
            return Kind.PLACE;
        }
        if (titledAfterOrganisation(words)) {
            return Kind.PERSON;
        }
        for (String w : words) {
            if (ORG_WORDS.contains(plain(w))) {
                return Kind.ORGANIZATION;
            }
        }
        if (isQuoted(text, start, start + name.length())) {
            return Kind.TITLE;
        }
        // After the quotation marks: “Chicago” on Broadway is a musical.
        if (!titled && KnownPlaces.isCity(name)) {
            return Kind.PLACE;
        }
        if (THING_WORDS.contains(last)) {
            return Kind.NAME;
        }
        // An abbreviated title just before the name first: "Dr. Gavin Hall" is a person, "Carnegie Hall" and "King
        // Street" places.
        if (abbreviatedTitleBefore(text, start)) {
            return Kind.PERSON;
        }
        if (namesFacility(name) || PLACE_OPENERS.contains(plain(words[0])) && words.length > 1) {
            return Kind.PLACE;
        }
        if (isTitle(words[0]) && words.length > 1 || TITLES.contains(before)) {
            return Kind.PERSON;
        }
        // After the title rule: "head coach Welsh" is a person, "the Welsh coach" a description.
        if (words.length == 1 && NATIONALITIES.contains(last)) {
            return Kind.NATIONALITY;
        }
        if (LOCATIVE.contains(before) && !isAddressedTo(text, start, before)) {
            return Kind.PLACE;
        }
        if (words.length == 1 && isAcronym(name)) {
            return Kind.ORGANIZATION;
        }
        // Last, after the titles and the places: "President Bill Clinton" is a person, "Rose Bowl Stadium" a place.
        if (namesAThing(name)) {
            return Kind.NAME;
        }
        if (words.length >= 2) {
            return Kind.PERSON;
        }
        return Kind.NAME;
    }

    /** Whether a capitalised word starts its sentence: nothing but punctuation before it, or a sentence's end. */
    private static boolean opensSentence(String text, int start) {
        int i = start;
        while (i > 0 && !Character.isLetterOrDigit(text.charAt(i - 1)) && ".!?".indexOf(text.charAt(i - 1)) < 0) {
            i--;
        }
        return i == 0 || ".!?".indexOf(text.charAt(i - 1)) >= 0;
    }

    /**
     * "Rep." before "Jim Jordan": a title cut short names no one by itself. A style is a whole word, which may end a
     * sentence ("They met the King.").
     */
    private static boolean isAbbreviatedTitle(String text, int start, int end) {
        return end < text.length() && text.charAt(end) == '.' && isTitleAbbreviation(text.substring(start, end));
    }

    /** "Dr", "Sen", "Capt": a capital and at most three small letters, a title, and no style ("King"). */
    private static boolean isTitleAbbreviation(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return SHORT_TITLE.matcher(word).matches() && TITLES.contains(lower) && !NAME_STYLES.contains(lower);
    }

    private static final Pattern SHORT_TITLE = Pattern.compile("\\p{Lu}\\p{Ll}{0,3}");

    /** A word and its full stop just before a name. */
    private static final Pattern ABBREVIATED_TITLE = Pattern.compile("(?<![\\p{L}.])(\\p{L}+)\\.\\s+$");

    /** "Dr. ", "Sen. ": an abbreviated title, with its full stop, just before a name. */
    private static boolean abbreviatedTitleBefore(String text, int start) {
        Matcher m = ABBREVIATED_TITLE.matcher(text.substring(Math.max(0, start - 8), start));
        return m.find() && isTitleAbbreviation(m.group(1));
    }

    /** An opening quotation mark, then perhaps an article, just before a name. */
    private static final Pattern OPENS_QUOTE = Pattern.compile("([“\"‘])(?:(?:The|A|An)\\s)?$");
    /** The closing marks of the opening ones, in order. */
    private static final String OPENING = "“\"‘";
    private static final String CLOSING = "”\"’";

    /**
     * A name that fills its quotation marks ("The Late Show", “Oppenheimer,”) is a title; a quote that only opens
     * or closes with a name ("Biden told me …") is someone speaking. The closing mark must match the opening one:
     * in "Jones’ team won," the ’ is a possessive.
     */
    private static boolean isQuoted(String text, int start, int end) {
        Matcher open = OPENS_QUOTE.matcher(text.substring(Math.max(0, start - 5), start));
        if (!open.find()) {
            return false;
        }
        char close = CLOSING.charAt(OPENING.indexOf(open.group(1).charAt(0)));
        int at = end < text.length() && ",.!?".indexOf(text.charAt(end)) >= 0 ? end + 1 : end;
        return at < text.length() && text.charAt(at) == close;
    }

    /** "according to John Smith", "lost to Luke Humphries": the name is whom, not where (addressee-words.txt). */
    private static boolean isAddressedTo(String text, int start, String before) {
        if (!before.equals("to")) {
            return false;
        }
        int to = start;
        while (to > 0 && !Character.isLetter(text.charAt(to - 1))) {
            to--;
        }
        return ADDRESSEE_WORDS.contains(previousWord(text, Math.max(0, to - "to".length())));
    }

    /**
     * The word before {@code start}, lower case, passing over a "The" that belongs to the name: "in The Hague"
     * is "in", but "from the Biden administration" is "the".
     */
    private static String previousWord(String text, int start) {
        int end = start;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int begin = end;
        while (begin > 0 && Character.isLetter(text.charAt(begin - 1))) {
            begin--;
        }
        String word = text.substring(begin, end);
        return word.equals("The") && begin > 0 ? previousWord(text, begin) : word.toLowerCase(Locale.ROOT);
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

    /** A figure the tagger read with its unit ("86mph", "32.6C"): it measures something rather than counts it. */
    public static boolean isMeasurement(String figure) {
        return MEASUREMENT.matcher(figure).matches();
    }

    /** A score or a tally ("34-13"), or a range written the same way ("10-15 people"). */
    public static boolean isTally(String figure) {
        return TALLY_FIGURE.matcher(figure).matches();
    }

    /**
     * The number of a measurement without its unit ("32.6" of "32.6C", "32.6°C" and "32.6 degrees", "-5" of
     * "minus 5C"), so that articles giving one figure in different styles agree; any other text as it is.
     */
    public static String withoutUnit(String figure) {
        if (!MEASUREMENT.matcher(figure).matches()) {
            return figure;
        }
        // "minus 5C", "−5 °C" and "-5C" are one temperature.
        Matcher sign = BELOW_ZERO.matcher(figure);
        String unsigned = sign.lookingAt() ? figure.substring(sign.end()) : figure;
        Matcher number = LEADING_NUMBER.matcher(unsigned);
        return number.lookingAt() ? (sign.lookingAt() ? "-" : "") + number.group() : figure;
    }

    private static boolean isMonthOrDay(String word) {
        return MONTH_OR_DAY.matcher(word).matches();
    }

    /** Lower case, accents folded, possessive and punctuation removed: "Türkiye’s" becomes "turkiye". */
    public static String plain(String word) {
        // Answering calls this for every word of every candidate sentence: a word of ASCII letters and digits only
        // is just lower-cased, and only other words pay for the patterns (and non-ASCII ones for Unicode
        // normalisation), once while they stay in the cache.
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= 0x80 || !Character.isLetterOrDigit(c)) {
                return FOLDED.get(word, EntityTagger::fold);
            }
        }
        return word.toLowerCase(Locale.ROOT);
    }

    /** {@link #plain} of a word that is not all ASCII letters and digits. */
    private static String fold(String word) {
        boolean ascii = word.chars().allMatch(c -> c < 0x80);
        String folded = ascii ? word : MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFKD)).replaceAll("");
        folded = POSSESSIVE.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("");
        return NOT_LETTER_OR_DIGIT.matcher(folded).replaceAll("");
    }

    /** Whether a date the tagger found is a time of day: "8 a.m.", "noon". */
    public static boolean isClockTime(String date) {
        return CLOCK.matcher(date).matches();
    }

    /** Whether a date the tagger found names a day ("May 14", "Friday"), not a month, a year or "next week". */
    public static boolean namesDay(String date) {
        return NAMES_DAY.matcher(date).find();
    }

    /** Whether a date the tagger found names a month ("April 15", "April"), not only a year or a weekday. */
    public static boolean namesMonth(String date) {
        return NAMES_MONTH.matcher(date).find();
    }

    /**
     * Whether a run names a team by a state or city on the lists and a plural ("Detroit Lions", "Kansas City Chiefs",
     * "New York Knicks"), which the rules read as a person's capitalised words: "London Breed" and "Paris Hilton's"
     * end in no plural, and a country is left out, as many first names are one ("Jordan Chiles", "Chad Daniels").
     * People whose first name is a state ("Virginia Roberts") are still taken for teams.
     */
    public static boolean isTeamOfAPlace(String run) {
        String[] words = SPACES.split(withoutPossessive(run.strip()));
        if (words.length < 2) {
            return false;
        }
        String last = words[words.length - 1];
        if (Character.isLowerCase(last.codePointAt(0)) || !last.endsWith("s") || last.endsWith("ss")) {
            return false;
        }
        for (int n = 1; n < words.length && n <= 3; n++) {
            if (KnownPlaces.isStateOrCity(String.join(" ", Arrays.copyOfRange(words, 0, n)))) {
                return true;
            }
        }
        return false;
    }

    /** The first name of a list joined by "and": "Tennessee" of "Tennessee and Texas". */
    private static String firstOfList(String names) {
        Matcher and = AND.matcher(names);
        return and.find() ? names.substring(0, and.start()) : names;
    }
}
