package dev.citeqa.answer.extractive;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.citeqa.analysis.Anchors;
import dev.citeqa.analysis.CountryNames;
import dev.citeqa.analysis.EntityTagger;
import dev.citeqa.analysis.EntityTagger.Entity;
import dev.citeqa.analysis.EntityTagger.Kind;
import dev.citeqa.analysis.NewsAnalyzer;
import dev.citeqa.analysis.NewsPatterns;
import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.analysis.QuestionAnalysis.AnswerType;
import dev.citeqa.analysis.QuestionAnalysis.Subtype;
import dev.citeqa.analysis.Terms;
import dev.citeqa.analysis.WordLists;
import dev.citeqa.collection.Article;
import dev.citeqa.collection.Sentence;
import dev.citeqa.search.PassageHit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phrases of a question's answer kind in the retrieved sentences: which of a sentence's entities could answer
 * the question (a person for "Who", an age for "How old", a country for "Which country"), which of them a window
 * offers as its answer, and how near it sits to the question's words. {@link WindowFeatures} turns these into
 * features; the answer phrase of a response is the chosen window's. One instance per question, as the evidence
 * of the retrieved text (which words it capitalises inside sentences, which names it gives as places) is
 * worked out once.
 */
final class AnswerPhrases {

    /** Characters between a number and the noun it counts ("32 allies", "14 senior officials"). */
    static final int COUNT_DISTANCE = 25;
    /** Words of a question about someone's family, whose members share his surname. */
    private static final Pattern FAMILY = Pattern.compile("(?i)\\b(?:sons?|daughters?|wife|husband|"
            + "brothers?|sisters?|father|mother|parents?|family|grandsons?|granddaughters?|nephews?|nieces?|cousins?|"
            + "uncle|aunt|widow|spouse)\\b");

    /** Characters beyond which an entity is no nearer the question's words than any other. */
    private static final int FAR = 200;
    /**
     * A capitalised word with a word before it in its sentence. A look ahead for the capital comes first, so that
     * every place without one fails at once: looking behind first, this scan took 18 % of a request's CPU.
     */
    private static final Pattern CAPITALISED_INSIDE = Pattern.compile(
            "(?=\\p{Lu})(?<=[\\p{L}\\p{N}][^\\p{L}\\p{N}]{1,3})\\p{Lu}[\\p{L}\\p{M}\\p{N}'’.-]*");
    /**
     * What depends on a text alone is kept across questions, as {@link WindowFeatures} keeps its sentences: the
     * passages one question reads are often read again for the next. An entity's terms, by its text; the words a
     * sentence capitalises inside it, and the names it gives as places, by the sentence.
     */
    private static final Cache<String, Set<String>> ENTITY_TERMS = Caffeine.newBuilder().maximumSize(10_000).build();
    private static final Cache<String, List<String>> CAPITALISED = Caffeine.newBuilder().maximumSize(10_000).build();
    private static final Cache<Sentence, List<String>> PLACES = Caffeine.newBuilder().maximumSize(10_000).build();
    /** A currency sign, as news writes it before a sum: "$35", "£ 2 million". */
    private static final String CURRENCY_SIGN = "[$€£¥]";
    private static final Pattern CURRENCY = Pattern.compile(CURRENCY_SIGN);
    /** What a place follows: "in Los Angeles". */
    private static final Pattern IN_BEFORE = Pattern.compile("\\b[Ii]n $");
    /** What a name of a thing or an office follows, and a person's does not: "the Pentagon". */
    private static final Pattern ARTICLE_BEFORE = Pattern.compile("(?<!\\p{L})[Tt]he $");
    /** What follows a dateline's place: its state or country, the agency's name, then a dash (", Ill. (AP) —"). */
    private static final Pattern AFTER_DATELINE =
            Pattern.compile("^(?:,\\s*[\\p{L}. ]{1,20})?(?:\\s*\\([^)]{1,30}\\))?\\s*[–—-]{1,2}\\s");
    /** The words that introduce a name, right before it: "a panda named Bao", "a flavor called “Spiced”". */
    private static final Pattern NAMING = Pattern.compile(
            "(?i)\\b(?:named|called|dubbed|nicknamed|titled|entitled|renamed|known as)\\s+[\"“'‘]?$");
    /** Characters before a phrase searched for {@link #NAMING}: its longest form and a space, with room. */
    private static final int NAMING_CHARS = 20;
    private static final Pattern PERCENT = Pattern.compile("%|per ?cent", Pattern.CASE_INSENSITIVE);
    /** After a number, the words that make it a sum of money: "35 dollars", "2 million pounds". */
    private static final Pattern MONEY_AFTER = Pattern.compile(
            "\\s*(?:(?:million|billion|trillion)\\s+)?(?:pounds|dollars|euros|pence|cents|yen|yuan|rupees)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CURRENCY_BEFORE = Pattern.compile(CURRENCY_SIGN + "\\s?$");
    private static final Pattern PERCENT_AFTER = Pattern.compile("\\s*(?:%|per ?cent)", Pattern.CASE_INSENSITIVE);
    /** After a number, the words that make it a share of the votes cast: "(per cent) of the (popular) vote". */
    private static final Pattern VOTE_SHARE = Pattern.compile(
            "(?:\\s*(?:%|per ?cent))?\\s+of (?:the )?(?:[\\p{L}-]+ )?(?:votes?|ballots?)\\b",
            Pattern.CASE_INSENSITIVE);
    /** Characters around a figure in which a word must say that it is a turnout: "41% of registered voters cast". */
    private static final int TURNOUT_DISTANCE = 50;
    /** Where a clause ends inside a sentence ("Kemp won 59.6%; turnout was 41%"); not a colon ("Turnout: 41%"). */
    private static final Pattern CLAUSE_END = Pattern.compile("[;—–]");
    /** Words that say how many voted: "turnout stood at 42.4%", "12,400 voters took part", "54% cast ballots". */
    private static final Pattern TURNOUT_WORDS = Pattern.compile(
            "\\b(?:turnout|turn(?:ed)? out|took part|voted|cast)\\b", Pattern.CASE_INSENSITIVE);
    private static final Set<String> TIME_UNITS =
            Terms.ofText("seconds minutes hours days weeks months years decades centuries");
    /** Around a number, what makes it one side of a score: "3-1", "84:82". */
    private static final Pattern SCORE_BEFORE = Pattern.compile("\\d[:\\-–]$");
    private static final Pattern SCORE_AFTER = Pattern.compile("[:\\-–]\\d");
    static final Pattern YEAR_NUMBER = Pattern.compile("\\b" + NewsPatterns.YEAR + "\\b");
    /** After a number, the words that make it an age: "a 37-year-old", "37 years old". */
    private static final Pattern AGE_AFTER = Pattern.compile("(?:[- ](?:years?|yrs?))?[- ]old\\b",
            Pattern.CASE_INSENSITIVE);
    /** A bare number of years a person can be: not "37%", "$37" or "2024". */
    private static final Pattern AGE_NUMBER = Pattern.compile("\\d{1,3}");
    /** Before a number, the words that make it an age: "aged 37", "at the age of 37". */
    private static final Pattern AGE_BEFORE = Pattern.compile("\\b(?:aged?|age of)\\s+$", Pattern.CASE_INSENSITIVE);
    /** Before a length of time, what makes it a gap since: "the first … in", "for the first time in more than". */
    private static final Pattern SINCE_FIRST = Pattern.compile(
            "\\b(?:first|last)\\b[^.;]{0,80}\\bin\\s+(?:(?:more than|over|nearly|almost|about|at least)\\s+)?$",
            Pattern.CASE_INSENSITIVE);
    /** An age set off after a name: "Varadkar, 37, took office", "Harris (37)". */
    private static final Pattern OPENS_ASIDE = Pattern.compile("(?:[\\p{L}.], |\\(\\s*)$");
    private static final Pattern CLOSES_ASIDE = Pattern.compile("\\s*(?:[,)]|\\.?\\s*$)");

    /** A word of a question, with where it starts. */
    private static final Pattern QUESTION_WORD = Pattern.compile("[\\p{L}'’-]+");
    /** Words that make the verb after them passive or continuous: "Who was named …", "Which actor is suing …". */
    private static final Set<String> AUXILIARIES = Set.of("is", "was", "are", "were", "has", "have", "had");
    /** What makes a sentence's verb passive too: "Billy Donovan was named …", not "Adam Silver named …". */
    private static final Pattern PASSIVE_BEFORE = Pattern.compile("\\b(?:is|was|are|were|been|be|being)\\s+$",
            Pattern.CASE_INSENSITIVE);
    /** Words a wh-phrase may have after "which" before its verb: "Which Democratic congressperson called …". */
    private static final int WH_PHRASE_WORDS = 3;
    /** Characters between a name and the verb it is the subject of: room for an apposition set off by dashes. */
    private static final int SUBJECT_REACH = 80;
    /** How far before a person's name, in characters, the noun the question asks by may stand. */
    private static final int ROLE_CONTEXT_CHARS = 60;

    /** How many words before a person's name, counting it and the capitalised words between, the noun may stand. */
    private static final int ROLE_WORDS = 4;

    /** Punctuation that ends the words before a name: "According to the senator, Joe Biden …" names no senator. */
    private static final Pattern BEFORE_BREAK = Pattern.compile("[,;:!?()\"“”—–]");

    /**
     * ", 30, a NATO expert and …": an apposition after a name (an age may come first), up to its next punctuation,
     * the first group; not ", said the expert", a relative clause (", who hired the comedian …") or a coordination
     * (", and not the comedian …"), whose noun is someone else's.
     */
    private static final Pattern APPOSITION = Pattern.compile(",\\s+(?:\\d{1,3},\\s+)?(?!(?:said|says|told|added"
            + "|according|who|whom|whose|which|that|and|but|or|not|while)\\b)([^,;:.!?()\"“”]{1,60})");

    /**
     * "The comedian will return": up to three words after a "The" that opens the sentence, the first group. News copy
     * refers back so to the person the sentence before named; elsewhere in a sentence "the pop star's" may be anyone.
     */
    private static final Pattern DEFINITE = Pattern.compile("^\\W*The((?:\\s+[\\p{L}'’-]+){1,3})");

    /**
     * Between a verb and its agent in the passive: "led by presidential adviser Vladimir Medinski", with room for a
     * title before the name but not for another clause.
     */
    private static final Pattern BY_AGENT = Pattern.compile("^\\s+by\\s+[^,;:.!?()\"“”]{0,40}$");
    /**
     * What being the subject of the question's verb adds to a phrase's score: less than a word shared with the
     * question (1), more than most differences in distance (at most 1 over 200 characters).
     */
    private static final double SUBJECT_BONUS = 0.5;
    /**
     * What a name restating the question's words of another country loses ("Russian Foreign Minister Sergey Lavrov"
     * for "Who is Turkey's foreign minister?"): the worth of a word it shares with the question.
     */
    private static final double ANOTHER_COUNTRY_COST = 1;
    /**
     * A question about who won a contest, and not about whom someone beat, who lost or whom the winner faced ("Who did
     * Littler beat to win …?", "Who lost the election that Lawson won?").
     */
    private static final Pattern ASKS_WINNER = Pattern.compile("(?i)^(?!.*\\b(?:beat(?:s|en|ing)?|defeat(?:s|ed|ing)?"
            + "|oust(?:s|ed|ing)?|unseat(?:s|ed|ing)?|los(?:e|es|ing|er|ers|t)|fac(?:e|ed|es|ing)|runners?-up"
            + "|challengers?|rivals?|opponents?)\\b).*\\b(?:won|wins?|winners?|elected|triumph(?:ed|s)?"
            + "|victorious)\\b");
    /** "ousted Mayor …", "defeating incumbent …", "beat the …": just before the one a contest was lost by. */
    private static final Pattern BEATEN_BEFORE = Pattern.compile("(?i)\\b(?:ousted|ousting|unseated|unseating|defeated"
            + "|defeating|beat|beating|toppled|toppling)\\s+(?:the\\s+)?(?:(?:incumbent|sitting)\\s+)?$");
    /** The terms of units, which a "How many …?" question may count ("How many inches …?", "… degrees …?"). */
    private static final Set<String> UNIT_TERMS = Terms.ofText("inches inch feet foot miles mile kilometres kilometers"
            + " km centimetres centimeters cm millimetres millimeters mm metres meters degrees celsius fahrenheit mph");
    /** Figures of a kind no other figure passes for: a sum of money, a share, a turnout. */
    private static final Set<Subtype> TYPED_FIGURES = Set.of(Subtype.MONEY, Subtype.SHARE, Subtype.TURNOUT);
    /**
     * A sentence that opens by pointing back to what the one before named: "It was built …", "The company …"; the
     * answerer's pronouns ({@link WindowFeatures#POINTING_WORDS}), and "That" and "The" before a noun.
     */
    private static final Pattern REFERS_BACK = Pattern.compile("\\W*(?:" + WindowFeatures.POINTING_WORDS
            + "|That|The)\\b");

    /**
     * What being the organisation the question asks for by a noun adds ({@link #askedNounBonus}): more than
     * a word shared with the question (1), as the noun tells the answer for certain and a shared word may be the
     * question's own ("Teaching Fellow" for "At which university does he teach?").
     */
    private static final double NAMED_KIND_BONUS = 2;
    /** Words that name a country, adjectives of nationality mostly, and the country: "russian russia". */
    private static final Map<String, String> COUNTRY_WORDS = WordLists.pairs("country-adjectives");
    private static final Set<String> COUNTRIES = Set.copyOf(COUNTRY_WORDS.values());
    /** Irregular verbs' past forms and their bases ("beat", "won"), which no "-ed" shows to be verbs. */
    private static final Set<String> IRREGULAR_VERBS = irregularVerbs();

    private final QuestionAnalysis question;
    /** The question's distinct terms. */
    private final Set<String> questionTerms;
    /** The passages read, best first. */
    private final List<PassageHit> hits;
    /** Weighs the question's names and figures against its other words when a sentence is said to say more of it. */
    private final AnswererModel.Evidence constants;
    /** The question's names and figures ({@link QuestionAnalysis.QuestionTerm#required}). */
    private final Set<String> anchorTerms;
    /** A sentence as the answerer reads it, worked out once per question. */
    private final Function<Sentence, AnalysedSentence> analyse;
    /** How a sentence describes the subject of "Who is X?", or null for other questions. */
    private final Description description;
    private final Map<String, Set<String>> entityTerms = new HashMap<>();
    /**
     * The names a question asking for a person writes (its required terms), whose bearers it asks about: empty
     * for other questions and for questions about a family.
     */
    private final Set<String> namedInQuestion;
    /** Whether a person is the question's own, by the text of the entity: asked of every window, worked out once. */
    private final Map<String, Boolean> ownPerson = new HashMap<>();
    /** Words the retrieved sentences capitalise after their first word, worked out on first use. */
    private Set<String> capitalisedInside;
    /** Names the retrieved sentences give as places ("in Los Angeles"), worked out on first use. */
    private Set<String> placesSeen;
    /** By article and sentence: a wire story's sentence, word for word in two articles, may name different people. */
    private final Map<ArticleSentence, List<Entity>> entities = new HashMap<>();
    /** For a question whose wh-phrase is its subject, its verb ("call"); else null. */
    private final QuestionVerb subjectVerb;
    /** Whether the question asks who won a contest ({@link #ASKS_WINNER}). */
    private final boolean asksWinner;
    /** The countries the question names, by name or adjective ("turkey" for "Turkey's"); null when not known. */
    private final Set<String> questionCountries;
    /** The other forms of the countries the question names, as terms: {"unit", "state"} for its "US". */
    private final List<Set<String>> questionCountryForms;

    private record ArticleSentence(String articleId, Sentence sentence) {}

    /**
     * Each sentence's best phrase, worked out once per question: a sentence is in up to three windows (alone, and
     * the first or second of a pair), and a window's phrase is the best of its sentences'.
     */
    private final Map<ArticleSentence, Scored> bestInSentence = new HashMap<>();

    /** A phrase and how well it answers; {@link #NONE} for a sentence with none. */
    private record Scored(Entity entity, double score) {}

    private static final Scored NONE = new Scored(null, Double.NEGATIVE_INFINITY);

    /** The word a name of the organisation asked for carries ({@link QuestionAnalysis#askedNameHead}), or null. */
    private final String nameHead;

    /** The term of the noun a person is asked for by ({@link QuestionAnalysis#askedRole}), or null. */
    private final String roleTerm;

    AnswerPhrases(QuestionAnalysis question, Set<String> questionTerms, List<PassageHit> hits,
            Function<Sentence, AnalysedSentence> analyse, AnswererModel.Evidence constants) {
        this.question = question;
        this.questionTerms = questionTerms;
        this.constants = constants;
        this.anchorTerms = question.terms().stream().filter(QuestionAnalysis.QuestionTerm::required)
                .map(QuestionAnalysis.QuestionTerm::term).collect(java.util.stream.Collectors.toSet());
        this.hits = hits;
        this.analyse = analyse;
        this.description = question.type() == AnswerType.DEFINITION ? Description.of(question.subject()) : null;
        this.namedInQuestion = question.type() != AnswerType.PERSON || FAMILY.matcher(question.text()).find()
                ? Set.of() : question.terms().stream().filter(QuestionAnalysis.QuestionTerm::required)
                        .map(QuestionAnalysis.QuestionTerm::term).collect(java.util.stream.Collectors.toSet());
        this.subjectVerb = questionVerb(question);
        this.asksWinner = ASKS_WINNER.matcher(question.text()).find();
        this.nameHead = question.askedNameHead();
        String role = question.askedRole();
        this.roleTerm = role == null ? null : Terms.ofText(role).stream().findFirst().orElse(null);
        this.questionCountries = countriesNamed(question.text());
        this.questionCountryForms = questionTerms.stream().flatMap(t -> CountryNames.otherForms(t).stream())
                .map(CountryNames.Form::terms).toList();
    }

    /**
     * The countries a text names by a word of {@code analysis/country-adjectives.txt}, or by the country's name;
     * null when it names a country that list does not know ("UK", "United States"), of which nothing can be said.
     */
    static Set<String> countriesNamed(String text) {
        Set<String> countries = new HashSet<>();
        List<String> words = QUESTION_WORD.matcher(text).results()
                .map(m -> EntityTagger.plain(m.group())).toList();
        for (int i = 0; i < words.size(); i++) {
            String country = COUNTRY_WORDS.getOrDefault(words.get(i), COUNTRIES.contains(words.get(i)) ? words.get(i)
                    : null);
            if (country != null) {
                countries.add(country);
            } else if (EntityTagger.isCountry(words.get(i))
                    || i + 1 < words.size() && EntityTagger.isCountry(words.get(i) + " " + words.get(i + 1))) {
                return null;
            }
        }
        return countries;
    }

    /**
     * "Russian Foreign Minister Sergey Lavrov" for "Who is Turkey's foreign minister?": a name that restates the
     * question's words (here the role) of another country than the one the question names answers someone else's
     * question. Only the words before a person's name count ("Rep. Jim Jordan" names no country). Asked for a
     * place, another country is what is asked for, and is left alone.
     */
    private boolean restatesForAnotherCountry(Entity e, long shared) {
        if (questionCountries == null || questionCountries.isEmpty() || shared == 0
                || e.kind() != Kind.PERSON && e.kind() != Kind.ORGANIZATION) {
            return false;
        }
        String words = e.text();
        if (e.kind() == Kind.PERSON) {
            int name = words.lastIndexOf(EntityTagger.personName(words));
            words = name < 0 ? "" : words.substring(0, name);
        }
        Set<String> named = countriesNamed(words);
        return named != null && !named.isEmpty() && Collections.disjoint(named, questionCountries);
    }

    /**
     * The verb of a question whose wh-phrase is its subject, as a term: "beat" in "Who beat Luke Littler …?",
     * "call" in "Which Democratic congressperson called for new elections?", "name" in "Who was named …?". Null
     * when the wh-phrase is the object ("Who did Macron appoint?"), when no verb in the past (or after "is", "was",
     * "has" …) follows it within {@link #WH_PHRASE_WORDS} words, or when that verb is no term of the question.
     */
    static String subjectVerb(QuestionAnalysis question) {
        QuestionVerb verb = questionVerb(question);
        return verb == null ? null : verb.term();
    }

    /**
     * @param passive "Who was named …?", "Which MP has been appointed …?"; not "Which actor is suing …?": the named
     *     one stands before a passive verb only
     */
    private record QuestionVerb(String term, boolean passive) {}

    private static QuestionVerb questionVerb(QuestionAnalysis question) {
        List<MatchResult> words = QUESTION_WORD.matcher(question.text()).results().toList();
        if (words.size() < 2) {
            return null;
        }
        String wh = words.getFirst().group().toLowerCase(Locale.ROOT);
        if (!wh.equals("who") && !wh.equals("which")) {
            return null;
        }
        // "Who" is the whole wh-phrase; "which" has at least one word of its own ("Which airline …").
        int from = wh.equals("who") ? 1 : 2;
        int to = wh.equals("who") ? 1 : 1 + WH_PHRASE_WORDS;
        for (int i = from; i <= to && i < words.size(); i++) {
            String word = words.get(i).group();
            if (AUXILIARIES.contains(word)) {
                boolean been = i + 1 < words.size() && words.get(i + 1).group().equals("been");
                int next = been ? i + 2 : i + 1;
                if (next >= words.size()) {
                    return null;
                }
                String verb = words.get(next).group();
                boolean continuous = Character.isLowerCase(verb.charAt(0)) && verb.endsWith("ing");
                if (!isPastVerb(verb) && !continuous) {
                    return null;
                }
                // "has appointed" is active; "was appointed", "has been appointed" passive.
                boolean passive = !continuous && (been || !word.startsWith("ha"));
                return verbAt(question, words.get(next).start(), passive);
            }
            if (isPastVerb(word)) {
                return verbAt(question, words.get(i).start(), false);
            }
        }
        return null;
    }

    /**
     * "called", "won", "beat": a regular past form, or an irregular verb's past or base form, in lower case ("King",
     * "York-based" are no verbs). Shorter than five letters, an "-ed" word is mostly no past ("red", "bed", "shed").
     */
    private static boolean isPastVerb(String word) {
        return Character.isLowerCase(word.charAt(0)) && word.indexOf('-') < 0
                && (word.length() > 4 && word.endsWith("ed") || IRREGULAR_VERBS.contains(word));
    }

    private static Set<String> irregularVerbs() {
        Map<String, String> pairs = WordLists.pairs("irregular-verbs");
        Set<String> verbs = new HashSet<>(pairs.keySet());
        verbs.addAll(pairs.values());
        return Set.copyOf(verbs);
    }

    private static QuestionVerb verbAt(QuestionAnalysis question, int start, boolean passive) {
        return question.tokens().stream().filter(t -> t.start() == start)
                .map(t -> new QuestionVerb(t.term(), passive)).findFirst().orElse(null);
    }

    /** Whether the sentence's verb {@code t} is in the passive ("was headed"), looking back to {@code from}. */
    private static boolean isPassive(String text, int from, NewsAnalyzer.Token t) {
        return !t.surface().endsWith("ing") && PASSIVE_BEFORE.matcher(text.substring(from, t.start())).find();
    }

    /**
     * Whether the entity comes before the question's verb in the sentence, near enough to be its subject:
     * "Schumer — the highest-ranking Jewish official in American history — called for Israel to hold new
     * elections", where "Benjamin Netanyahu", after the verb, stands nearer the question's words. The verb's voice
     * must be the question's: asked "Who headed the Russian team?", the name before "was headed" is no subject, and
     * the agent after it ("was headed by Vladimir Medinsky") is.
     */
    private boolean isSubjectOfVerb(AnalysedSentence a, Entity e) {
        if (subjectVerb == null) {
            return false;
        }
        String text = a.sentence().text();
        for (NewsAnalyzer.Token t : a.tokens()) {
            if (!t.term().equals(subjectVerb.term())) {
                continue;
            }
            if (t.start() >= e.end() && t.start() - e.end() <= SUBJECT_REACH
                    && subjectVerb.passive() == isPassive(text, e.end(), t)) {
                return true;
            }
            if (!subjectVerb.passive() && t.end() <= e.start()
                    && BY_AGENT.matcher(text.substring(t.end(), e.start())).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * For "Who won …?", whether the sentence gives the name as the one who lost: "ousted Mayor Nikolai Mancini,
     * electing Leon Lawson" for "Who won the mayoral election?", where the loser bears the office's title, which the
     * question shares.
     */
    private boolean isBeaten(Entity e, AnalysedSentence a) {
        String text = a.sentence().text();
        return asksWinner && BEATEN_BEFORE.matcher(text.substring(Math.max(0, e.start() - 40), e.start())).find();
    }

    /**
     * Whether the window gives what a typed question asks for: for "Who is X?", a sentence that describes X;
     * otherwise a phrase of the asked kind ({@code entity}, from {@link #answerEntity}).
     */
    boolean typeMatch(List<AnalysedSentence> window, Entity entity) {
        return question.type() == AnswerType.DEFINITION
                ? description != null && window.stream().anyMatch(a -> description.in(a.sentence().text()))
                : entity != null;
    }

    /**
     * The phrase in the window that answers the question's type, other than the question's own words.
     * Of several, the one nearest the question's words wins, and a name that extends the question's own
     * phrase wins over all ("NATO Secretary General Mark Rutte" for "Who is the NATO Secretary General?"), the
     * more of it the better; for "Who beat …?", the subject of "beat" ({@link #subjectVerb}) is preferred.
     */
    Entity answerEntity(List<AnalysedSentence> window, Article article) {
        Scored best = NONE;
        for (AnalysedSentence a : window) {
            Scored s = bestInSentence.computeIfAbsent(new ArticleSentence(article.id(), a.sentence()),
                    key -> bestIn(a, article));
            if (s.score() > best.score()) {
                best = s;
            }
        }
        return best.entity();
    }

    private Scored bestIn(AnalysedSentence a, Article article) {
        if (!saysAnyOfQuestion(a)) {
            // In a pair, a date in the sentence that says nothing of the question answers nothing.
            return NONE;
        }
        // In a pair, the sentence that says more of the question answers it, whatever the distances: "Crews
        // expect to reopen the road by Monday" over "A storm closed Highway 1 on Saturday" for "When will
        // crews reopen the highway?". Names and figures count for the share the model gives them in coverage: they
        // say which story, the other words what is asked of it ("Net income came in at £36.2m" over "Sorrel Energy
        // said sales rose to £873.3m in the three months to 30 June 2022" for "What net profit did Sorrel Energy
        // report for the second quarter of 2022?"). Each word counts once here, where coverage weighs it by IDF.
        double said = said(a);
        Scored best = NONE;
        for (Entity e : entities(a, article)) {
            if (!isCandidate(e, a) || isQuestionsOwnPerson(e) || isCapitalisedOnlyAsOpener(e, a) || isBeaten(e, a)) {
                continue;
            }
            long shared = termsOf(e.text()).stream().filter(questionTerms::contains).count();
            if (shared == 0 && e.kind() == Kind.PERSON && question.type() == AnswerType.PERSON) {
                // "Obama was nominated …" for "Which former president …?": the article said what he is.
                shared = titlesShared(e, article);
            }
            // Each word shared with the question outweighs any distance: "Russian President Vladimir
            // Putin" over "President Volodymyr Zelensky" for "Who is the Russian President?"; so does being
            // the narrower kind asked for: "Texas" over "Mexico" for "Which state was sued?", and being
            // introduced as a name when one is asked for: "a panda named Bao" over "the Capital City zoo"; and
            // being known as a person when one is asked for: "Obama" (whom the article names in full) over
            // "Netflix". Being the organisation asked for by a noun its name carries outweighs a shared word:
            // "University of Strathclyde" over "Teaching Fellow" for "At which university does he teach?"; a person
            // given the noun the question asks by counts as a shared word: "Los Angeles Lakers star LeBron James" for
            // "Which basketball star …?". A person named bare shares the titles the article gives them elsewhere.
            // Being the subject of the question's verb counts for less, and restating the question's words of another
            // country takes a shared word's worth away.
            double score = shared + (isSubtypeAskedFor(e) ? 1 : 0) + askedNounBonus(e, a)
                    + (isIntroducedAsName(e, a) ? 1 : 0)
                    + (question.type() == AnswerType.PERSON && e.kind() == Kind.PERSON ? 1 : 0) + said
                    + (isSubjectOfVerb(a, e) ? SUBJECT_BONUS : 0)
                    - (restatesForAnotherCountry(e, shared) ? ANOTHER_COUNTRY_COST : 0)
                    - Math.min(distanceToQuestion(a, e), FAR) / (double) FAR;
            if (score > best.score()) {
                best = new Scored(e, score);
            }
        }
        return best;
    }

    /** Whether the sentence has any word of the question. */
    private boolean saysAnyOfQuestion(AnalysedSentence a) {
        return a.terms().stream().anyMatch(questionTerms::contains);
    }

    /** How much of the question the sentence says ({@link AnswererModel.Evidence#said}), word by word. */
    private double said(AnalysedSentence a) {
        int anchors = 0;
        int anchorsFound = 0;
        int focusFound = 0;
        for (String term : questionTerms) {
            boolean anchor = anchorTerms.contains(term);
            boolean found = a.terms().contains(term);
            anchors += anchor ? 1 : 0;
            anchorsFound += anchor && found ? 1 : 0;
            focusFound += !anchor && found ? 1 : 0;
        }
        return constants.said(anchorsFound, anchors, focusFound, questionTerms.size() - anchors);
    }

    /** The question's words among the titles the article gives the person elsewhere ("Former President Barack Obama"). */
    private long titlesShared(Entity e, Article article) {
        String name = EntityTagger.withoutPossessive(EntityTagger.personName(e.text()));
        String surname = name.substring(name.lastIndexOf(' ') + 1);
        return FullNames.titles(article, surname).stream().filter(questionTerms::contains).count();
    }

    /**
     * Whether a sentence of the window gives a phrase of the kind asked for, other than the question's own
     * words, whether or not that sentence repeats the question: in "The library opened on Wednesday. It was built
     * at a cost of $16.7 million." the second sentence gives the price the question asks for, although only the
     * first names the library. (The answer phrase, {@link Window#answerEntity()}, must sit in a sentence that
     * shares the question's words.)
     */
    boolean givesAskedKind(Window w) {
        for (Sentence s : w.sentences()) {
            AnalysedSentence a = analyse.apply(s);
            for (Entity e : entities(a, w.hit().stored().article())) {
                if (isCandidate(e, a)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A phrase of the asked kind, and not made of the question's own words alone. */
    private boolean isCandidate(Entity e, AnalysedSentence a) {
        return fits(e) && counts(e, a) && !isThingAskedAsPerson(e, a)
                && !questionTerms.containsAll(termsOf(e.text())) && !isQuestionsCountry(e) && !isDateline(e, a);
    }

    /**
     * "The youngest president of the Republic", "a briefing at the Pentagon": a person's name takes no article, so
     * a lone capitalised word after "the", whatever the tagger could not place it as, answers no "Who …?". Unless
     * it is a plural, which names a group that may be the answer ("the Spinners", "the Chiefs").
     */
    private boolean isThingAskedAsPerson(Entity e, AnalysedSentence a) {
        String word = e.text();
        return question.type() == AnswerType.PERSON && e.kind() == Kind.NAME && !word.contains(" ")
                && (!word.endsWith("s") || word.endsWith("ss"))
                && ARTICLE_BEFORE.matcher(a.sentence().text().substring(Math.max(0, e.start() - 5), e.start())).find();
    }

    /**
     * "the United States" for a question that says "US": a country the question names, in another form
     * ({@link CountryNames}), with nothing of its own beside the question's words. "United" alone, an airline, is
     * no form of it, nor is "the United States Postal Service".
     */
    private boolean isQuestionsCountry(Entity e) {
        if (questionCountryForms.isEmpty()) {
            return false;
        }
        Set<String> terms = termsOf(e.text());
        return questionCountryForms.stream().anyMatch(form -> terms.containsAll(form)
                && terms.stream().allMatch(t -> form.contains(t) || questionTerms.contains(t)));
    }

    /**
     * "WASHINGTON – Embattled Rep. George Santos was expelled …": a name in capitals that opens the sentence
     * before a dash is a dateline, where the story was filed (or a section label), not a fact the story reports,
     * so it answers no question; the sentence's own words may.
     */
    private static boolean isDateline(Entity e, AnalysedSentence a) {
        String text = a.sentence().text();
        return e.text().codePoints().filter(Character::isLetter).count() > 1
                && e.text().equals(e.text().toUpperCase(Locale.ROOT))
                && text.substring(0, e.start()).codePoints().noneMatch(Character::isLetterOrDigit)
                && AFTER_DATELINE.matcher(text.substring(e.end())).find();
    }

    /**
     * "Shortly after …", "Investing in …": a lone word that opens its sentence is capitalised for its place. It
     * names something only when the retrieved text capitalises it inside a sentence too ("Beijing said …" and
     * "… in Beijing"), or it is a country or region.
     */
    private boolean isCapitalisedOnlyAsOpener(Entity e, AnalysedSentence a) {
        String text = a.sentence().text();
        if (e.kind() == Kind.DATE || e.kind() == Kind.NUMBER || e.kind() == Kind.DURATION || e.text().contains(" ")
                || EntityTagger.isCountry(e.text()) || EntityTagger.isRegion(e.text())
                || text.substring(0, e.start()).codePoints().anyMatch(Character::isLetterOrDigit)) {
            return false;
        }
        if (capitalisedInside == null) {
            capitalisedInside = new HashSet<>();
            for (PassageHit hit : hits) {
                for (Sentence s : hit.stored().passage().sentences()) {
                    capitalisedInside.addAll(CAPITALISED.get(s.text(), AnswerPhrases::capitalisedInside));
                }
            }
        }
        return !capitalisedInside.contains(capitalisedKey(e.text()));
    }

    /**
     * The sentence's entities, with the retrieved text's evidence: the tagger calls two capitalised words a person
     * unless the sentence says otherwise ("northwest Los Angeles"), and a name another retrieved sentence gives as
     * a place ("in Los Angeles") is one here too, unless a title names a person by it; and for "Who …?", a name
     * the article gives in full is a person ({@link #knownPeople}).
     */
    private List<Entity> entities(AnalysedSentence a, Article article) {
        return entities.computeIfAbsent(new ArticleSentence(article.id(), a.sentence()), key -> {
            List<Entity> tagged = withPlacesSeen(a.entities());
            return question.type() == AnswerType.PERSON ? knownPeople(tagged, article) : tagged;
        });
    }

    private List<Entity> withPlacesSeen(List<Entity> tagged) {
        if (tagged.stream().noneMatch(e -> e.kind() == Kind.PERSON)) {
            return tagged;
        }
        if (placesSeen == null) {
            placesSeen = new HashSet<>();
            for (PassageHit hit : hits) {
                for (Sentence other : hit.stored().passage().sentences()) {
                    placesSeen.addAll(PLACES.get(other, o -> placesIn(analyse.apply(o))));
                }
            }
        }
        return tagged.stream().map(e -> e.kind() == Kind.PERSON
                && placesSeen.contains(EntityTagger.withoutPossessive(e.text()))
                && !EntityTagger.isTitle(e.text().split(" ")[0])
                ? new Entity(Kind.PLACE, e.text(), e.start(), e.end()) : e).toList();
    }

    /**
     * The names a sentence gives as places: "in X" only, as the tagger's places also include "to X", which names
     * people too.
     */
    private static List<String> placesIn(AnalysedSentence a) {
        List<String> places = new ArrayList<>();
        for (Entity e : a.entities()) {
            if (e.kind() == Kind.PLACE && IN_BEFORE.matcher(a.sentence().text().substring(0, e.start())).find()) {
                places.add(EntityTagger.withoutPossessive(e.text()));
            }
        }
        return List.copyOf(places);
    }

    /**
     * For "Who …?": a lone name the article gives in full elsewhere is a person's ("Obama", whom it calls Barack
     * Obama), whatever else the retrieved text makes of the word ("in James", a place, in another story). Not for
     * other questions: "Tetris" is a game, whatever person a headline seems to name by it.
     */
    private static List<Entity> knownPeople(List<Entity> tagged, Article article) {
        return tagged.stream().map(e -> e.kind() == Kind.NAME
                && FullNames.of(article, EntityTagger.withoutPossessive(e.text())) != null
                ? new Entity(Kind.PERSON, e.text(), e.start(), e.end()) : e).toList();
    }

    /** The words a text capitalises after its first word, as {@link #capitalisedKey} gives them. */
    private static List<String> capitalisedInside(String text) {
        List<String> keys = new ArrayList<>();
        Matcher word = CAPITALISED_INSIDE.matcher(text);
        while (word.find()) {
            keys.add(capitalisedKey(word.group()));
        }
        return List.copyOf(keys);
    }

    /** "Wendy's." at a sentence's end, "Wendy's" and "Wendy" are one word; so are "Jones'" and "Jones". */
    private static String capitalisedKey(String word) {
        String key = EntityTagger.withoutPossessive(word.endsWith(".") ? word.substring(0, word.length() - 1) : word);
        return key.endsWith("'") || key.endsWith("’") ? key.substring(0, key.length() - 1) : key;
    }

    /** For "What is the name of …?": the phrase after "named", "called", "dubbed", "known as". */
    private boolean isIntroducedAsName(Entity e, AnalysedSentence a) {
        if (question.type() != AnswerType.NAME) {
            return false;
        }
        String before = a.sentence().text().substring(Math.max(0, e.start() - NAMING_CHARS), e.start());
        return NAMING.matcher(before).find();
    }

    /**
     * Whether the question asks for a kind of phrase that can be told for certain: a country or a state (their
     * lists), an organisation whose names carry the noun asked for ("United Airlines" for "Which airline …?";
     * {@link QuestionAnalysis#askedNameHead}), or a person asked for by a noun that the text gives them ("Dr. Gavin
     * Hall, a NATO expert" for "Which NATO expert …?"; {@link QuestionAnalysis#askedRole}). Not a city: the list of
     * cities names only the large ones, and any place but a country or a state passes for one ("Yellowstone National
     * Park").
     */
    boolean asksKnownKind() {
        return nameHead != null || roleTerm != null || question.subtype() == Subtype.COUNTRY
                || question.subtype() == Subtype.REGION;
    }

    /**
     * Whether a phrase is of the kind {@link #asksKnownKind} says the question asks for. An organisation's name must
     * carry the noun as a word ("Universal" is no university) and be no person's or place's ("West Bank" is no bank).
     *
     * @param sentence the sentence of the phrase, whose words say what a person is; null when not known
     */
    boolean isOfKnownKind(Entity e, Sentence sentence) {
        if (e == null || !asksKnownKind()) {
            return false;
        }
        if (roleTerm != null) {
            return isPersonNamed(e) && sentence != null && isGivenRole(e, sentence.text());
        }
        return nameHead != null ? (e.kind() == Kind.ORGANIZATION || e.kind() == Kind.NAME)
                && QuestionAnalysis.carriesNameHead(e.text(), nameHead) : isSubtypeAskedFor(e);
    }

    /**
     * Whether the window gives the kind {@link #asksKnownKind} says the question asks for: its answer phrase is of
     * it, or, asked for a person by a noun, the window gives that noun to a person it names (who need not be its
     * answer phrase: in "Jon Stewart is going home again. The comedian will return to host Comedy Central's …" the
     * phrase nearest the question's words is the network, until {@link #referent} names him), or opens a sentence
     * with it after a sentence that names a person. The sentence must say more of the question than the noun:
     * "Stanford's Cameron Brink, the Pac-12 Player of the Year" names a player, not the one asked for. A weaker check
     * than a country's or an airline's, kept to the best windows.
     */
    boolean givesKnownKind(Window w) {
        if (roleTerm == null) {
            return isOfKnownKind(w.answerEntity(), w.answerSentence());
        }
        boolean personBefore = false;
        Article article = w.hit().stored().article();
        for (Sentence s : w.sentences()) {
            AnalysedSentence a = analyse.apply(s);
            boolean saysMore = saysMoreThanRole(a);
            if (saysMore && personBefore && refersBackByRole(s.text())) {
                return true;
            }
            for (Entity e : entities(a, article)) {
                if (saysMore && isPersonNamed(e) && isGivenRole(e, s.text())) {
                    return true;
                }
                personBefore |= e.kind() == Kind.PERSON;
            }
        }
        return false;
    }

    /**
     * The person a sentence of the window refers back to by the noun the question asks for them by: "Jon Stewart is
     * going home again. The comedian will return to host Comedy Central's …" for "Which comedian announced he will
     * return …?", where the phrase nearest the question's words is the network ("Comedy Central's", which the tagger
     * reads as a person's). The one person the sentence before names, if the referring sentence says more of the
     * question than the noun and the window's phrase is no person named outright ("The comedian chosen to host is
     * John Mulaney"); null otherwise.
     */
    Entity referent(Window w) {
        Entity phrase = w.answerEntity();
        if (phrase == null && TYPED_FIGURES.contains(question.subtype())) {
            return figureReferredBack(w);
        }
        if (roleTerm == null || phrase != null && phrase.kind() == Kind.PERSON
                && !EntityTagger.isPossessive(phrase.text())) {
            return null;
        }
        Article article = w.hit().stored().article();
        AnalysedSentence before = null;
        for (Sentence s : w.sentences()) {
            AnalysedSentence a = analyse.apply(s);
            if (before != null && refersBackByRole(s.text()) && saysMoreThanRole(a)) {
                List<Entity> people = entities(before, article).stream()
                        .filter(e -> e.kind() == Kind.PERSON && !isQuestionsOwnPerson(e)).toList();
                return people.size() == 1 ? people.getFirst() : null;
            }
            before = a;
        }
        return null;
    }

    /**
     * The sum, share or turnout a sentence of the window gives after a sentence that says something of the question,
     * when no sentence that does gives one: "The doors of Hollis Point's new library opened on Wednesday. It was built
     * at a cost of $16.7 million." for "What was the price tag of the library Hollis Point unveiled?". News copy
     * names the thing first and gives its figure after, in a sentence that points back to it ("It", "The company");
     * a turnout says what it is ("of registered voters cast a ballot"), and is no vote share. Only one such figure
     * in that sentence, else null: "Tickets to the gala sold for $50" gives no price of the library.
     */
    private Entity figureReferredBack(Window w) {
        Article article = w.hit().stored().article();
        boolean saidBefore = false;
        for (Sentence s : w.sentences()) {
            AnalysedSentence a = analyse.apply(s);
            if (saidBefore && (question.subtype() == Subtype.TURNOUT || REFERS_BACK.matcher(s.text()).lookingAt())) {
                List<Entity> figures = entities(a, article).stream().filter(e -> isCandidate(e, a)
                        && !(question.subtype() == Subtype.SHARE && isTurnout(e, s.text()))).toList();
                if (figures.size() == 1) {
                    return figures.getFirst();
                }
            }
            saidBefore = saysAnyOfQuestion(a);
        }
        return null;
    }

    /** A person's name: what the tagger reads as a person, or a single name ("Madonna", "Cher"). */
    private static boolean isPersonNamed(Entity e) {
        return e.kind() == Kind.PERSON || e.kind() == Kind.NAME && e.text().indexOf(' ') < 0;
    }

    /** Whether a sentence has a word of the question other than the noun a person is asked for by. */
    private boolean saysMoreThanRole(AnalysedSentence a) {
        return a.terms().stream().anyMatch(t -> !t.equals(roleTerm) && questionTerms.contains(t));
    }

    /** "The comedian will return": the asked noun after a "The" that opens the sentence, at most two words between. */
    private boolean refersBackByRole(String text) {
        Matcher m = DEFINITE.matcher(text);
        return m.lookingAt() && Terms.ofText(m.group(1)).contains(roleTerm);
    }

    /**
     * What a phrase of the kind asked for by a noun adds to its score ({@link #isOfKnownKind}; a country or a state
     * is counted apart): {@link #NAMED_KIND_BONUS} for the organisation whose name carries the noun; a shared word's
     * worth, no more, for a person the sentence gives the noun, as a story gives it to others too ("Soviet leader
     * Josef Stalin" beside "Vladimir Putin won his fifth term" for "Which global leader secured a fifth term?").
     */
    private double askedNounBonus(Entity e, AnalysedSentence a) {
        if (nameHead == null && roleTerm == null || !isOfKnownKind(e, a.sentence())) {
            return 0;
        }
        return nameHead != null ? NAMED_KIND_BONUS : 1;
    }

    /**
     * Whether the text gives a person the noun asked for: just before the name, capitalised words between ("comedian
     * Jon Stewart", "NATO Secretary General Mark Rutte" for "which secretary"), or in an apposition after it ("Dr.
     * Gavin Hall, a NATO expert and Teaching Fellow"). A name with some other role, or none, is someone the story
     * mentions, and the question's noun is what tells the one it asks for.
     */
    private boolean isGivenRole(Entity e, String text) {
        String name = EntityTagger.personName(e.text());
        int nameStart = e.start() + Math.max(0, e.text().lastIndexOf(name));
        String before = text.substring(Math.max(0, nameStart - ROLE_CONTEXT_CHARS), nameStart);
        Matcher cut = BEFORE_BREAK.matcher(before);
        int from = 0;
        while (cut.find()) {
            from = cut.end();
        }
        Matcher words = QUESTION_WORD.matcher(before.substring(from));
        List<String> last = new ArrayList<>();
        while (words.find()) {
            last.add(words.group());
        }
        // Back from the name over capitalised words ("Secretary General"), to the noun; a word in lower case that is
        // not the noun ends the look: "leader since Soviet dictator Josef Stalin" calls Stalin no leader. A possessive
        // gives the noun to no name: "the senator's Inflation Reduction Act".
        for (int i = last.size() - 1; i >= Math.max(0, last.size() - ROLE_WORDS); i--) {
            String word = last.get(i);
            if (!EntityTagger.isPossessive(word) && Terms.ofText(word).contains(roleTerm)) {
                return true;
            }
            if (!Character.isUpperCase(word.charAt(0))) {
                break;
            }
        }
        Matcher apposition = APPOSITION.matcher(text.substring(Math.min(e.end(), text.length())));
        return apposition.lookingAt() && Terms.ofText(apposition.group(1)).contains(roleTerm);
    }

    private boolean isSubtypeAskedFor(Entity e) {
        return switch (question.subtype()) {
            case COUNTRY -> e.kind() == Kind.PLACE && EntityTagger.isCountry(e.text());
            case REGION -> e.kind() == Kind.PLACE && EntityTagger.isRegion(e.text());
            case SETTLEMENT -> e.kind() == Kind.PLACE && (EntityTagger.isCity(e.text())
                    || !EntityTagger.isCountry(e.text()) && !EntityTagger.isRegion(e.text()));
            // Ages, sums of money, shares, times of day and calendar dates are checked where a figure counts
            // (counts); for money and shares no other figure is a candidate, so a bonus would tell none apart.
            case AGE, MONEY, SHARE, TURNOUT, TIME, MONTH, CALENDAR, DAY, ANY -> false;
        };
    }

    /**
     * "Foreign Minister Hakan Fidan" for "Which French minister did Hakan Fidan speak with?": a person the
     * question names, under a title it does not, is who it asks about, not the answer; so, when a person is asked
     * for, is "Vladimir Putin" for "Who urged Putin to meet him?", where the question names him by his surname
     * alone (a name it capitalises). Not when the question asks about his family ("Putin's daughter", "Which
     * Trump son …"), whose members share the name. Asked for anything else ("What did Erdogan tell Rutte?"), a
     * person it names by surname stays a phrase of the window: the model's weights were learned with it counted
     * there.
     */
    private boolean isQuestionsOwnPerson(Entity e) {
        return e.kind() == Kind.PERSON && ownPerson.computeIfAbsent(e.text(), text -> {
            String name = EntityTagger.personName(text);
            if (questionTerms.containsAll(termsOf(name))) {
                return true;
            }
            if (namedInQuestion.isEmpty() || !name.contains(" ")) {
                return false;
            }
            String[] words = name.split(" ");
            int last = words.length - 1;
            while (last > 0 && FullNames.NAME_SUFFIX.matcher(words[last]).matches()) {
                last--;
            }
            // The question's own word, folded and stemmed as the name's is ("Erdogan" for "Erdoğan"); a required
            // term only, which a capitalised name is and "May" the month or "rose" the verb are not.
            return termsOf(words[last]).stream().anyMatch(namedInQuestion::contains);
        });
    }

    /** An entity's terms, analysed once per question. */
    private Set<String> termsOf(String entity) {
        return entityTerms.computeIfAbsent(entity,
                e -> ENTITY_TERMS.get(e, text -> Collections.unmodifiableSet(Terms.ofText(text))));
    }

    /** How near the entity is to the question's words: 1 beside them, 0 at {@link #FAR} characters or more. */
    double nearness(List<AnalysedSentence> window, Article article, Entity e) {
        return 1 - Math.min(distanceToQuestion(window, article, e), FAR) / (double) FAR;
    }

    /** Characters between the entity and the nearest question term in its sentence. */
    private int distanceToQuestion(List<AnalysedSentence> window, Article article, Entity e) {
        for (AnalysedSentence a : window) {
            if (entities(a, article).contains(e)) {
                return distanceToQuestion(a, e);
            }
        }
        return Integer.MAX_VALUE;
    }

    private int distanceToQuestion(AnalysedSentence a, Entity e) {
        int best = Integer.MAX_VALUE;
        for (NewsAnalyzer.Token t : a.tokens()) {
            if (questionTerms.contains(t.term()) && (t.end() <= e.start() || t.start() >= e.end())) {
                best = Math.min(best, t.end() <= e.start() ? e.start() - t.end() : t.start() - e.end());
            }
        }
        return best;
    }

    /**
     * Whether a figure is the kind of figure asked for. For "How many prisoners?", "two parties" is not an
     * answer: a spelled-out count must count them, and a sum of money, a share, a time ("2:06:12") or a score
     * ("4-0") counts nothing. For "How old?", only an age ({@link #isAge}); for "How much did it cost?", only a
     * sum of money, not "three insulin makers"; for "What percentage?", only a share, not "three rivals". "What
     * time …?" is answered by a time of day, not "Wednesday"; "When …?" by either; "In which month …?" by a month,
     * not by "midnight", "2022" or "Saturday"; "On which date …?" by a day, not "next month". "How long …?" is not
     * answered by the gap of "the first talks in three years".
     */
    private boolean counts(Entity e, AnalysedSentence a) {
        if (question.subtype() == Subtype.AGE && (e.kind() == Kind.NUMBER || e.kind() == Kind.DURATION)) {
            return isAge(e, a.sentence().text());
        }
        boolean clock = e.kind() == Kind.DATE && EntityTagger.isClockTime(e.text());
        if (question.subtype() == Subtype.TIME) {
            return clock;
        }
        if (clock) {
            return question.subtype() != Subtype.CALENDAR && question.subtype() != Subtype.DAY
                    && question.subtype() != Subtype.MONTH;
        }
        if (question.subtype() == Subtype.DAY && e.kind() == Kind.DATE) {
            return EntityTagger.namesDay(e.text());
        }
        if (question.subtype() == Subtype.MONTH && e.kind() == Kind.DATE) {
            return EntityTagger.namesMonth(e.text());
        }
        if (e.kind() == Kind.DURATION && question.type() == AnswerType.DURATION
                && SINCE_FIRST.matcher(a.sentence().text().substring(0, e.start())).find()) {
            // "the first direct talks in three years" says how long since, not how long the talks lasted.
            return false;
        }
        if (question.subtype() == Subtype.MONEY) {
            return e.kind() == Kind.NUMBER && isMoney(e, a.sentence().text());
        }
        if (question.subtype() == Subtype.SHARE) {
            return e.kind() == Kind.NUMBER && isShare(e, a.sentence().text());
        }
        if (question.subtype() == Subtype.TURNOUT) {
            return e.kind() == Kind.NUMBER && isTurnout(e, a.sentence().text());
        }
        String counted = question.quantityOf();
        if (counted == null || e.kind() != Kind.NUMBER) {
            return true;
        }
        if (Anchors.isFigure(e.text())) {
            // Other figures are data; only a spelled-out count ("the two sides") must name what it counts. A
            // measurement answers a question that counts units ("How many inches of snow fell?", in whatever unit
            // the story gives), and a range that counts what is asked ("10-15 people") is a count.
            if (EntityTagger.isMeasurement(e.text())) {
                return UNIT_TERMS.contains(counted);
            }
            if (EntityTagger.isTally(e.text())) {
                // A range names what it counts right after it; a score's sides are no count of what follows.
                return a.tokens().stream().filter(t -> t.start() >= e.end()).findFirst()
                        .filter(t -> t.term().equals(counted)
                                && a.sentence().text().substring(e.end(), t.start()).isBlank()).isPresent();
            }
            return !isMeasure(e, a.sentence().text());
        }
        for (NewsAnalyzer.Token t : a.tokens()) {
            boolean near = t.start() >= e.end() ? t.start() - e.end() <= COUNT_DISTANCE
                    : e.start() - t.end() <= COUNT_DISTANCE && t.end() <= e.start();
            if (near && (t.term().equals(counted) || Terms.relatedForm(t.term(), counted))) {
                return true;
            }
        }
        return false;
    }

    /**
     * For "How old is he?", only a number the sentence gives as an age: "Varadkar, 38, took office", "a 37-year-old",
     * "aged 37", "said Smith, 45." Any other number ("two ministers", "in 2024", "(37%)") says nothing of anyone's
     * age. An aside needs a comma or bracket on both sides (or the sentence's end), so that "in March, 37 people"
     * is no age.
     */
    private static boolean isAge(Entity e, String sentence) {
        if (e.text().toLowerCase(Locale.ROOT).endsWith("old")) {
            return true; // the tagger keeps "37-year-old" whole
        }
        if (!AGE_NUMBER.matcher(e.text()).matches()) {
            return false;
        }
        String before = sentence.substring(Math.max(0, e.start() - 12), e.start());
        String after = sentence.substring(e.end(), Math.min(sentence.length(), e.end() + 12));
        return AGE_AFTER.matcher(after).lookingAt() || AGE_BEFORE.matcher(before).find()
                || OPENS_ASIDE.matcher(before).find() && CLOSES_ASIDE.matcher(after).lookingAt();
    }

    /**
     * For "What was the turnout?", a figure next to a word that says how many voted, in its own clause; not a
     * winner's share "of the vote", nor "the runner-up took 40.4 per cent".
     */
    private static boolean isTurnout(Entity e, String sentence) {
        int to = Math.min(sentence.length(), e.end() + TURNOUT_DISTANCE);
        if (VOTE_SHARE.matcher(sentence).region(e.end(), to).useTransparentBounds(true).lookingAt()) {
            return false;
        }
        int from = Math.max(0, e.start() - TURNOUT_DISTANCE);
        Matcher end = CLAUSE_END.matcher(sentence).region(from, e.start());
        while (end.find()) {
            from = end.end();
        }
        end = CLAUSE_END.matcher(sentence).region(e.end(), to);
        if (end.find()) {
            to = end.start();
        }
        return votingWord(sentence, from, e.start()) || votingWord(sentence, e.end(), to);
    }

    /** A voting word between the offsets; whole words only ("broadcast" is no "cast", however the span is cut). */
    private static boolean votingWord(String sentence, int from, int to) {
        return TURNOUT_WORDS.matcher(sentence).region(from, to).useTransparentBounds(true).find();
    }

    /** "$35", "35 dollars", "£ 2 million": a sum of money, for "How much …?" and "At what price …?". */
    private static boolean isMoney(Entity e, String sentence) {
        return CURRENCY.matcher(e.text()).find() || MONEY_AFTER.matcher(sentence.substring(e.end())).lookingAt()
                || CURRENCY_BEFORE.matcher(sentence.substring(Math.max(0, e.start() - 2), e.start())).find();
    }

    /** "87%", "87 per cent": a share, for "What percentage …?". */
    private static boolean isShare(Entity e, String sentence) {
        return PERCENT.matcher(e.text()).find() || PERCENT_AFTER.matcher(sentence.substring(e.end())).lookingAt();
    }

    /**
     * A sum of money, a share, a figure with its unit ("86mph"), a score or one side of one: a figure that measures
     * something rather than counts it.
     */
    private static boolean isMeasure(Entity e, String sentence) {
        return isMoney(e, sentence) || isShare(e, sentence) || EntityTagger.isMeasurement(e.text())
                || EntityTagger.isTally(e.text())
                || SCORE_BEFORE.matcher(sentence.substring(Math.max(0, e.start() - 2), e.start())).find()
                || SCORE_AFTER.matcher(sentence.substring(e.end())).lookingAt();
    }

    private static boolean isAnyName(Entity e) {
        return e.kind() != Kind.DATE && e.kind() != Kind.NUMBER && e.kind() != Kind.DURATION
                && e.kind() != Kind.NATIONALITY;
    }

    private boolean fits(Entity e) {
        return switch (question.type()) {
            case PERSON -> e.kind() == Kind.PERSON || e.kind() == Kind.NAME && !EntityTagger.namesAThing(e.text());
            case PLACE -> e.kind() == Kind.PLACE && !isAnotherKindOfPlace(e);
            // "Which ministry does Umerov run?" is answered by "Defence Minister": any name can name it, but "CEO
            // Elon Musk" names no company.
            case ORGANIZATION -> isAnyName(e) && !(e.kind() == Kind.PERSON && EntityTagger.isTitledPerson(e.text()));
            case NAME -> isAnyName(e);
            case DATE -> e.kind() == Kind.DATE;
            case YEAR -> e.kind() == Kind.DATE && YEAR_NUMBER.matcher(e.text()).find();
            // "How many prisoners?" is not answered by "40 minutes"; "How many years?" is.
            case NUMBER -> e.kind() == Kind.NUMBER || e.kind() == Kind.DURATION
                    && (question.quantityOf() == null || TIME_UNITS.contains(question.quantityOf()));
            case DURATION -> e.kind() == Kind.DURATION;
            case DEFINITION -> false;
            // "What nationality …?" asks for one.
            case OTHER -> e.kind() == Kind.PERSON || e.kind() == Kind.NAME || e.kind() == Kind.TITLE
                    || e.kind() == Kind.PLACE || e.kind() == Kind.NATIONALITY;
        };
    }

    /**
     * A place known to be of another kind than the one asked for: no state or country answers "Which city …?"
     * ("Maryland" beside Baltimore's bridge), and no city "Which country …?" or "Which state …?". A country may
     * answer "Which Gulf state …?", and a state of the region list "Which country …?" (England, Scotland and Wales are
     * there); a place of unknown kind may answer any.
     */
    private boolean isAnotherKindOfPlace(Entity e) {
        Subtype asked = question.subtype();
        if (asked != Subtype.COUNTRY && asked != Subtype.REGION && asked != Subtype.SETTLEMENT) {
            // Most place questions name no kind: no list is looked up for them.
            return false;
        }
        boolean country = EntityTagger.isCountry(e.text());
        boolean region = EntityTagger.isRegion(e.text());
        boolean city = EntityTagger.isCity(e.text());
        return asked == Subtype.SETTLEMENT ? !city && (country || region) : city && !country && !region;
    }

    /**
     * How a sentence describes the subject of "Who is X?": an apposition ("Vladimir Medinsky, an adviser to
     * ..."), a role before the name ("presidential adviser Vladimir Medinski"), or "X is/was a ...". Compiled
     * once per question, not per window.
     */
    record Description(Pattern apposition, Pattern roleBefore, Pattern copula) {

        /** The patterns for {@code subject}, or null when there is none. */
        static Description of(String subject) {
            if (subject == null) {
                return null;
            }
            String[] names = subject.split("\\s+");
            String surname = names[names.length - 1].replaceAll("['’]s$", "");
            // Transliterated names vary at the end ("Medinsky", "Medinski"), so the last letters are left open.
            String approxSurname = surname.length() >= 6
                    ? Pattern.quote(surname.substring(0, surname.length() - 2)) + "\\p{L}*"
                    : Pattern.quote(surname);
            return new Description(
                    Pattern.compile("(?i)\\b" + approxSurname + "\\p{L}*,\\s+(?:a|an|the|who is|who was)\\s"),
                    Pattern.compile("\\b[a-z][\\p{L}-]*\\s+(?:\\p{Lu}\\p{L}+\\s+)?" + approxSurname),
                    Pattern.compile("(?i)\\b" + approxSurname + "\\p{L}*\\s+(?:is|was)\\s+(?:a|an|the)\\s"));
        }

        /** Whether {@code sentence} describes the subject. */
        boolean in(String sentence) {
            if (apposition.matcher(sentence).find() || copula.matcher(sentence).find()) {
                return true;
            }
            var m = roleBefore.matcher(sentence);
            while (m.find()) {
                if (EntityTagger.isTitle(m.group().split("\\s+")[0])) {
                    return true;
                }
            }
            return false;
        }
    }
}
