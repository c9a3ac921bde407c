package dev.citeqa.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a question asks for: the kind of answer its wording expects, and the terms an answer must be about.
 * Built once per turn, by the chat service, and read by retrieval and the answerer alike.
 *
 * @param text the question as retrieval reads it: the standalone question with business shorthand spelled
 *     out ({@link QuestionRewriter})
 * @param tokens the analysed terms of {@code text}, in order, with their offsets
 * @param type the expected answer kind, from cue words ("who", "when", "how many", "which city")
 * @param terms the question's content terms, then any terms the conversation added
 * @param subject for "Who is Vladimir Medinsky?", the name to be described
 * @param quantityOf for "How many prisoners ...?", the term a number must count ("prison"), or null
 * @param subtype the narrower kind of answer the question names ("which state", "how much did it cost"), else
 *     {@link Subtype#ANY}
 */
public record QuestionAnalysis(String text, List<NewsAnalyzer.Token> tokens, AnswerType type,
        List<QuestionTerm> terms, String subject, String quantityOf, Subtype subtype) {

    public QuestionAnalysis {
        tokens = List.copyOf(tokens);
        terms = List.copyOf(terms);
    }

    public enum AnswerType {
        PERSON,
        PLACE,
        ORGANIZATION,
        DATE,
        /** "In which year ...": a date that names the year. */
        YEAR,
        NUMBER,
        DURATION,
        /** "What is the name of the spacecraft?", "Which film …?": a name or title of any kind. */
        NAME,
        /** "Who is X?" where X is a name: the answer describes X rather than naming someone. */
        DEFINITION,
        OTHER
    }

    /**
     * The narrower kind of place or figure a question asks for: a state's name does not answer "which country",
     * and "one ad" does not answer "how much did an ad cost".
     */
    public enum Subtype {
        COUNTRY,
        /** A state or province. */
        REGION,
        /** A city, town or village. */
        SETTLEMENT,
        /** A sum of money. */
        MONEY,
        /** A percentage. */
        SHARE,
        /** How much something moved: "By how much did Nordvik's shares fall?", a share or a sum, not a count. */
        CHANGE,
        /**
         * How many voted: "What was the turnout?", "What proportion of the electorate took part?". A winner's share
         * "of the vote" does not say it.
         */
        TURNOUT,
        /** A person's age: "How old is she?", "By what age …?". */
        AGE,
        /** A length in kilometres, miles or metres: "How long is the tunnel?" ({@code analysis/length-nouns.txt}). */
        LENGTH,
        /** A time of day: "What time does the eclipse begin?". */
        TIME,
        /** A month: "In which month …?" (a year or a weekday does not say it). */
        MONTH,
        /** A week or longer: "Which week …?", "In what decade …?" (a time of day answers "when", not this). */
        CALENDAR,
        /** A day: "On which date …?", "Which day …?" ("next month" and "2024" do not say it). */
        DAY,
        ANY
    }

    /**
     * @param required a name or number: the answer must be about exactly this (a passage about 2021 does not
     *     answer a question about 2019)
     * @param scope the country or state the question names as where the asked-about thing is, which this term is
     *     part of ("US" in "in the US", "Delaware" in "Which Delaware museum"; {@link #SCOPE}), else null: a story
     *     that does not name it may still answer
     * @param storyTopic part of the name by which the question points out the story it asks about ("the article
     *     about the Istanbul Communique"; {@link #STORY_TOPIC}): any part of that story may name it, not only its lead
     * @param weight 1 for the question's own words, less for words the conversation supplied
     */
    public record QuestionTerm(String term, String surface, boolean required, String scope, boolean storyTopic,
            double weight) {}

    private static final String ROLE_NOUNS = nouns("role-nouns");

    /** What "which" asks for when it asks for an organisation. */
    private static final String ORGANISATION_NOUNS = nouns("organisation-nouns");

    /** The question's own verbs, which no word before the asked-for noun can be ("which state will host"). */
    private static final String AUXILIARIES = "will|would|can|could|did|does|do|is|was|were|has|have|had";

    /**
     * Up to three words before the role or organisation noun ("which former president", "which US college
     * basketball player", "which large fast food chain", "which of the candidates"), but no verb of the
     * question's own ("which state will host") and no article or preposition past "of the": "which actor
     * joined the band" asks for a person.
     */
    private static final String MODIFIERS = "(?:of the (?:following )?)?" + modifierWords(3);

    /** "Which college basketball player": an organisation noun that only qualifies a role asks for a person. */
    private static final String NO_ROLE_AFTER = "(?! " + modifierWords(2) + "(?:" + ROLE_NOUNS + ")\\b)";

    /**
     * One word before a place noun ("which US state", "which island nation"), but not a verb, a preposition,
     * an article or a noun that asks for something else ("which minister visited island communities", "which
     * party won state elections"): the place must be what is asked for. (Cues read the question in lower case,
     * so a proper adjective cannot be told by its capital.)
     */
    private static final String PLACE_MODIFIER = "(?:(?!(?:" + AUXILIARIES + "|are|of|the|a|an|to|in|for|from|on|at|by"
            + "|with|about|into|over|" + ROLE_NOUNS + "|" + ORGANISATION_NOUNS + ")\\b)[\\p{L}\\p{N}.'’-]+ )?";

    /**
     * "What is the world's happiest country?", "What was the most valuable company?": a superlative says that one
     * place or organisation of the noun's kind is asked for, as "which" does. Without it, "What is the state of …?"
     * asks for none.
     */
    private static final String SUPERLATIVE = "\\bwhat(?:['’]s| is| was| are| were) the (?:\\p{L}+['’]s )?"
            + "(?:most [\\p{L}-]+ |[\\p{L}-]{2,}est |best )";

    /**
     * The end of the noun a superlative asks for: the question's end, a preposition or a verb, not another noun ("the
     * largest state budget", "the biggest country music festival") nor "of" ("the latest state of the talks").
     */
    private static final String SUPERLATIVE_END = "(?=\\s*(?:[?.!,;:]|$)| (?:in|on|at|for|to|by|with|from|that|which"
            + "|where|who|whose|is|was|are|were|has|have|had|will|would|can|could|does|did|do)\\b)";

    /** The nouns a place is asked for by ("which city", "which island nation"). */
    private static final String PLACE_NOUNS = "(?:cit(?:y|ies)|countr(?:y|ies)|towns?|places?|venues?|regions?"
            + "|locations?|states?|provinces?|capitals?|villages?|islands?|ports?|nations?|count(?:y|ies)|boroughs?"
            + "|districts?|neighbou?rhoods?|suburbs?|continents?)\\b";

    /** "Which airline …?": an organisation asked for by a noun, which is the first group. */
    private static final String ASKS_FOR_ORGANISATION = "\\b(?:what|which) " + MODIFIERS + "(" + ORGANISATION_NOUNS
            + ")\\b" + NO_ROLE_AFTER;

    /**
     * "What revenue did the brewer report?", "What sum was earmarked …?": a noun that only a sum of money fills,
     * asked for before the question's own verb, with no verb, article or preposition before it ("What kind of budget
     * did …" and "What will the investment do …" ask for something else). Business and council news ask this way as
     * often as "how much".
     */
    private static final String ASKS_FOR_SUM = "\\bwhat " + modifierWords(2)
            + "(?:revenues?|profits?|sum|spending|budget|price|cost|salary|fee|fine|wages?|funding|investment|valuation"
            + "|earnings|turnover|money|compensation|payout|bonus|bail|ransom) (?:" + AUXILIARIES + ")\\b";

    /**
     * Whose figure "what is the …" asks for: "the", "its", or an owner's name ("What was Brightwell Appliances'
     * annual revenue?", "What is the city's population?"), up to four words before the possessive, none of them a
     * preposition or a verb: "What is the reason for the company's revenue drop?" asks for a reason.
     */
    private static final String WHOSE = "(?:the |its |their |his |her |(?:the )?" + modifierWords(3)
            + "[\\p{L}\\p{N}.&-]+(?:['’]s|s['’]) )";

    /** A term that is a year. */
    private static final Pattern YEAR = Pattern.compile(NewsPatterns.YEAR);

    /** As {@link #ASKS_FOR_ORGANISATION}, but not "Which airline's chief …?", which asks about the organisation. */
    private static final Pattern ORGANISATION_NOUN = Pattern.compile(ASKS_FOR_ORGANISATION + "(?!['’])");

    /** "Which NATO expert …?": a person asked for by a noun of {@code analysis/role-nouns.txt}, the first group. */
    private static final String ASKS_FOR_ROLE = "\\b(?:what|which) " + MODIFIERS + "(" + ROLE_NOUNS + ")\\b";

    private static final Pattern WHO = Pattern.compile("\\bwho(?:m|se)?\\b");

    /** As {@link #ASKS_FOR_ROLE}, but not "Which president's plane …?", which asks about the plane. */
    private static final Pattern ROLE_NOUN = Pattern.compile(ASKS_FOR_ROLE + "(?!['’])");

    /**
     * The nouns of {@code analysis/name-heads.txt}, organisation nouns that names carry, by each of their forms
     * ("airlines" and "airline" to "airline").
     */
    private static final Map<String, String> NAME_HEADS = nameHeads();

    /**
     * "How long is the tunnel?", "How long will the new flood wall be?": a length, where "how long" otherwise asks
     * for a time; not "How long will the bridge be closed?" nor "How long is the line expected to take?".
     */
    private static final Pattern ASKS_FOR_LENGTH = Pattern.compile("\\bhow long (?:is|was|are|were|will|would) "
            + "(?:the |a |an |its |their )?"
            // No preposition among the words before the noun: "the delay on the line" and "the wait at the border"
            // last, whatever comes after "on" or "at".
            + "(?:(?!(?:on|at|of|in|for|to|along|across|from|by|with|into|over|under)\\b)[\\p{L}-]+ ){0,3}?"
            + "(?:" + nouns("length-nouns") + ")\\b(?: be)?\\s*(?:[?.!]|$)");

    /**
     * "What did Peskov say about how long the talks would last?" asks for what was said, whatever the wh-word inside
     * it: no cue's kind of answer, which a window must give.
     */
    private static final Pattern ASKS_WHAT_WAS_SAID = Pattern.compile("^what (?:did|does|do|has|have|had|will|would)"
            + " (?:[\\p{L}\\p{N}'’.-]+ ){1,6}(?:say|said|tell|told|write|wrote|written|announced?|explain(?:ed)?"
            + "|reveal(?:ed)?|warn(?:ed)?|predict(?:ed)?|suggest(?:ed)?)\\b"
            + "(?: [\\p{L}'’-]+){0,3}? (?:about|on|regarding)\\b");

    private static final List<Cue> CUES = List.of(
            new Cue(AnswerType.NUMBER, ASKS_FOR_LENGTH.pattern()),
            new Cue(AnswerType.DURATION, "\\bhow long\\b|\\bfor how many (?:years|months|weeks|days|hours|minutes)\\b"
                    + "|\\b(?:what|which) (?:period|length of time|time ?frame)\\b"),
            new Cue(AnswerType.YEAR, "\\b(?:what|which) years?\\b"),
            new Cue(AnswerType.DATE, "^when\\b|\\bwhen (?:did|does|do|is|was|were|will)\\b"
                    + "|\\b(?:what|which) (?:dates?|days?|months?|times?|weeks?|decades?)\\b|\\bwhat time\\b"
                    + "|\\b(?:since|from|until|till) when[?!.]*$"),
            new Cue(AnswerType.PLACE, "^where\\b|\\bwhere (?:did|does|do|is|was|were|will|are|has|have|had|can"
                    + "|could|would|should)\\b|\\b(?:what|which) " + PLACE_MODIFIER + PLACE_NOUNS
                    // "Which Democratic state senator": a person, named by the role after the place; "Which district
                    // court": an organisation.
                    + "(?! (?:" + ROLE_NOUNS + "|" + ORGANISATION_NOUNS + ")\\b)"
                    + "|" + SUPERLATIVE + PLACE_NOUNS + SUPERLATIVE_END),
            new Cue(AnswerType.NUMBER, "\\bhow (?:many|much|old|big|large|far|tall|high|often|hot|cold|warm|fast|deep"
                    + "|heavy|wide|strong)\\b|\\bwhat (?:is|was|were|are) " + WHOSE
                    + "(?:[\\p{L}-]+ ){0,2}(?:number|amount|price|cost|population|percentage|total|budget|value|size"
                    + "|rate|share|score|figure|age|salary"
                    + "|turnout|attendance|crowd|capacity|viewership|tally|margin|deficit|surplus|debt|death toll|toll"
                    + "|revenue|profit|sum|temperature|speed|distance|height|weight|depth|turnover|earnings|valuation"
                    + "|rainfall|snowfall|magnitude|fee|fine|wage)\\b(?!['’])"
                    + "|\\bwhat (?:percentage|number|amount|share|proportion|age)\\b"
                    + "|\\bwhich age\\b|" + ASKS_FOR_SUM + "|\\bat what (?:price|cost|rate|speed|temperature)\\b"),
            new Cue(AnswerType.ORGANIZATION, ASKS_FOR_ORGANISATION + "|" + SUPERLATIVE + "(?:" + ORGANISATION_NOUNS
                    + ")\\b" + SUPERLATIVE_END),
            new Cue(AnswerType.PERSON, "^(?:who|whom|whose)\\b|\\b(?:who|whom|whose)\\b|" + ASKS_FOR_ROLE
                    // "What is the name of the man charged …?"
                    + "|\\bwhat (?:is|was|are|were) the names? of the " + MODIFIERS + "(?:" + ROLE_NOUNS
                    + ")\\b(?!['’])"),
            // Last, so that "What is the name of the minister who …" asks for a person.
            new Cue(AnswerType.NAME, "\\bwhat (?:is|was|are|were) (?:the|its|their|his|her) names?\\b"
                    + "|\\bwhat (?:is|was|are|were) (?:it|they|this|that) called\\b|\\b(?:under|by) what name\\b"
                    // "What is the mission called?"; not "What was the senator called to testify about?".
                    + "|\\bwhat(?:['’]s| is| was| are| were) (?:the|its|their|his|her|this|that|these|those) "
                    + "(?:[\\p{L}\\p{N}.'’-]+ ){0,6}called\\?*$"
                    + "|\\b(?:what|which) " + MODIFIERS + "(?:" + nouns("name-nouns") + ")\\b"));

    /**
     * "in the US", "across the UK", "which region of the US": a country named as where the asked-about thing is, not
     * what it is. A country's own news seldom names it ("Strawberries top the list of …", "AT&T customers were left
     * without service", "The storm slammed California"). Not "the US Apple App Store" nor "in the United States
     * Senate", where it is part of another name.
     */
    private static final Pattern SCOPE = Pattern.compile(
            "(?:\\b(?:in|across|throughout|around)|\\b(?:[Ww]hich|[Ww]hat) \\p{Ll}+(?: \\p{Ll}+)? of) (?:the )?"
                    + "(\\p{Lu}[\\p{L}.]*(?: \\p{Lu}[\\p{L}.]*)*)");

    /**
     * "Which Delaware museum", "which US city": a country or state that qualifies the asked-for noun is a scope too,
     * and for the same reason local news seldom names its own state ("Hagley Museum and Library near Wilmington").
     * After "what", not a word shaped like a verb: "What France banned", "What Iran wants" ask about the country.
     */
    private static final Pattern ASKED_SCOPE = Pattern.compile("\\b(?:[Ww]hich|[Ww]hat(?! \\S+ (?:" + AUXILIARIES
            + ")\\b)(?! \\S+ \\p{Ll}+(?:ed|[^s]s)\\b)) (\\p{Lu}[\\p{L}.]*(?: \\p{Lu}[\\p{L}.]*)*) (?=\\p{Ll})");

    /**
     * "The article about the Istanbul Communique", "according to the report on the Paris Agreement": the name that
     * picks out the story, which that story may first give anywhere (its third paragraph, say), not the name the
     * asked-for sentence is about. Capitalised words, joined by "of" or "and".
     */
    private static final Pattern STORY_TOPIC = Pattern.compile("\\b(?:[Tt]he|[Tt]his|[Tt]hese) (?:articles?"
            + "|stor(?:y|ies)|reports?|coverage|piece) (?:about|on|of) (?:the )?(\\p{Lu}[\\p{L}\\p{N}'’.\\-]*"
            + "(?: (?:of |and )?\\p{Lu}[\\p{L}\\p{N}'’.\\-]*)*)");

    /** "Who is Vladimir Medinsky?": the subject is a name, so the answer is a description. */
    private static final Pattern DEFINITION = Pattern.compile(
            "^(?:[Ww]ho|[Ww]hat) (?:is|was|are|were) ((?:\\p{Lu}[\\p{L}'’.\\-]*\\s*)+)\\??$");

    /** A word of a name before a possessive: "Medinsky", "Jean-Noel", "O'Brien" (an apostrophe before a capital). */
    private static final String NAME_IN_POSSESSIVE = "\\p{Lu}[\\p{L}.\\-]*(?:['’]\\p{Lu}[\\p{L}.\\-]*)?";

    /**
     * "What cabinet post does Rustem Umerov hold?" asks what "Who is Rustem Umerov?" asks: the answer describes
     * the person ("Rustem Umerov, the country's Defence Minister").
     */
    private static final Pattern POST_OF = Pattern.compile("^[Ww]hat (?:[\\p{L}-]+ )?(?:post|position|office|role"
            + "|title|job|portfolio) (?:does|did|do) ((?:\\p{Lu}[\\p{L}'’.\\-]*\\s+)+)(?:hold|have|occupy|fill)\\b"
            // "What is Medinsky's job?", "Medinsky's job?"; not a "role" or a "position", which a country has too, nor
            // an acronym's ("NATO's title"), an organisation's.
            + "|^(?:[Ww]hat(?:['’]s| is| was) )?(?!\\p{Lu}+['’]s)"
            + "((?:" + NAME_IN_POSSESSIVE + "\\s+)*" + NAME_IN_POSSESSIVE + ")['’]s "
            + "(?:job|post|title|occupation|profession)\\s*\\?*$");

    /** The noun of "which US state", "which island nation", "which city". */
    private static final Pattern PLACE_NOUN = Pattern.compile("(?:\\b(?:what|which) " + PLACE_MODIFIER + "|"
            + SUPERLATIVE + ")(?:(countr(?:y|ies)|nations?)|(states?|provinces?)|(cit(?:y|ies)|towns?|villages?))\\b"
            + "(?! (?:" + ROLE_NOUNS + "|" + ORGANISATION_NOUNS + ")\\b)");

    /**
     * "How much did the ad cost?", "What is the price …?": a sum of money; not "How much has the cost of living
     * risen?", which a percentage answers.
     */
    private static final Pattern MONEY = Pattern.compile("\\bhow much (?:money\\b|.*\\b(?<!the |of )(?:cost|pa(?:y|id)"
            + "|worth|spen[dt]|s(?:ell|old)|raised?|earn|charged?|fined?|allocat|earmark|invest|revenue|set aside"
            + "|t(?:ake|akes|ook) in)\\w*\\b)|\\b(?:what|which) (?:is|was|are|were) " + WHOSE
            + "(?:[\\p{L}-]+ ){0,2}(?:price|cost|budget|salary|revenue|profit|fine|value|prize money|fee|wage"
            + "|turnover|earnings|valuation)\\b"
            + "|\\bat what (?:price|cost)\\b|" + ASKS_FOR_SUM);

    /**
     * "By how much did shares fall?", "By how much has the dam reduced the flow?": a change, given as a share or a sum.
     * Not "passed by how much in a vote" (a margin of votes, a count).
     */
    private static final Pattern CHANGE = Pattern.compile("\\bby how much\\b.*\\b(?:ris[ei]|rose|fall|fell|drop"
            + "|climb|increas|decreas|grow|grew|shrank|shrink|reduc|cut|jump|slid|plung|soar|gain|los[et]|declin|dip)"
            + "\\w*\\b");

    /**
     * "What percentage …?", "What share …?": a percentage. Not "what is the … rate": an exchange rate, a birth rate
     * or a heart rate is no percentage, and only a percentage answers a share.
     */
    private static final Pattern SHARE = Pattern.compile("\\bwhat (?:percentage|percent|share|proportion)\\b"
            + "|\\b(?:what|which) (?:is|was|are|were) the (?:[\\p{L}-]+ ){0,2}(?:percentage|share)\\b");

    /**
     * "What was the turnout?", "How many voters turned out?", "What proportion of the electorate took part?"; not "How
     * many registered voters are there?", the electorate's size, nor "How many people turned out for the protest?".
     */
    private static final Pattern TURNOUT = Pattern.compile("\\bturnout\\b"
            + "|\\bturned out\\b(?=.*\\b(?:vot|elect|ballot|poll|primar|caucus|referend))"
            + "|\\b(?:share|proportion|percentage|percent) of (?:the )?"
            + "(?:electorate|eligible voters|registered voters)\\b");

    /** The "old" of "How old …?", group 1. */
    private static final Pattern HOW_OLD = Pattern.compile("(?i)\\bhow (old)\\b");

    /** "How old is he?", "by the time they reach what age?": a person's age. */
    private static final Pattern AGE = Pattern.compile("\\bhow old\\b|\\b(?:what|which) age\\b"
            + "|\\bwhat (?:is|was|are|were) (?:the|his|her|their|its) (?:[\\p{L}-]+ )?age\\b");

    /** "What time …?", "At what time …?": a time of day; not "what time of year", nor "what time period". */
    private static final Pattern TIME = Pattern.compile(
            "\\bwhat time\\b(?! of (?:the )?(?:year|day|season|month|week)\\b| ?(?:period|frame)s?\\b)");

    /** "On which date …?", "What day …?": a day. */
    private static final Pattern DAY = Pattern.compile("\\b(?:what|which) (?:dates?|days?)\\b");

    /** "In which month …?": a month, which neither "2022" nor "Saturday" names. */
    private static final Pattern MONTH = Pattern.compile("\\b(?:what|which) months?\\b");

    /** "Which week …?", "In what decade …?": a period longer than a day, which no time of day gives. */
    private static final Pattern CALENDAR = Pattern.compile("\\b(?:what|which) (?:weeks?|decades?)\\b");

    /**
     * What a number must count: "how many prisoners", "the number of seats", and a count that news writes beside its
     * own noun ("the attendance of 18,204", "a crowd of 40,000", "a capacity of 60,000"), which no score ("3-1") is.
     */
    private static final Pattern COUNTED = Pattern.compile("\\bhow many ([\\p{L}-]+)"
            + "|\\b(?:number|total) of ([\\p{L}-]+)"
            + "|\\bwhat (?:is|was|were|are) the (?:[\\p{L}-]+ ){0,2}?(attendance|crowd|capacity)"
            // The noun ends what is asked: "the crowd's reaction" and "the crowd chanting" ask for no count.
            + "(?=\\s*(?:[?.!]|$| (?:at|of|in|for|on|when|during|as)\\b))");

    private static final Pattern OWN_QUESTION = Pattern.compile(
            "(?i)^\\s*(?!(?:what|how) about\\b)(?:what|who|whom|whose|when|where|which|why|how"
                    + "|(?:since|from|until|till) when)\\b");

    private record Cue(AnswerType type, Pattern pattern) {
        Cue(AnswerType type, String regex) {
            this(type, Pattern.compile(regex));
        }
    }

    /** Up to {@code n} words that may qualify the noun a question asks for: no verb, article or preposition. */
    private static String modifierWords(int n) {
        return "(?:(?!(?:" + AUXILIARIES + "|the|a|an|of|to|in|for|from|on|at|by|with)\\b)[\\p{L}\\p{N}&'’-]+ ){0,"
                + n + "}";
    }

    /** Where the question names a country or state as its scope ({@link #SCOPE}, {@link #ASKED_SCOPE}). */
    private static List<Span> scopes(String question) {
        List<Span> spans = new ArrayList<>();
        addSpans(SCOPE.matcher(question), KnownPlaces::isCountry, spans);
        addSpans(ASKED_SCOPE.matcher(question), place -> KnownPlaces.isCountry(place) || KnownPlaces.isRegion(place),
                spans);
        return spans;
    }

    /** Each name the pattern's first group finds that {@code accepted} accepts. */
    private static void addSpans(Matcher m, Predicate<String> accepted, List<Span> spans) {
        while (m.find()) {
            if (accepted.test(m.group(1))) {
                spans.add(new Span(m.group(1), m.start(1), m.end(1)));
            }
        }
    }

    /** A name in the question, where it starts and ends. */
    private record Span(String name, int start, int end) {

        boolean holds(NewsAnalyzer.Token token) {
            return token.start() >= start && token.end() <= end;
        }
    }

    private static Subtype subtype(AnswerType type, String question) {
        if (type == AnswerType.NUMBER) {
            return AGE.matcher(question).find() ? Subtype.AGE
                    : ASKS_FOR_LENGTH.matcher(question).find() ? Subtype.LENGTH
                    : CHANGE.matcher(question).find() ? Subtype.CHANGE
                    : MONEY.matcher(question).find() ? Subtype.MONEY
                    : TURNOUT.matcher(question).find() ? Subtype.TURNOUT
                    : SHARE.matcher(question).find() ? Subtype.SHARE : Subtype.ANY;
        }
        if (type == AnswerType.DATE) {
            return TIME.matcher(question).find() ? Subtype.TIME : DAY.matcher(question).find() ? Subtype.DAY
                    : MONTH.matcher(question).find() ? Subtype.MONTH
                    : CALENDAR.matcher(question).find() ? Subtype.CALENDAR : Subtype.ANY;
        }
        if (type != AnswerType.PLACE) {
            return Subtype.ANY;
        }
        Matcher m = PLACE_NOUN.matcher(question);
        if (!m.find()) {
            return Subtype.ANY;
        }
        return m.group(1) != null ? Subtype.COUNTRY : m.group(2) != null ? Subtype.REGION : Subtype.SETTLEMENT;
    }

    /**
     * Whether a run of capitalised words names an office, not a person: it ends in a title and opens with its owner, a
     * possessive ("Turkey's Defence Minister") or an acronym ("NATO Secretary General"). "Stephen King" and "Prince"
     * end in a title too.
     */
    private static boolean endsInTitle(String run) {
        String[] words = EntityTagger.SPACES.split(run.strip());
        return words.length >= 2 && EntityTagger.isTitle(words[words.length - 1])
                && (EntityTagger.isPossessive(words[0]) || EntityTagger.isAcronym(words[0]));
    }

    /** The nouns of a word list as a regular expression that reads their plurals too ("party", "parties"). */
    private static String nouns(String list) {
        return WordLists.load(list).stream().map(noun -> noun + "|" + plural(noun)).collect(Collectors.joining("|"));
    }

    /** "party" → "parties", "bus" → "buses", "airline" → "airlines". */
    private static String plural(String noun) {
        return noun.matches(".*[^aeiou]y") ? noun.substring(0, noun.length() - 1) + "ies"
                : noun.endsWith("s") ? noun + "es" : noun + "s";
    }

    private static Map<String, String> nameHeads() {
        Map<String, String> heads = new HashMap<>();
        for (String noun : WordLists.load("name-heads")) {
            heads.put(noun, noun);
            heads.put(plural(noun), noun);
        }
        return Map.copyOf(heads);
    }

    /** A question asked on its own, outside a conversation (a search, say). */
    public static QuestionAnalysis of(String question) {
        return of(question, question);
    }

    /**
     * @param standalone the question with the conversation resolved into it (pronouns replaced, context
     *     appended); cues and terms come from it
     * @param asked the question as the user typed it; terms only the conversation supplied weigh less,
     *     except names, which a follow-up refers to by pronoun
     */
    public static QuestionAnalysis of(String standalone, String asked) {
        String q = QuestionRewriter.normalise(standalone.strip());
        Matcher post = POST_OF.matcher(q);
        if (post.find()) {
            // Its framing words ("cabinet", "post", "hold") are not in the sentence that describes the person.
            q = "Who is " + (post.group(1) != null ? post.group(1) : post.group(2)).strip() + "?";
        }
        String lower = q.toLowerCase(Locale.ROOT);
        String subject = null;
        AnswerType type = AnswerType.OTHER;
        // A follow-up that asks its own question ("What was he honoured for?") keeps its own answer type (and
        // kind) when the previous question is appended for context; an elliptical one ("And in 2021?") takes
        // the previous question's.
        String cues = OWN_QUESTION.matcher(asked).find()
                ? QuestionRewriter.normalise(asked.strip()).toLowerCase(Locale.ROOT) : lower;
        Matcher definition = DEFINITION.matcher(q);
        // "Who is Turkey's Defence Minister?" asks who holds an office, capitalised or not: a title ends its subject.
        if (definition.matches() && lower.startsWith("who") && !endsInTitle(definition.group(1))) {
            type = AnswerType.DEFINITION;
            subject = definition.group(1).strip();
        } else if (!ASKS_WHAT_WAS_SAID.matcher(cues).find()) {
            for (Cue cue : CUES) {
                if (cue.pattern().matcher(cues).find()) {
                    type = cue.type();
                    break;
                }
            }
        }
        List<NewsAnalyzer.Token> tokens = Terms.ofQuestion(q);
        // A question asked on its own is its own standalone form: analysed once.
        String askedText = QuestionRewriter.normalise(asked.strip());
        Set<String> askedTerms = new HashSet<>();
        (askedText.equals(q) ? tokens : Terms.ofQuestion(askedText)).forEach(t -> askedTerms.add(t.term()));
        List<QuestionTerm> terms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Span> scopes = scopes(q);
        List<Span> topics = new ArrayList<>();
        addSpans(STORY_TOPIC.matcher(q), name -> true, topics);
        Matcher howOld = HOW_OLD.matcher(q);
        int[] ageWord = howOld.find() ? new int[] {howOld.start(1), howOld.end(1)} : null;
        for (NewsAnalyzer.Token token : tokens) {
            if (ageWord != null && token.start() == ageWord[0] && token.end() == ageWord[1]) {
                // An age is given as "Roos, 46,": "old" is in another person's "96-year-old", not in the sentence that
                // answers. Retrieval keeps the word (tokens); the question still asks for an age (Subtype.AGE).
                continue;
            }
            if (!seen.add(token.term())) {
                continue;
            }
            boolean name = Anchors.isName(token);
            boolean required = Anchors.isAnchor(q, token);
            String scope = scopes.stream().filter(span -> span.holds(token)).map(Span::name).findFirst().orElse(null);
            boolean storyTopic = topics.stream().anyMatch(span -> span.holds(token));
            double weight = askedTerms.contains(token.term()) || name ? 1.0 : 0.5;
            terms.add(new QuestionTerm(token.term(), token.surface(), required, scope, storyTopic, weight));
        }
        String quantityOf = null;
        Matcher counted = COUNTED.matcher(lower);
        if (type == AnswerType.NUMBER && counted.find()) {
            String group = counted.group(1) != null ? counted.group(1)
                    : counted.group(2) != null ? counted.group(2) : counted.group(3);
            List<NewsAnalyzer.Token> noun = Terms.ofQuestion(group);
            quantityOf = noun.isEmpty() ? null : noun.getFirst().term();
        }
        return new QuestionAnalysis(q, tokens, type, terms, subject, quantityOf, subtype(type, cues));
    }

    /** The years the question names as figures ("in 2017", "2024's"): its terms that are a year and nothing else. */
    public Set<Integer> years() {
        Set<Integer> years = new HashSet<>();
        for (QuestionTerm term : terms) {
            if (YEAR.matcher(term.surface()).matches()) {
                years.add(Integer.parseInt(term.surface()));
            }
        }
        return years;
    }

    /**
     * The noun a name of the organisation asked for carries ("airline" for "Which airline …?", which "United
     * Airlines" answers); null when the question asks for an organisation by a noun names seldom carry ("Which
     * company …?", {@code analysis/name-heads.txt}), or for no organisation.
     */
    public String askedNameHead() {
        if (type != AnswerType.ORGANIZATION) {
            return null;
        }
        Matcher m = ORGANISATION_NOUN.matcher(text.toLowerCase(Locale.ROOT));
        return m.find() ? NAME_HEADS.get(m.group(1)) : null;
    }

    /**
     * The noun a person is asked for by, in the question's number ("expert" for "Which NATO expert was quoted …?"),
     * which news copy puts beside the person's name ("Dr. Gavin Hall, a NATO expert"); null when the question asks
     * for no person, or not by such a noun ("Who …?", "Which airline's chief …?", "Who said which candidate would
     * win?", where "who" asks).
     */
    public String askedRole() {
        if (type != AnswerType.PERSON) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher m = ROLE_NOUN.matcher(lower);
        return m.find() && !WHO.matcher(lower.substring(0, m.start())).find() ? m.group(1) : null;
    }

    /**
     * Whether a name carries a noun of {@link #askedNameHead}, in either number, as a word of its own: "United
     * Airlines" and "Alaska Air Group's airline" carry "airline"; "Universal" does not carry "university".
     */
    public static boolean carriesNameHead(String name, String head) {
        for (String word : name.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (head.equals(NAME_HEADS.get(word))) {
                return true;
            }
        }
        return false;
    }
}
