package dev.citeqa.answer.extractive;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.citeqa.analysis.EntityTagger;
import dev.citeqa.analysis.EntityTagger.Entity;
import dev.citeqa.analysis.EntityTagger.Kind;
import dev.citeqa.analysis.KnownPlaces;
import dev.citeqa.analysis.NewsAnalyzer;
import dev.citeqa.analysis.NewsPatterns;
import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.analysis.QuestionAnalysis.AnswerType;
import dev.citeqa.analysis.QuestionAnalysis.Subtype;
import dev.citeqa.analysis.Terms;
import dev.citeqa.collection.Article;
import dev.citeqa.collection.Sentence;
import dev.citeqa.search.PassageHit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The phrases of a question's answer kind in the retrieved sentences: which of a sentence's entities could answer
 * the question (a person for "Who", an age for "How old", a country for "Which country"), which of them a window
 * offers as its answer, and how near it sits to the question's words. {@link WindowFeatures} turns these into
 * features; the answer phrase of a response is the chosen window's. One instance per question, as the evidence
 * of the retrieved text (which words it capitalises inside sentences, which names it gives as places) is
 * worked out once. What a figure is in its sentence ({@link FigureKinds}), the question's verb
 * ({@link QuestionVerb}), the countries it names ({@link QuestionCountries}) and how a sentence describes the subject
 * of "Who is X?" ({@link Description}) are read by classes of their own.
 */
final class AnswerPhrases {

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
    /** A year as a figure: "2024", not "20245". */
    static final Pattern YEAR_NUMBER = Pattern.compile("\\b" + NewsPatterns.YEAR + "\\b");
    /** The units a duration counts, which "How many years …?" asks for. */
    private static final Set<String> TIME_UNITS =
            Terms.ofText("seconds minutes hours days weeks months years decades centuries");

    /** A word of the text before a name, where {@link #isGivenRole} looks for the noun asked. */
    private static final Pattern WORD = Pattern.compile(NewsPatterns.WORD);
    /** How far before a person's name, in characters, the noun the question asks by may stand. */
    private static final int ROLE_CONTEXT_CHARS = 60;

    /** How many words before a person's name, counting it and the capitalised words between, the noun may stand. */
    private static final int ROLE_WORDS = 4;

    /** Punctuation that ends the words before a name: "According to the senator, Joe Biden …" names no senator. */
    private static final Pattern BEFORE_BREAK = Pattern.compile("[,;:!?()\"“”—–]");

    /**
     * "Port Ellery's mayor, " right before a name: an owner (up to four capitalised words and a possessive) and up to
     * four lower-case words of an office, the first group, the last of them a title's (the second group). News gives
     * an office so as often as before the name ("Russia's foreign minister, Sergei Lavrov"). Not after a preposition:
     * "In Eastport's mayoral race, Tom Reyes won", "After Monday's talks, Sergei Lavrov …".
     */
    private static final Pattern OWNED_TITLE = Pattern.compile("(?<!\\b(?i:in|at|on|after|before|during|since|from"
            + "|for|of|to|with|by|under|over|about|into|despite)\\s)"
            + "((?:\\p{Lu}[\\p{L}.&-]*\\s+){0,3}\\p{Lu}[\\p{L}.&-]*(?:['’]s|s['’])\\s+"
            + "(?:\\p{Ll}[\\p{L}-]*\\s+){0,3}(\\p{Ll}[\\p{L}-]*)),\\s*$");

    /** How far before a name {@link #OWNED_TITLE} is looked for. */
    private static final int OWNED_TITLE_CHARS = 100;

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
    private static final Pattern DEFINITE = Pattern.compile("^\\W*The((?:\\s+" + NewsPatterns.WORD + "){1,3})");

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
    /** Figures of a kind no other figure passes for: a sum of money, a share, a change, a turnout, an age, a length. */
    private static final Set<Subtype> TYPED_FIGURES = Set.of(Subtype.MONEY, Subtype.SHARE, Subtype.CHANGE,
            Subtype.TURNOUT, Subtype.AGE, Subtype.LENGTH);
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
    /** The countries the question names. */
    private final QuestionCountries countries;

    private record ArticleSentence(String articleId, Sentence sentence) {}

    /**
     * Each sentence's best phrase, worked out once per question: a sentence is in up to three windows (alone, and
     * the first or second of a pair), and a window's phrase is the best of its sentences'.
     */
    private final Map<ArticleSentence, Scored> bestInSentence = new HashMap<>();
    /**
     * How far each sentence's best phrase is from the question's words ({@link #distanceToQuestion}), found while
     * choosing it, for {@link #nearness}. By identity: that phrase is the one a window is given.
     */
    private final Map<Entity, Integer> bestDistance = new IdentityHashMap<>();

    /** A phrase and how well it answers; {@link #NONE} for a sentence with none. */
    private record Scored(Entity entity, double score) {}

    private static final Scored NONE = new Scored(null, Double.NEGATIVE_INFINITY);

    /** The word a name of the organisation asked for carries ({@link QuestionAnalysis#askedNameHead}), or null. */
    private final String nameHead;

    /** Whether the question asks who holds a title, and who does ({@link TitleQuestion}). */
    private final TitleQuestion title;

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
        this.subjectVerb = QuestionVerb.of(question);
        this.asksWinner = ASKS_WINNER.matcher(question.text()).find();
        this.nameHead = question.askedNameHead();
        String role = question.askedRole();
        this.roleTerm = role == null ? null : Terms.ofText(role).stream().findFirst().orElse(null);
        this.countries = new QuestionCountries(question.text(), questionTerms);
        this.title = new TitleQuestion(question, questionTerms, countries, this::termsOf);
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
     * more of it the better; for "Who beat …?", the subject of "beat" ({@link QuestionVerb}) is preferred.
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
        int distanceOfBest = Integer.MAX_VALUE;
        for (Entity e : entities(a, article)) {
            if (!isCandidate(e, a) || isQuestionsOwnPerson(e) || isCapitalisedOnlyAsOpener(e, a) || isBeaten(e, a)) {
                continue;
            }
            Set<String> terms = termsOf(e.text());
            long shared = terms.stream().filter(questionTerms::contains).count()
                    + countries.sharedInOtherForm(terms, e.text());
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
            int distance = distanceToQuestion(a, e);
            double score = shared + (isSubtypeAskedFor(e) ? 1 : 0) + askedNounBonus(e, a)
                    + (isIntroducedAsName(e, a) ? 1 : 0)
                    + (question.type() == AnswerType.PERSON && e.kind() == Kind.PERSON ? 1 : 0) + said
                    + (subjectVerb != null && subjectVerb.hasSubject(a, e) ? SUBJECT_BONUS : 0)
                    - (countries.restatedForAnother(e, shared) ? ANOTHER_COUNTRY_COST : 0)
                    - Math.min(distance, FAR) / (double) FAR;
            if (score > best.score()) {
                best = new Scored(e, score);
                distanceOfBest = distance;
            }
        }
        if (best != NONE) {
            bestDistance.put(best.entity(), distanceOfBest);
        }
        return best;
    }

    /** Whether the sentence has any word of the question. */
    private boolean saysAnyOfQuestion(AnalysedSentence a) {
        return a.saysAnyOf(questionTerms);
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

    /**
     * The question's words among the titles the article gives the person elsewhere ("Former President Barack
     * Obama").
     */
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
        return anyPhrase(w, this::isCandidate);
    }

    /**
     * Whether a sentence of the window names anyone or anything that may answer "Who …?": a person, an organisation
     * or another name ("the Kansas City Chiefs"), but for a place and the question's own names. "Dover: A man was
     * arrested Monday …" names no one, and cannot tell who was.
     */
    boolean namesAnyone(Window w) {
        return anyPhrase(w, (e, a) -> {
            // A lone capitalised word opening the sentence is capitalised for that ("Depending on …", "Tax …").
            boolean opener = e.kind() == Kind.NAME && e.start() == 0 && !e.text().contains(" ");
            return e.kind() != Kind.PLACE && isAnyName(e) && !opener && !questionTerms.containsAll(termsOf(e.text()))
                    && !isDateline(e, a);
        });
    }

    /** Whether a sentence of the window has a phrase that passes {@code test}. */
    private boolean anyPhrase(Window w, BiPredicate<Entity, AnalysedSentence> test) {
        for (Sentence s : w.sentences()) {
            AnalysedSentence a = analyse.apply(s);
            for (Entity e : entities(a, w.hit().stored().article())) {
                if (test.test(e, a)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A phrase of the asked kind, and not made of the question's own words alone. */
    private boolean isCandidate(Entity e, AnalysedSentence a) {
        return fits(e) && FigureKinds.counts(question, e, a) && !isThingAskedAsPerson(e, a)
                && !questionTerms.containsAll(termsOf(e.text())) && !countries.isQuestionsCountry(e, this::termsOf)
                && !isDateline(e, a);
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
                || KnownPlaces.isCountry(e.text()) || KnownPlaces.isRegion(e.text())
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

    /** Whether the question asks who holds a title ({@link TitleQuestion#asked}). */
    boolean asksTitleHolder() {
        return title.asked();
    }

    /** Whether the window's answer phrase is the title's holder ({@link TitleQuestion#restatedBy}). */
    boolean restatesTitle(Window w) {
        Entity e = w.answerEntity();
        return e != null && title.restatedBy(e, titleBefore(e, w.answerSentence()),
                w.get(Feature.MISSING_REQUIRED) == 0);
    }

    /** Whether a sentence's terms name the office the question asks about ({@link TitleQuestion#officeNamedIn}). */
    boolean officeNamedIn(Set<String> terms) {
        return title.officeNamedIn(terms);
    }

    /** Whether the window's answer phrase holds another office ({@link TitleQuestion#anotherHeldBy}). */
    boolean holdsAnotherTitle(Window w) {
        Entity e = w.answerEntity();
        Sentence sentence = w.answerSentence();
        if (e == null || sentence == null) {
            return false;
        }
        String before = titleBefore(e, sentence);
        // After a name that is itself set off by commas ("Eastport's mayor, Tom Reyes, welcomed him"), what follows
        // the second comma says what the person did: no apposition.
        boolean owned = !before.isEmpty() && EntityTagger.titleOf(e.text()).isEmpty();
        return title.anotherHeldBy(e, before, owned ? null : apposition(e, sentence.text()));
    }

    /**
     * The title a person's phrase is given before the name: the words of the phrase before it ("Foreign Minister
     * Hakan Fidan"), or else an owner's office set off by a comma right before it ("Port Ellery's mayor, Diane
     * Okafor", {@link #OWNED_TITLE}); empty for neither.
     *
     * @param sentence the phrase's sentence, or null when not known
     */
    static String titleBefore(Entity e, Sentence sentence) {
        String title = EntityTagger.titleOf(e.text());
        if (!title.isEmpty() || sentence == null || e.start() <= 0 || e.start() > sentence.text().length()) {
            return title;
        }
        Matcher owned = OWNED_TITLE.matcher(sentence.text().substring(Math.max(0, e.start() - OWNED_TITLE_CHARS),
                e.start()));
        return owned.find() && EntityTagger.isTitle(owned.group(2)) ? owned.group(1) + " " : "";
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
     * The sum, share, turnout or age a sentence of the window gives after a sentence that says something of the
     * question, when no sentence that does gives one: "The doors of Hollis Point's new library opened on Wednesday. It was built
     * at a cost of $16.7 million." for "What was the price tag of the library Hollis Point unveiled?". News copy
     * names the thing first and gives its figure after, in a sentence that points back to it ("It", "The company");
     * a turnout says what it is ("of registered voters cast a ballot"), and is no vote share; an obituary gives the
     * age after the death ("… died on Sunday at his home in Tromsø. He was 87."). Only one such figure
     * in that sentence, else null: "Tickets to the gala sold for $50" gives no price of the library.
     */
    private Entity figureReferredBack(Window w) {
        Article article = w.hit().stored().article();
        boolean saidBefore = false;
        for (Sentence s : w.sentences()) {
            AnalysedSentence a = analyse.apply(s);
            if (saidBefore && (question.subtype() == Subtype.TURNOUT || REFERS_BACK.matcher(s.text()).lookingAt())) {
                List<Entity> figures = entities(a, article).stream().filter(e -> isCandidate(e, a)
                        && !(question.subtype() == Subtype.SHARE && FigureKinds.isTurnout(e, s.text()))).toList();
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
        Matcher words = WORD.matcher(before.substring(from));
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
        String apposition = apposition(e, text);
        return apposition != null && Terms.ofText(apposition).contains(roleTerm);
    }

    /** The words of an {@link #APPOSITION} right after the entity in its sentence's text, or null when none follows. */
    private static String apposition(Entity e, String text) {
        Matcher m = APPOSITION.matcher(text.substring(Math.min(e.end(), text.length())));
        return m.lookingAt() ? m.group(1) : null;
    }

    private boolean isSubtypeAskedFor(Entity e) {
        return switch (question.subtype()) {
            case COUNTRY -> e.kind() == Kind.PLACE && KnownPlaces.isCountry(e.text());
            case REGION -> e.kind() == Kind.PLACE && KnownPlaces.isRegion(e.text());
            case SETTLEMENT -> e.kind() == Kind.PLACE && (KnownPlaces.isCity(e.text())
                    || !KnownPlaces.isCountry(e.text()) && !KnownPlaces.isRegion(e.text()) && !isFeature(e));
            // Ages, sums of money, shares, times of day and calendar dates are checked where a figure counts
            // (FigureKinds.counts); for money and shares no other figure is a candidate, so a bonus would tell none
            // apart.
            case AGE, MONEY, SHARE, CHANGE, TURNOUT, LENGTH, TIME, MONTH, CALENDAR, DAY, ANY -> false;
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

    /**
     * How near a phrase {@link #answerEntity} chose is to the question's words in its sentence: 1 beside them, 0 at
     * {@link #FAR} characters or more.
     */
    double nearness(Entity chosen) {
        Integer distance = bestDistance.get(chosen);
        if (distance == null) {
            throw new IllegalArgumentException("not a phrase this question's answerEntity chose: " + chosen);
        }
        return 1 - Math.min(distance, FAR) / (double) FAR;
    }

    /**
     * Characters between the entity and the nearest question term in its sentence; 0 for the holder of the title a
     * question asks about, named after it ({@link TitleQuestion#restatedBy}).
     */
    private int distanceToQuestion(AnalysedSentence a, Entity e) {
        int best = Integer.MAX_VALUE;
        boolean saysOne = false;
        for (NewsAnalyzer.Token t : a.tokens()) {
            if (!questionTerms.contains(t.term())) {
                continue;
            }
            if (t.end() <= e.start() || t.start() >= e.end()) {
                best = Math.min(best, t.end() <= e.start() ? e.start() - t.end() : t.start() - e.end());
            } else {
                saysOne = true;
            }
        }
        // Asked who holds a title, the phrase that gives it is at the question's words: "Turkish President Tayyip
        // Erdogan", not the "Erdogan" further on, whom the article gives the same title.
        // Whether the story names the question's other names is the window's to say; here the title is the point.
        return saysOne && title.restatedBy(e, EntityTagger.titleOf(e.text()), true) ? 0 : best;
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
     * A building, a street or a natural feature ("the Central Coast", "the Orvan River"), which no list names as a
     * country, a state or a town: it answers "Where …?", never "Which state …?" nor "Which city …?".
     */
    private static boolean isFeature(Entity e) {
        return EntityTagger.namesFacility(e.text()) && !KnownPlaces.isCity(e.text())
                && !KnownPlaces.isCountry(e.text()) && !KnownPlaces.isRegion(e.text());
    }

    /**
     * A place known to be of another kind than the one asked for: no state or country answers "Which city …?"
     * ("Maryland" beside Baltimore's bridge), and no city "Which country …?" or "Which state …?". A country may
     * answer "Which Gulf state …?", and a state of the region list "Which country …?" (England, Scotland and Wales are
     * there); a place of unknown kind may answer any, unless it is a {@link #isFeature feature}. For a city, that is a
     * place {@link #isSubtypeAskedFor} refuses.
     */
    private boolean isAnotherKindOfPlace(Entity e) {
        return switch (question.subtype()) {
            case SETTLEMENT -> !isSubtypeAskedFor(e);
            case COUNTRY, REGION -> KnownPlaces.isCity(e.text()) && !KnownPlaces.isCountry(e.text())
                    && !KnownPlaces.isRegion(e.text()) || isFeature(e);
            // Most place questions name no kind: no list is looked up for them.
            default -> false;
        };
    }
}
