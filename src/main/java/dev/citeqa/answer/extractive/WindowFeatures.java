package dev.citeqa.answer.extractive;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.citeqa.analysis.Acronyms;
import dev.citeqa.analysis.Anchors;
import dev.citeqa.analysis.CountryNames;
import dev.citeqa.analysis.EntityTagger;
import dev.citeqa.analysis.EntityTagger.Entity;
import dev.citeqa.analysis.KnownPlaces;
import dev.citeqa.analysis.NewsAnalyzer;
import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.analysis.QuestionAnalysis.AnswerType;
import dev.citeqa.analysis.QuestionAnalysis.QuestionTerm;
import dev.citeqa.analysis.Words;
import dev.citeqa.analysis.TermStats;
import dev.citeqa.analysis.Terms;
import dev.citeqa.collection.Article;
import dev.citeqa.collection.Paragraph;
import dev.citeqa.collection.Sentence;
import dev.citeqa.index.IndexGenerator;
import dev.citeqa.search.PassageHit;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.lucene.util.VectorUtil;

/**
 * The first stage of the extractive answerer: the evidence a window of one to three sentences gives for a
 * question, as {@link Feature} values. Lexical coverage of the question's words (names and figures may sit
 * in the passage or the article's lead; the other words must be in the window), meaning (embedding
 * similarity), whether the window holds a phrase of the kind asked for ({@link AnswerPhrases}), and where the
 * window sits. One instance per question: it keeps what it works out about each sentence and term for the other
 * windows.
 */
final class WindowFeatures {

    /** Paragraphs of prose that make up an article's lead ({@link #leadText}). */
    static final int LEAD_PARAGRAPHS = 2;

    /**
     * The most paragraphs a lead may take to reach {@link #LEAD_PARAGRAPHS} of prose, so that a file of short lines has
     * no lead of all of them: 3,109 of the 3,115 real-news articles reach two within six (2,401 at once).
     */
    static final int LEAD_MAX_PARAGRAPHS = 6;

    /** The longest answer, in sentences, a continuation included. */
    static final int MAX_SENTENCES = 3;

    /** Words that open a sentence by pointing back to what came before ("He said …", "Its plan …"). */
    static final String POINTING_WORDS = "He|She|They|It|This|These|Those|His|Her|Their|Its";
    /**
     * What the answerer derives from a sentence or an article's lead depends on the text alone, so it is kept
     * across questions: the passages that answer one question are often read again for the next. Sentences
     * are keyed by value; articles by identity, which the index's cache of recently read articles keeps.
     */
    private static final Cache<Sentence, AnalysedSentence> SENTENCES =
            Caffeine.newBuilder().maximumSize(10_000).build();
    private static final Cache<Article, ArticleWords> LEADS = Caffeine.newBuilder().weakKeys().maximumSize(2_000).build();
    private static final Cache<Article, Set<String>> TITLES = Caffeine.newBuilder().weakKeys().maximumSize(2_000).build();
    /** A whole number below 100, which a long story has by chance. */
    private static final Pattern SMALL_NUMBER = Pattern.compile("\\d{1,2}");
    /** A currency before a figure, or a share or a scale after it, makes it an amount ("$95 billion", "48%"). */
    private static final String CURRENCY = "[$€£¥]";
    private static final String SCALE = "%|percent|per cent|million|billion|trillion";
    /**
     * A fact box's line, a label and its figure: "Trees reported down: 320", "Peak gust: 141 km/h at Skerry Point". It
     * states a fact as a sentence does, without its verb or full stop. Not a page's furniture ("Updated: 10:24",
     * "Contact: +47 …", "Photo: …"), whose labels name no fact of the story.
     */
    private static final Pattern FACT_LINE = Pattern.compile("(?!(?i:(?:last )?updated|published|posted|contact|phone"
            + "|tel|fax|e-?mail|photo|credit|source|image|video|read more|related|tags?|filed|by|byline|follow us|share"
            + "(?: this)?|copyright|words|comments?)\\s*:)\\p{Lu}[^:\\n]{1,60}:\\s++(?=[^\\n]*\\d)[^\\n]{1,120}");

    /**
     * A row of a plain-text table, its label and two figures or more: "Labour 5 -2 10,887 17.2%", "Green 3 +1 5,310
     * 8.4%" (an election's seats, change, votes and share). It states its figures of its label as a fact line does.
     */
    private static final Pattern TABLE_ROW = Pattern.compile("\\p{Lu}[\\p{L}'’.&-]*(?: [\\p{L}'’.&-]+){0,4}"
            + "(?: [-+−]?[$€£¥]?\\d[\\d.,:]*(?:%|m|bn|p)?\\*?){2,8}");

    /**
     * A correction's account of what a story got wrong: "An earlier version of this story said the mine would employ
     * 960 people." Its figures and names are the wrong ones; the sentence after it gives the right ones.
     */
    private static final Pattern RETRACTED = Pattern.compile("(?i)\\b(?:earlier|previous|original|prior) version"
            + " of this (?:article|story|report|piece|post)\\b");

    private static final Pattern SENTENCE_END = Pattern.compile("[.!?\"”’»)。！？」』]$");

    private final QuestionAnalysis question;
    private final TermStats stats;
    private final AnswererModel.Evidence constants;
    private final Map<String, Double> idf = new HashMap<>();
    private final SpellingVariants spellings = new SpellingVariants();
    private final Map<Sentence, AnalysedSentence> analysed = new HashMap<>();
    private final Map<String, Set<String>> titleTerms = new HashMap<>();
    /** {@link Feature#TITLE_COVERAGE} of each article, which all its windows share. */
    private final Map<String, Double> titleShare = new HashMap<>();
    /** The question's embedding, or null when meanings are not compared (BM25 mode). */
    private final float[] questionVector;
    /** A sentence's or passage's embedding, or null when meanings are not compared. */
    private final Function<String, float[]> sentenceVectors;
    /** {@link #semantic(PassageHit)} of each hit, worked out once. */
    private final Map<PassageHit, Double> passageMeaning = new IdentityHashMap<>();
    private final List<PassageHit> hits;
    /** By identity: a hit's own hash would hash its whole article. */
    private final Map<PassageHit, Integer> passageRank = new IdentityHashMap<>();
    private final Map<String, Integer> articleRank = new HashMap<>();
    /** {@link Feature#AGE} of each retrieved article. */
    private final Map<String, Double> age;
    private final Set<String> questionTerms = new HashSet<>();
    /** Required names and figures that no article spells in any form. */
    final Set<String> unknownTerms = new HashSet<>();
    private final Map<String, ArticleWords> articleWords = new HashMap<>();
    // What windows of one question share, worked out once: which of the question's terms a passage's context has, each
    // term's credit in a sentence, whether an article's lead names a term. Arrays by the term's place in
    // QuestionAnalysis#terms: every window asks them for every term, and a set's hash look-ups cost more.
    private final Map<PassageHit, boolean[]> contexts = new IdentityHashMap<>();
    private final Map<Sentence, SentenceCredits> sentenceCredits = new HashMap<>();
    /** The places in QuestionAnalysis#terms of the question's distinct terms, each term's first. */
    private final int[] distinctTerms;
    /** Whether each term is a figure, and whether a required one is an acronym: asked of every sentence that lacks it. */
    private final boolean[] figureTerms;
    private final boolean[] acronymTerms;
    /** Whether each term is the word that names the quarter the question asks about ("fourth" of "fourth-quarter"). */
    private final boolean[] quarterTerms;
    /** Each term's weight in coverage, its IDF times its own weight: NaN until first asked, by every window. */
    private final double[] termWeights;
    private final Map<String, Boolean> inLead = new HashMap<>();
    /** By an acronym a sentence has, the question's terms of the name it stands for ("WWE": "world", "wrestl" …). */
    private final Map<String, Set<String>> namedByAcronym = new HashMap<>();
    private final Map<String, Boolean> inStory = new HashMap<>();
    /** The quarter of the year the question asks about (1 to 4), 0 when it names none or several. */
    private final int askedQuarter;
    private final Map<String, Set<Integer>> quartersOfLead = new HashMap<>();
    /**
     * The quarters each sentence names: a window's are asked for twice, whether it names the asked quarter (coverage)
     * and whether it names another ({@link #aboutAnotherQuarter}), and sentences recur in overlapping windows.
     */
    private final Map<Sentence, Set<Integer>> quartersOf = new HashMap<>();
    /** The words of whole stories, for the few questions that point a story out by name ({@link #inText}). */
    private final Map<String, ArticleWords> storyWords = new HashMap<>();
    /** How the story must write each figure of the question ({@link #figureInStory}); empty when it need not. */
    private final Map<String, Optional<Pattern>> figures = new HashMap<>();
    /** The phrases of the kind the question asks for. */
    private final AnswerPhrases phrases;
    /**
     * For each given name (or suffix) of a person the question names in full, that name: "kenni" and "jr" of "Kenny
     * DeLand Jr." ({@link #givenNameOf}).
     */
    private final Map<String, FullNames.Asked> fullNames;
    private final Map<String, Boolean> fullNameInStory = new HashMap<>();

    /**
     * @param hits the passages read, best first
     * @param questionVector the question's embedding, or null
     * @param sentenceVectors embeds a sentence, or a passage the index holds no vector for yet (the model,
     *     through a cache)
     */
    WindowFeatures(QuestionAnalysis question, List<PassageHit> hits, TermStats stats, float[] questionVector,
            Function<String, float[]> sentenceVectors, AnswererModel.Evidence constants) {
        this.question = question;
        this.stats = stats;
        this.constants = constants;
        this.hits = hits;
        this.questionVector = questionVector;
        this.sentenceVectors = questionVector == null ? null : sentenceVectors;
        question.terms().forEach(t -> questionTerms.add(t.term()));
        Set<String> seen = new HashSet<>();
        this.distinctTerms = IntStream.range(0, question.terms().size())
                .filter(k -> seen.add(question.terms().get(k).term())).toArray();
        Set<Integer> quarters = Quarters.named(question.text());
        this.askedQuarter = quarters.size() == 1 ? quarters.iterator().next() : 0;
        int n = question.terms().size();
        this.figureTerms = new boolean[n];
        this.acronymTerms = new boolean[n];
        this.quarterTerms = new boolean[n];
        this.termWeights = new double[n];
        Arrays.fill(termWeights, Double.NaN);
        for (int k = 0; k < n; k++) {
            QuestionTerm t = question.terms().get(k);
            figureTerms[k] = Anchors.isFigure(t.surface());
            acronymTerms[k] = t.required() && Acronyms.isOne(t.surface());
            quarterTerms[k] = askedQuarter != 0 && Quarters.isQuarterWord(t.surface());
        }
        this.phrases = new AnswerPhrases(question, questionTerms, hits, this::analyse, constants);
        this.fullNames = FullNames.inQuestion(question);
        for (PassageHit hit : hits) {
            passageRank.putIfAbsent(hit, passageRank.size());
            articleRank.putIfAbsent(hit.stored().article().id(), articleRank.size());
        }
        this.age = ArticleAges.of(hits, question.years(), constants.ageHalfLifeDays(), LocalDate.now(ZoneOffset.UTC));
    }

    /** A required name or number that neither the index nor any retrieved passage spells in any form. */
    boolean unknown(QuestionTerm term) {
        if (stats.known(term.term())) {
            return false;
        }
        List<CountryNames.Form> countryForms = CountryNames.formsWithAdjectives(term.term());
        for (PassageHit hit : hits) {
            for (Sentence s : hit.stored().passage().sentences()) {
                AnalysedSentence sentence = analyse(s);
                if (spellings.in(term, sentence.terms(), sentence.words())
                        || countryForms.stream().anyMatch(form -> form.in(sentence.terms(), sentence.words()))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Headings and fragments ("Mark Rutte", "Russia Must Make the Next Move") state nothing an answer
     * could quote: a sentence ends with punctuation, or is at least long enough to be one. Nor does a correction's
     * account of what an earlier version said ({@link #RETRACTED}). Asked of every sentence
     * of every passage read, so kept with the sentence's analysis ({@link AnalysedSentence#answerable}).
     */
    boolean answerable(Sentence s) {
        return analyse(s).answerable();
    }

    /** {@link #answerable(Sentence)} of a sentence's text, worked out once per sentence. */
    static boolean answerable(String text) {
        int words = Words.count(text);
        return !RETRACTED.matcher(text).find() && (words >= 12 || (words >= 4 && SENTENCE_END.matcher(text).find())
                || FACT_LINE.matcher(text).matches() || TABLE_ROW.matcher(text).matches());
    }

    /**
     * Whether a sentence may close a window that an answerable one opens: that, or a short one that ends as a
     * sentence does ("He was 87.", an obituary's age after the line that names the death), which says too little to
     * be quoted alone.
     */
    boolean closesWindow(Sentence s) {
        return answerable(s) || Words.count(s.text()) >= 2 && SENTENCE_END.matcher(s.text()).find()
                && !RETRACTED.matcher(s.text()).find();
    }

    /** The evidence of sentences {@code from} (inclusive) to {@code to} (exclusive) of a passage. */
    Window window(PassageHit hit, int from, int to) {
        List<Sentence> sentences = hit.stored().passage().sentences();
        List<AnalysedSentence> window = new ArrayList<>();
        for (int i = from; i < to; i++) {
            window.add(analyse(sentences.get(i)));
        }
        Article article = hit.stored().article();
        // Only the question's terms are looked up in a passage's context, so it holds those alone: a set of every
        // term of the passage cost 3 % of a request's CPU to build.
        boolean[] context = contexts.computeIfAbsent(hit, h -> {
            List<Set<String>> texts = new ArrayList<>();
            texts.add(titleTerms(article));
            sentences.forEach(s -> texts.add(analyse(s).terms()));
            boolean[] has = new boolean[question.terms().size()];
            for (int k = 0; k < has.length; k++) {
                String term = question.terms().get(k).term();
                for (Set<String> text : texts) {
                    if (text.contains(term)) {
                        has[k] = true;
                        break;
                    }
                }
            }
            return has;
        });
        SentenceCredits[] own = new SentenceCredits[window.size()];
        for (int i = 0; i < own.length; i++) {
            own[i] = credits(window.get(i));
        }

        Coverage c = coverage(window, own, context, article);
        double semantic = semantic(hit);
        Entity entity = phrases.answerEntity(window, article);
        boolean typed = question.type() != AnswerType.OTHER;
        boolean typeMatch = phrases.typeMatch(window, entity);
        double[] f = new double[Feature.values().length];
        f[Feature.COVERAGE.ordinal()] = c.value();
        f[Feature.ANCHOR_COVERAGE.ordinal()] = c.anchors();
        f[Feature.FOCUS_COVERAGE.ordinal()] = c.focus();
        f[Feature.MEANING.ordinal()] = Double.isNaN(semantic) ? 0 : constants.similarity(semantic);
        f[Feature.TYPE_SCORE.ordinal()] = typed ? (typeMatch ? 1 : 0) : 0.5;
        f[Feature.TYPE_MISSING.ordinal()] = typed && !typeMatch ? 1 : 0;
        f[Feature.MISSING_REQUIRED.ordinal()] = c.missingRequired() + (aboutAnotherQuarter(window, article) ? 1 : 0);
        f[Feature.EXTRA_SENTENCES.ordinal()] = to - from - 1;
        f[Feature.PASSAGE_RANK.ordinal()] = 1.0 / (1 + passageRank.getOrDefault(hit, hits.size()));
        f[Feature.ARTICLE_RANK.ordinal()] = 1.0 / (1 + articleRank.getOrDefault(article.id(), hits.size()));
        f[Feature.ENTITY_NEAR.ordinal()] = entity == null ? 0 : phrases.nearness(entity);
        f[Feature.LEAD.ordinal()] = hit.stored().passage().ordinal() == 0 && from == 0 ? 1 : 0;
        f[Feature.ANAPHOR.ordinal()] = window.getFirst().pointsBack() ? 1 : 0;
        f[Feature.TITLE_COVERAGE.ordinal()] = titleShare.computeIfAbsent(article.id(), id -> share(titleTerms(article)));
        f[Feature.AGE.ordinal()] = age.getOrDefault(article.id(), 0.0);
        f[Feature.WINDOW_TERMS.ordinal()] = saidShare(own);
        int words = 0;
        for (AnalysedSentence a : window) {
            words += a.words().size();
        }
        f[Feature.LENGTH.ordinal()] = Math.min(words, 100) / 50.0;
        return new Window(hit, from, to, f, entity, semantic, 0);
    }

    /**
     * Whether the question asks for a country, a state, an organisation whose names carry the noun asked, or a person
     * by a noun the text gives them ({@link AnswerPhrases#asksKnownKind}).
     */
    boolean asksKnownKind() {
        return phrases.asksKnownKind();
    }

    /** Whether the window gives that kind ({@link AnswerPhrases#givesKnownKind}). */
    boolean givesKnownKind(Window w) {
        return phrases.givesKnownKind(w);
    }

    /** Whether the question asks who holds a title ({@link AnswerPhrases#asksTitleHolder}). */
    boolean asksTitleHolder() {
        return phrases.asksTitleHolder();
    }

    /** Whether the window's phrase is the title's holder ({@link AnswerPhrases#restatesTitle}). */
    boolean restatesTitle(Window w) {
        return phrases.restatesTitle(w);
    }

    /** Whether a sentence of the window names the office asked about ({@link AnswerPhrases#officeNamedIn}). */
    boolean namesOffice(Window w) {
        return w.sentences().stream().anyMatch(s -> phrases.officeNamedIn(analyse(s).terms()));
    }

    /** Whether the window's phrase holds another office ({@link AnswerPhrases#holdsAnotherTitle}). */
    boolean holdsAnotherTitle(Window w) {
        return phrases.holdsAnotherTitle(w);
    }

    /** The window with the person it refers back to by the asked noun as its phrase ({@link AnswerPhrases#referent}). */
    Window withReferent(Window w) {
        Entity referent = phrases.referent(w);
        return referent == null ? w : w.withAnswerEntity(referent);
    }

    /** Whether a sentence of the window gives a phrase of the kind asked for ({@link AnswerPhrases#givesAskedKind}). */
    boolean givesAskedKind(Window w) {
        return phrases.givesAskedKind(w);
    }

    /** Whether the window names anyone who may answer "Who …?" ({@link AnswerPhrases#namesAnyone}). */
    boolean namesAnyone(Window w) {
        return phrases.namesAnyone(w);
    }

    /** The share of the question's distinct terms that {@code terms} has. */
    private double share(Set<String> terms) {
        if (questionTerms.isEmpty()) {
            return 0;
        }
        int count = 0;
        for (String term : questionTerms) {
            if (terms.contains(term)) {
                count++;
            }
        }
        return count / (double) questionTerms.size();
    }

    /** The share of the question's distinct terms that a sentence of the window says as they are. */
    private double saidShare(SentenceCredits[] window) {
        if (distinctTerms.length == 0) {
            return 0;
        }
        int count = 0;
        for (int k : distinctTerms) {
            for (SentenceCredits sentence : window) {
                if (sentence.says()[k]) {
                    count++;
                    break;
                }
            }
        }
        return count / (double) distinctTerms.length;
    }

    /** Whether windows are weighed by their meanings too: the question has a vector. */
    boolean comparesMeanings() {
        return sentenceVectors != null;
    }

    /**
     * The window with {@link Feature#SENTENCE_MEANING} worked out: the closest of its sentences' meanings to the
     * question's. Unchanged when meanings are not compared.
     */
    Window withSentenceMeaning(Window w) {
        if (sentenceVectors == null) {
            return w;
        }
        double best = -1;
        for (Sentence s : w.sentences()) {
            float[] v = sentenceVectors.apply(s.text());
            if (v != null) {
                best = Math.max(best, VectorUtil.dotProduct(questionVector, v));
            }
        }
        double[] f = w.features().clone();
        f[Feature.SENTENCE_MEANING.ordinal()] = constants.similarity(best);
        return new Window(w.hit(), w.from(), w.to(), f, w.answerEntity(), w.semantic(), w.score());
    }

    /** The text a passage without a vector is embedded from: the one the index embeds (or would). */
    static String embeddingText(PassageHit hit) {
        return IndexGenerator.embeddingText(hit.stored().article().title(), hit.stored().passage());
    }

    /**
     * The passage's closest meaning to the question: the cosine similarity of their embeddings, shared by
     * the passage's windows. NaN when meanings are not compared. A passage without a vector (its article's are
     * still being built, or the index embeds nothing) is embedded from the text the index would embed, mostly ahead
     * ({@link ExtractiveAnswerer#candidates}).
     */
    private double semantic(PassageHit hit) {
        if (questionVector == null) {
            return Double.NaN;
        }
        return passageMeaning.computeIfAbsent(hit, h -> {
            float[] vector = h.stored().vector() != null ? h.stored().vector()
                    : sentenceVectors.apply(embeddingText(h));
            return vector == null ? Double.NaN : VectorUtil.dotProduct(questionVector, vector);
        });
    }

    /**
     * @param value the combined coverage
     * @param anchors the share of the names and figures found (1 when the question has none)
     * @param focus the share of the other words one sentence of the window has (1 when there are none)
     */
    private record Coverage(double value, double anchors, double focus, int missingRequired) {}

    /**
     * How much of the question a window covers. Two kinds of question term: anchors (names, figures) pick
     * the story and may sit anywhere in the window, its passage or the article's lead; focus terms
     * ("turnout", "net profit") say what is asked about the story, and one sentence must carry them.
     */
    private Coverage coverage(List<AnalysedSentence> window, SentenceCredits[] own, boolean[] context,
            Article article) {
        double anchorsFound = 0;
        double anchorsTotal = 0;
        int missingRequired = 0;
        double focusTotal = 0;
        double[] focusFound = new double[window.size()];
        List<QuestionTerm> terms = question.terms();
        for (int k = 0; k < terms.size(); k++) {
            QuestionTerm t = terms.get(k);
            if (Double.isNaN(termWeights[k])) {
                termWeights[k] = t.weight() * idf(t.term());
            }
            double weight = termWeights[k];
            if (t.required()) {
                boolean statedOnly = aboutAnotherYear(t, article);
                double credit = 0;
                for (int i = 0; i < window.size(); i++) {
                    credit = Math.max(credit, statedOnly ? (own[i].says()[k] ? 1 : 0)
                            : credit(own[i].credits()[k], context[k]));
                }
                if (credit < 1 && !unknownTerms.contains(t.term())) {
                    if (!statedOnly && (credit > 0 || inLead(t, article) || figureInStory(t, article)
                            || t.storyTopic() && inText(t, article)
                            || givenNameOf(t, k, window, own, context, article)
                            || quarterTerms[k] && namesAskedQuarter(window, article))) {
                        credit = Math.max(credit, constants.anchorCredit());
                    } else if (t.scope() == null || namesAnotherPlace(window, t.scope())) {
                        // A scope ("in the US", "which Delaware museum") the story does not name costs its share of
                        // the anchors, but does not put the story off the question, unless the window is set in
                        // another country (or state): a country's or state's own news seldom names it.
                        missingRequired++;
                    }
                }
                anchorsFound += weight * credit;
                anchorsTotal += weight;
            } else {
                focusTotal += weight;
                for (int i = 0; i < window.size(); i++) {
                    focusFound[i] += weight * credit(own[i].credits()[k], context[k]);
                }
            }
        }
        double bestFocus = 0;
        for (double found : focusFound) {
            bestFocus = Math.max(bestFocus, found);
        }
        return new Coverage(constants.said(anchorsFound, anchorsTotal, bestFocus, focusTotal),
                anchorsTotal == 0 ? 1 : anchorsFound / anchorsTotal, focusTotal == 0 ? 1 : bestFocus / focusTotal,
                missingRequired);
    }

    /**
     * Whether the term is a given name (or a suffix) of a person the question names in full, whose surname the window
     * or the story's lead gives and whose full name the story gives somewhere: news gives the full name once, then
     * the surname ("Kenny DeLand Jr. … DeLand was seen in a Decathlon store").
     */
    private boolean givenNameOf(QuestionTerm t, int k, List<AnalysedSentence> window, SentenceCredits[] own,
            boolean[] context, Article article) {
        FullNames.Asked name = fullNames.get(t.term());
        if (name == null) {
            return false;
        }
        List<QuestionTerm> terms = question.terms();
        for (int j = 0; j < terms.size(); j++) {
            if (j != k && terms.get(j).term().equals(name.surname())) {
                boolean surnameGiven = inLead(terms.get(j), article);
                for (int i = 0; i < window.size() && !surnameGiven; i++) {
                    surnameGiven = credit(own[i].credits()[j], context[j]) >= 1;
                }
                return surnameGiven && fullNameInStory.computeIfAbsent(name.written().pattern() + "\u0000"
                        + article.id(), key -> name.writtenIn(article));
            }
        }
        return false;
    }

    /**
     * Whether a sentence of the window names a place of the scope's kind: a country ("banned in France") for a
     * country, a state for a state (a Delaware story may well say "U.S."). Not the scope itself, which the window
     * would have been credited with.
     */
    private static boolean namesAnotherPlace(List<AnalysedSentence> window, String scope) {
        boolean state = KnownPlaces.isRegion(scope);
        for (AnalysedSentence sentence : window) {
            for (Entity e : sentence.entities()) {
                String place = EntityTagger.withoutPossessive(e.text());
                if (state ? KnownPlaces.isRegion(place) : KnownPlaces.isCountry(place)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A term's credit in a window's sentence: its own there ({@link #credits}), or else its passage's context's. */
    private double credit(double own, boolean inContext) {
        return own > 0 ? own : inContext ? constants.contextCredit() : 0;
    }

    /**
     * Each question term's own credit in a sentence, and whether the sentence says the term as it is, in the order of
     * {@link QuestionAnalysis#terms()}.
     *
     * @param credits 1 when the sentence says the term, else a near match's credit, else 0
     */
    private record SentenceCredits(double[] credits, boolean[] says) {}

    /**
     * A sentence's {@link SentenceCredits}. Sentences recur in overlapping windows, and every window asks for every
     * term, so they are worked out once per sentence.
     */
    private SentenceCredits credits(AnalysedSentence sentence) {
        return sentenceCredits.computeIfAbsent(sentence.sentence(), s -> {
            List<QuestionTerm> terms = question.terms();
            double[] credits = new double[terms.size()];
            boolean[] says = new boolean[terms.size()];
            for (int k = 0; k < credits.length; k++) {
                QuestionTerm t = terms.get(k);
                says[k] = sentence.terms().contains(t.term());
                credits[k] = says[k] ? 1 : nearCredit(k, sentence);
            }
            return new SentenceCredits(credits, says);
        });
    }

    /**
     * Credit for a spelling variant of the term (or another form of a country's name, or the name an acronym stands
     * for), or a related form of it, in the sentence; 0 for neither.
     */
    private double nearCredit(int k, AnalysedSentence sentence) {
        QuestionTerm t = question.terms().get(k);
        boolean numeric = figureTerms[k];
        if (!numeric && (spellings.in(t, sentence.terms(), sentence.words())
                || acronymTerms[k] && Acronyms.spelledOut(t.surface(), sentence.sentence().text())
                || acronymFor(t, sentence))) {
            return constants.variantCredit();
        }
        if (!numeric && !t.required()) {
            // The tokens give the same terms as the set, and a list is quicker to walk.
            for (NewsAnalyzer.Token w : sentence.tokens()) {
                if (Terms.related(t.term(), w.term())) {
                    return constants.relatedFormCredit();
                }
            }
        }
        return 0;
    }

    /**
     * Whether the sentence has the acronym of a name the question spells out, of which the term is a word: the
     * question's "World Wrestling Entertainment" in a story's "WWE", the other way round from {@link Acronyms#spelledOut}.
     */
    private boolean acronymFor(QuestionTerm t, AnalysedSentence sentence) {
        if (!Character.isUpperCase(t.surface().codePointAt(0))) {
            return false;
        }
        for (String acronym : sentence.acronyms()) {
            if (namedByAcronym.computeIfAbsent(acronym,
                    a -> Terms.ofText(String.join(" ", Acronyms.spellingOut(a, question.text())))).contains(t.term())) {
                return true;
            }
        }
        return false;
    }

    private AnalysedSentence analyse(Sentence s) {
        return analysed.computeIfAbsent(s, sentence -> SENTENCES.get(sentence, AnalysedSentence::of));
    }

    /**
     * The term, or a spelling variant of the name, in the article's metadata or first paragraphs, where a
     * story names its subject. A name mentioned in passing further down ("neighbouring Granton") does not
     * make the story about it.
     */
    private boolean inLead(QuestionTerm t, Article article) {
        return inLead.computeIfAbsent(t.term() + "\u0000" + article.id(), k -> {
            ArticleWords lead = articleWords.computeIfAbsent(article.id(),
                    id -> LEADS.get(article, a -> ArticleWords.of(leadText(a))));
            return lead.terms().contains(t.term()) || spellings.in(t, lead.terms(), lead.words())
                    || Acronyms.isOne(t.surface()) && Acronyms.spelledOut(t.surface(), leadText(article));
        });
    }

    /**
     * An article's metadata and its paragraphs up to the {@link #LEAD_PARAGRAPHS}th of prose: where a story names its
     * subject. Lines that state nothing before it (a writer's name, "The Associated Press", a section's label), which a
     * fifth of the real-news files open with, take none of its places.
     */
    private static String leadText(Article article) {
        List<String> lead = new ArrayList<>();
        int prose = 0;
        for (Paragraph p : article.paragraphs()) {
            if (prose == LEAD_PARAGRAPHS || lead.size() == LEAD_MAX_PARAGRAPHS) {
                break;
            }
            lead.add(p.text());
            if (answerable(p.text())) {
                prose++;
            }
        }
        return article.metadataText() + "\n" + String.join("\n", lead);
    }

    /**
     * The term, or a spelling variant of the name, anywhere in the story: for the name by which the question points
     * the story out ("the article about the Istanbul Communique"), which that story may give first further down.
     */
    private boolean inText(QuestionTerm t, Article article) {
        return inStory.computeIfAbsent(t.term() + "\u0000text\u0000" + article.id(), k -> {
            ArticleWords words = storyWords.computeIfAbsent(article.id(), id -> ArticleWords.of(article.text()));
            return words.terms().contains(t.term()) || spellings.in(t, words.terms(), words.words());
        });
    }

    /**
     * A figure the question gives, anywhere in the story: a story names its subject in its lead, but gives its
     * amounts, counts and years wherever they come up ("the $8.5 billion grant", further down). Not a
     * whole number below 100, which any long story has by chance (a day of the month, an age, a score), unless the
     * question gives it as an amount ("a $95 billion aid package", "a 48% plunge") and the story gives the same
     * amount. Looked for as written, not analysed: only a question with such a figure that its window lacks pays
     * for the search.
     */
    private boolean figureInStory(QuestionTerm t, Article article) {
        if (!Anchors.isFigure(t.surface())) {
            return false;
        }
        Pattern figure = figures.computeIfAbsent(t.surface(), surface -> Optional.ofNullable(
                SMALL_NUMBER.matcher(t.term()).matches() ? amount(surface)
                        : "(?<![\\d.,])" + Pattern.quote(surface) + "(?![.,]?\\d)").map(Pattern::compile)).orElse(null);
        // Keyed as figures is, by the figure as written: that, not its analysed term, is what is searched for.
        return figure != null && inStory.computeIfAbsent(t.surface() + "\u0000" + article.id(),
                k -> figure.matcher(article.text()).find());
    }

    /**
     * How the story must write a number the question gives as an amount: with a currency if the question has one,
     * and with its share or scale word ("%" and "percent" alike); null when the question gives it bare.
     */
    private String amount(String number) {
        Matcher m = Pattern.compile("(?i)(" + CURRENCY + ")?\\s?(?<![\\d.,])" + Pattern.quote(number)
                + "(?![.,]?\\d)(?:\\s?(" + SCALE + ")\\b|(%))?").matcher(question.text());
        while (m.find()) {
            String scale = m.group(2) != null ? m.group(2).toLowerCase(Locale.ROOT) : m.group(3);
            if (m.group(1) == null && scale == null) {
                continue;
            }
            String share = "(?:%|\\s?percent\\b|\\s?per cent\\b)";
            return (m.group(1) != null ? Pattern.quote(m.group(1)) + "\\s?" : "") + "(?<![\\d.,])"
                    + Pattern.quote(number) + "(?![.,]?\\d)" + (scale == null ? ""
                    : scale.equals("%") || scale.startsWith("per") ? share : "(?i:\\s?" + scale + "\\b)");
        }
        return null;
    }

    /**
     * Whether the window reports on another quarter of the year than the one the question asks about ("third-quarter
     * revenue" for "What was the fourth-quarter revenue?"), as a story about 2021 answers no question about 2019: its
     * sentences and its article's lead ({@link #leadText}) name quarters, and none of them the one asked ("up from the
     * third quarter" in a fourth-quarter story is about the fourth).
     */
    private boolean aboutAnotherQuarter(List<AnalysedSentence> window, Article article) {
        if (askedQuarter == 0) {
            return false;
        }
        Set<Integer> named = quartersNamed(window, article);
        return !named.isEmpty() && !named.contains(askedQuarter);
    }

    /**
     * Whether the window or its article's lead names the quarter the question asks about, in any of its forms: "the
     * three months to December 31" gives the question's "fourth" of "fourth-quarter" as surely as "fourth quarter" does.
     */
    private boolean namesAskedQuarter(List<AnalysedSentence> window, Article article) {
        return askedQuarter != 0 && quartersNamed(window, article).contains(askedQuarter);
    }

    private Set<Integer> quartersNamed(List<AnalysedSentence> window, Article article) {
        Set<Integer> named = new HashSet<>(quartersOfLead.computeIfAbsent(article.id(),
                id -> Quarters.named(leadText(article))));
        window.forEach(a -> named.addAll(quartersOf.computeIfAbsent(a.sentence(), s -> Quarters.named(s.text()))));
        return named;
    }

    /**
     * A story dated 2021 about "the budget for 2022" is not about 2021. When the title names another year
     * than the one asked, the date and the rest of the story no longer stand for it: the window must say it.
     */
    private boolean aboutAnotherYear(QuestionTerm t, Article article) {
        // A year is four characters: a look at the length spares most terms the pattern.
        if (t.surface().length() != 4 || !AnswerPhrases.YEAR_NUMBER.matcher(t.surface()).matches()) {
            return false;
        }
        Matcher years = AnswerPhrases.YEAR_NUMBER.matcher(article.title());
        boolean other = false;
        while (years.find()) {
            if (years.group().equals(t.surface())) {
                return false;
            }
            other = true;
        }
        return other;
    }

    private Set<String> titleTerms(Article article) {
        return titleTerms.computeIfAbsent(article.id(),
                id -> TITLES.get(article, a -> Collections.unmodifiableSet(Terms.ofText(a.metadataText()))));
    }

    double idf(String term) {
        // A term in no passage gets the highest weight, which is what makes an unknown word ("population")
        // pull coverage down.
        return idf.computeIfAbsent(term, stats::idf);
    }

    /**
     * The window plus the sentence after it when that sentence carries on the same statement ("He also
     * underlined that ...") and touches the question: reported speech often spreads over two sentences.
     */
    Window withContinuation(Window w) {
        List<Sentence> sentences = w.hit().stored().passage().sentences();
        if (w.to() >= sentences.size() || w.to() - w.from() >= MAX_SENTENCES) {
            return w;
        }
        Sentence next = sentences.get(w.to());
        AnalysedSentence analysed = analyse(next);
        boolean continues = analysed.pointsBack() && analysed.answerable()
                && analysed.saysAnyOf(questionTerms);
        return continues ? w.extendedBy(1) : w;
    }

    /** An article's terms and words, for checking that it names what the question names. */
    private record ArticleWords(Set<String> terms, List<String> words) {

        static ArticleWords of(String text) {
            // In order: a country's name of several words is matched as a phrase.
            return new ArticleWords(Terms.ofText(text), AnalysedSentence.plainWords(text));
        }
    }

}
