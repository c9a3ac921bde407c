package dev.citeqa.answer.extractive;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.citeqa.analysis.Anchors;
import dev.citeqa.analysis.EntityTagger;
import dev.citeqa.analysis.EntityTagger.Entity;
import dev.citeqa.analysis.EntityTagger.Kind;
import dev.citeqa.analysis.NewsAnalyzer;
import dev.citeqa.analysis.NewsPatterns;
import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.analysis.QuestionAnalysis.AnswerType;
import dev.citeqa.analysis.QuestionAnalysis.QuestionTerm;
import dev.citeqa.analysis.QuestionAnalysis.Subtype;
import dev.citeqa.analysis.TermStats;
import dev.citeqa.analysis.Terms;
import dev.citeqa.collection.Article;
import dev.citeqa.collection.Paragraph;
import dev.citeqa.collection.Sentence;
import dev.citeqa.index.IndexGenerator;
import dev.citeqa.search.PassageHit;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.util.VectorUtil;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * The first stage of the extractive answerer: the evidence a window of one to three sentences gives for a
 * question, as {@link Feature} values. Lexical coverage of the question's words (names and figures may sit
 * in the passage or the article's lead; the other words must be in the window), meaning (embedding
 * similarity), whether the window holds a phrase of the kind asked for, and where the window sits. One
 * instance per question: it keeps what it works out about each sentence and term for the other windows.
 */
final class WindowFeatures {

    /** Characters between a number and the noun it counts ("32 allies", "14 senior officials"). */
    static final int COUNT_DISTANCE = 25;

    /** Paragraphs that make up an article's lead. */
    static final int LEAD_PARAGRAPHS = 2;

    /** The longest answer, in sentences, a continuation included. */
    static final int MAX_SENTENCES = 3;

    /** Characters beyond which an entity is no nearer the question's words than any other. */
    private static final int FAR = 200;

    /** A capitalised word with a word before it in its sentence. */
    private static final Pattern CAPITALISED_INSIDE =
            Pattern.compile("(?<=[\\p{L}\\p{N}][^\\p{L}\\p{N}]{1,3})\\p{Lu}[\\p{L}\\p{M}\\p{N}'’.-]*");

    private static final Pattern ANAPHOR = Pattern.compile(
            "^(?:He|She|They|It|This|These|Those|His|Her|Their|Its|The latter|The former)\\b");
    private static final Pattern CURRENCY = Pattern.compile("[$€£¥]");
    /** What a place follows: "in Los Angeles". */
    private static final Pattern IN_BEFORE = Pattern.compile("\\b[Ii]n $");
    /** What follows a dateline's place: its state or country, the agency's name, then a dash (", Ill. (AP) —"). */
    private static final Pattern AFTER_DATELINE =
            Pattern.compile("^(?:,\\s*[\\p{L}. ]{1,20})?(?:\\s*\\([^)]{1,30}\\))?\\s*[–—-]{1,2}\\s");
    /** The words that introduce a name, right before it: "a panda named Bao", "a flavor called “Spiced”". */
    private static final Pattern NAMING = Pattern.compile(
            "(?i)\\b(?:named|called|dubbed|nicknamed|titled|entitled|renamed|known as)\\s+[\"“'‘]?$");
    /** Characters before a phrase searched for {@link #NAMING}: its longest form and a space, with room. */
    private static final int NAMING_CHARS = 20;
    private static final Pattern PERCENT = Pattern.compile("%|per ?cent", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONEY_OR_SHARE =
            Pattern.compile("[$€£¥%]|\\s*(?:per ?cent|pounds|dollars|euros|pence|cents)\\b", Pattern.CASE_INSENSITIVE);
    private static final Set<String> TIME_UNITS =
            Terms.ofText("seconds minutes hours days weeks months years decades centuries");
    /**
     * What the answerer derives from a sentence or an article's lead depends on the text alone, so it is kept
     * across questions: the passages that answer one question are often read again for the next. Sentences
     * are keyed by value; articles by identity, which the index's cache of recently read articles keeps.
     */
    private static final Cache<Sentence, Analysed> SENTENCES = Caffeine.newBuilder().maximumSize(10_000).build();
    /** Building a Levenshtein automaton costs more than the rest of scoring; names recur across questions. */
    private static final Cache<String, Variants> VARIANTS = Caffeine.newBuilder().maximumSize(10_000).build();
    private static final Cache<Article, ArticleWords> LEADS = Caffeine.newBuilder().weakKeys().maximumSize(2_000).build();
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}'’]+");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?\"”’»)]$");
    private static final Pattern SCORE_OR_CURRENCY_BEFORE = Pattern.compile("(?:\\d[:\\-–]|[$€£¥])$");
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

    private final QuestionAnalysis question;
    private final TermStats stats;
    private final AnswererModel.Evidence constants;
    private final Map<String, Double> idf = new HashMap<>();
    private final Map<String, Variants> variants = new HashMap<>();
    private final Map<Sentence, Analysed> analysed = new HashMap<>();
    private final Map<String, Set<String>> titleTerms = new HashMap<>();
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
    private final Map<String, Double> age = new HashMap<>();
    private final Set<String> questionTerms = new HashSet<>();
    /** Required names and figures that no article spells in any form. */
    final Set<String> unknownTerms = new HashSet<>();
    private final Map<String, ArticleWords> articleWords = new HashMap<>();
    // What windows of one question share, worked out once: a passage's context, a term's near matches in a
    // sentence, whether an article's lead names a term, an entity's terms.
    private final Map<PassageHit, Set<String>> contexts = new IdentityHashMap<>();
    private final Map<TermInSentence, Double> nearCredit = new HashMap<>();
    private final Map<String, Boolean> inLead = new HashMap<>();
    private final Map<String, Set<String>> entityTerms = new HashMap<>();
    /** Words the retrieved sentences capitalise after their first word, worked out on first use. */
    private Set<String> capitalisedInside;
    /** Names the retrieved sentences give as places ("in Los Angeles"), worked out on first use. */
    private Set<String> placesSeen;
    private final Map<Sentence, List<Entity>> entities = new HashMap<>();
    private final Description description;

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
        this.description = question.type() == AnswerType.DEFINITION ? Description.of(question.subject()) : null;
        question.terms().forEach(t -> questionTerms.add(t.term()));
        for (PassageHit hit : hits) {
            passageRank.putIfAbsent(hit, passageRank.size());
            articleRank.putIfAbsent(hit.stored().article().id(), articleRank.size());
        }
        rateAge();
    }

    private void rateAge() {
        // A date after today is a misdated article: it must not make every real one look old.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Map<String, LocalDate> dates = new HashMap<>();
        for (PassageHit hit : hits) {
            Article article = hit.stored().article();
            if (article.date() != null) {
                LocalDate date = LocalDate.parse(article.date());
                dates.putIfAbsent(article.id(), date.isAfter(today) ? today : date);
            }
        }
        LocalDate newest = dates.values().stream().max(LocalDate::compareTo).orElse(null);
        dates.forEach((id, date) -> age.put(id,
                1 - Math.pow(0.5, ChronoUnit.DAYS.between(date, newest) / constants.ageHalfLifeDays())));
        // An undated article is as old as the typical dated one: neither the newest nor the oldest.
        double[] ages = age.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double typical = ages.length == 0 ? 0 : ages[ages.length / 2];
        hits.forEach(hit -> age.putIfAbsent(hit.stored().article().id(), typical));
    }

    /** A required name or number that neither the index nor any retrieved passage spells in any form. */
    boolean unknown(QuestionTerm term) {
        if (stats.known(term.term())) {
            return false;
        }
        for (PassageHit hit : hits) {
            for (Sentence s : hit.stored().passage().sentences()) {
                if (analyse(s).words().stream().anyMatch(w -> variantOf(term, w))) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Headings and fragments ("Mark Rutte", "Russia Must Make the Next Move") state nothing an answer
     * could quote: a sentence ends with punctuation, or is at least long enough to be one.
     */
    boolean answerable(Sentence s) {
        int words = words(s.text());
        return words >= 12 || (words >= 4 && SENTENCE_END.matcher(s.text()).find());
    }

    /**
     * The words of a text, as runs between white space. Counted rather than split: every window of every
     * question asks it, and splitting was the answer stage's single hottest call.
     */
    static int words(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // The white space of the regex \s, which the count replaces.
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }

    /** The evidence of sentences {@code from} (inclusive) to {@code to} (exclusive) of a passage. */
    Window window(PassageHit hit, int from, int to) {
        List<Sentence> sentences = hit.stored().passage().sentences();
        List<Analysed> window = new ArrayList<>();
        for (int i = from; i < to; i++) {
            window.add(analyse(sentences.get(i)));
        }
        Article article = hit.stored().article();
        Set<String> context = contexts.computeIfAbsent(hit, h -> {
            Set<String> terms = new HashSet<>(titleTerms(article));
            sentences.forEach(s -> terms.addAll(analyse(s).terms()));
            return terms;
        });

        Coverage c = coverage(window, context, article);
        double semantic = semantic(hit);
        Entity entity = answerEntity(window);
        boolean typed = question.type() != AnswerType.OTHER;
        boolean typeMatch = question.type() == AnswerType.DEFINITION
                ? description != null && window.stream().anyMatch(a -> description.in(a.sentence().text()))
                : entity != null;
        double[] f = new double[Feature.values().length];
        f[Feature.COVERAGE.ordinal()] = c.value();
        f[Feature.ANCHOR_COVERAGE.ordinal()] = c.anchors();
        f[Feature.FOCUS_COVERAGE.ordinal()] = c.focus();
        f[Feature.MEANING.ordinal()] = Double.isNaN(semantic) ? 0 : constants.similarity(semantic);
        f[Feature.TYPE_SCORE.ordinal()] = typed ? (typeMatch ? 1 : 0) : 0.5;
        f[Feature.TYPE_MISSING.ordinal()] = typed && !typeMatch ? 1 : 0;
        f[Feature.MISSING_REQUIRED.ordinal()] = c.missingRequired();
        f[Feature.EXTRA_SENTENCES.ordinal()] = to - from - 1;
        f[Feature.PASSAGE_RANK.ordinal()] = 1.0 / (1 + passageRank.getOrDefault(hit, hits.size()));
        f[Feature.ARTICLE_RANK.ordinal()] = 1.0 / (1 + articleRank.getOrDefault(article.id(), hits.size()));
        f[Feature.ENTITY_NEAR.ordinal()] = entity == null ? 0
                : 1 - Math.min(distanceToQuestion(window, entity), FAR) / (double) FAR;
        f[Feature.LEAD.ordinal()] = hit.stored().passage().ordinal() == 0 && from == 0 ? 1 : 0;
        f[Feature.ANAPHOR.ordinal()] = ANAPHOR.matcher(sentences.get(from).text()).find() ? 1 : 0;
        f[Feature.TITLE_COVERAGE.ordinal()] = share(titleTerms(article));
        f[Feature.AGE.ordinal()] = age.getOrDefault(article.id(), 0.0);
        Set<String> windowTerms = new HashSet<>();
        window.forEach(a -> windowTerms.addAll(a.terms()));
        f[Feature.WINDOW_TERMS.ordinal()] = share(windowTerms);
        int words = 0;
        for (Analysed a : window) {
            words += a.words().size();
        }
        f[Feature.LENGTH.ordinal()] = Math.min(words, 100) / 50.0;
        return new Window(hit, from, to, f, entity, semantic, 0);
    }

    /** The share of the question's distinct terms that {@code terms} has. */
    private double share(Set<String> terms) {
        if (questionTerms.isEmpty()) {
            return 0;
        }
        return questionTerms.stream().filter(terms::contains).count() / (double) questionTerms.size();
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

    /**
     * The passage's closest meaning to the question: the cosine similarity of their embeddings, shared by
     * the passage's windows. NaN when meanings are not compared. A passage of an article whose vectors are
     * still being built (BM25 answers meanwhile) is embedded now, from the text the index will embed.
     */
    private double semantic(PassageHit hit) {
        if (questionVector == null) {
            return Double.NaN;
        }
        return passageMeaning.computeIfAbsent(hit, h -> {
            float[] vector = h.stored().vector() != null ? h.stored().vector()
                    : sentenceVectors.apply(IndexGenerator.embeddingText(h.stored().article().title(),
                            h.stored().passage()));
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
    private Coverage coverage(List<Analysed> window, Set<String> context, Article article) {
        double anchorsFound = 0;
        double anchorsTotal = 0;
        int missingRequired = 0;
        double focusTotal = 0;
        double[] focusFound = new double[window.size()];
        for (QuestionTerm t : question.terms()) {
            double weight = t.weight() * idf(t.term());
            if (t.required()) {
                boolean statedOnly = aboutAnotherYear(t, article);
                double credit = 0;
                for (Analysed sentence : window) {
                    credit = Math.max(credit, statedOnly ? (sentence.terms().contains(t.term()) ? 1 : 0)
                            : credit(t, sentence, context));
                }
                if (credit < 1 && !unknownTerms.contains(t.term())) {
                    if (!statedOnly && (credit > 0 || inLead(t, article))) {
                        credit = Math.max(credit, constants.anchorCredit());
                    } else {
                        missingRequired++;
                    }
                }
                anchorsFound += weight * credit;
                anchorsTotal += weight;
            } else {
                focusTotal += weight;
                for (int i = 0; i < window.size(); i++) {
                    focusFound[i] += weight * credit(t, window.get(i), context);
                }
            }
        }
        double bestFocus = 0;
        for (double found : focusFound) {
            bestFocus = Math.max(bestFocus, found);
        }
        return new Coverage(combine(anchorsFound, anchorsTotal, bestFocus, focusTotal),
                anchorsTotal == 0 ? 1 : anchorsFound / anchorsTotal, focusTotal == 0 ? 1 : bestFocus / focusTotal,
                missingRequired);
    }

    /** Coverage of anchors and of focus terms, mixed in a fixed proportion when the question has both. */
    private double combine(double anchorsFound, double anchorsTotal, double focusFound, double focusTotal) {
        if (anchorsTotal == 0 || focusTotal == 0) {
            double total = anchorsTotal + focusTotal;
            return total == 0 ? 0 : (anchorsFound + focusFound) / total;
        }
        return constants.anchorShare() * anchorsFound / anchorsTotal
                + (1 - constants.anchorShare()) * focusFound / focusTotal;
    }

    /** A term's credit in a sentence; sentences recur in overlapping windows, so it is worked out once. */
    private double credit(QuestionTerm t, Analysed sentence, Set<String> context) {
        if (sentence.terms().contains(t.term())) {
            return 1;
        }
        double near = nearCredit.computeIfAbsent(new TermInSentence(t, sentence.sentence()),
                k -> nearCredit(t, sentence));
        return near > 0 ? near : context.contains(t.term()) ? constants.contextCredit() : 0;
    }

    private record TermInSentence(QuestionTerm term, Sentence sentence) {}

    /** Credit for a spelling variant of the term, or a related form of it, in the sentence; 0 for neither. */
    private double nearCredit(QuestionTerm t, Analysed sentence) {
        boolean numeric = Anchors.isFigure(t.surface());
        if (!numeric && sentence.words().stream().anyMatch(w -> variantOf(t, w))) {
            return constants.variantCredit();
        }
        if (!numeric && !t.required() && sentence.terms().stream().anyMatch(w -> relatedForm(t.term(), w))) {
            return constants.relatedFormCredit();
        }
        return 0;
    }

    /**
     * The phrase in the window that answers the question's type, other than the question's own words.
     * Of several, the one nearest the question's words wins, and a name that extends the question's own
     * phrase wins over all ("NATO Secretary General Mark Rutte" for "Who is the NATO Secretary General?"), the
     * more of it the better.
     */
    private Entity answerEntity(List<Analysed> window) {
        Entity best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Analysed a : window) {
            if (a.terms().stream().noneMatch(questionTerms::contains)) {
                // In a pair, a date in the sentence that says nothing of the question answers nothing.
                continue;
            }
            // In a pair, the sentence that says more of the question answers it, whatever the distances: "Crews
            // expect to reopen the road by Monday" over "A storm closed Highway 1 on Saturday" for "When will
            // crews reopen the highway?".
            double said = a.terms().stream().filter(questionTerms::contains).count() / (double) questionTerms.size();
            for (Entity e : entities(a)) {
                if (!isCandidate(e, a) || isQuestionsOwnPerson(e) || isCapitalisedOnlyAsOpener(e, a)) {
                    continue;
                }
                long shared = termsOf(e.text()).stream().filter(questionTerms::contains).count();
                // Each word shared with the question outweighs any distance: "Russian President Vladimir
                // Putin" over "President Volodymyr Zelensky" for "Who is the Russian President?"; so does being
                // the narrower kind asked for: "Texas" over "Mexico" for "Which state was sued?", and being
                // introduced as a name when one is asked for: "a panda named Bao" over "the Capital City zoo".
                double score = shared + (isSubtypeAskedFor(e) ? 1 : 0) + (isIntroducedAsName(e, a) ? 1 : 0) + said
                        - Math.min(distanceToQuestion(a, e), FAR) / (double) FAR;
                if (score > bestScore) {
                    best = e;
                    bestScore = score;
                }
            }
        }
        return best;
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
            Analysed a = analyse(s);
            for (Entity e : entities(a)) {
                if (isCandidate(e, a)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A phrase of the asked kind, and not made of the question's own words alone. */
    private boolean isCandidate(Entity e, Analysed a) {
        return fits(e) && counts(e, a)
                && !questionTerms.containsAll(termsOf(e.text())) && !isDateline(e, a);
    }

    /**
     * "WASHINGTON – Embattled Rep. George Santos was expelled …": a name in capitals that opens the sentence
     * before a dash is a dateline, where the story was filed (or a section label), not a fact the story reports,
     * so it answers no question; the sentence's own words may.
     */
    private static boolean isDateline(Entity e, Analysed a) {
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
    private boolean isCapitalisedOnlyAsOpener(Entity e, Analysed a) {
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
                    Matcher word = CAPITALISED_INSIDE.matcher(s.text());
                    while (word.find()) {
                        capitalisedInside.add(capitalisedKey(word.group()));
                    }
                }
            }
        }
        return !capitalisedInside.contains(capitalisedKey(e.text()));
    }

    /**
     * The sentence's entities, with the retrieved text's evidence: the tagger calls two capitalised words a person
     * unless the sentence says otherwise ("northwest Los Angeles"), and a name another retrieved sentence gives as
     * a place ("in Los Angeles") is one here too, unless a title names a person by it.
     */
    private List<Entity> entities(Analysed a) {
        return entities.computeIfAbsent(a.sentence(), s -> {
            if (a.entities().stream().noneMatch(e -> e.kind() == Kind.PERSON)) {
                return a.entities();
            }
            if (placesSeen == null) {
                placesSeen = new HashSet<>();
                for (PassageHit hit : hits) {
                    for (Sentence other : hit.stored().passage().sentences()) {
                        for (Entity e : analyse(other).entities()) {
                            // "in X" only: the tagger's places also include "to X", which names people too.
                            if (e.kind() == Kind.PLACE && IN_BEFORE.matcher(other.text().substring(0, e.start()))
                                    .find()) {
                                placesSeen.add(EntityTagger.withoutPossessive(e.text()));
                            }
                        }
                    }
                }
            }
            return a.entities().stream().map(e -> e.kind() == Kind.PERSON
                    && placesSeen.contains(EntityTagger.withoutPossessive(e.text()))
                    && !EntityTagger.isTitle(e.text().split(" ")[0])
                    ? new Entity(Kind.PLACE, e.text(), e.start(), e.end()) : e).toList();
        });
    }

    /** "Wendy's." at a sentence's end, "Wendy's" and "Wendy" are one word; so are "Jones'" and "Jones". */
    private static String capitalisedKey(String word) {
        return EntityTagger.withoutPossessive(word.replaceFirst("\\.$", "")).replaceFirst("['’]$", "");
    }

    /** For "What is the name of …?": the phrase after "named", "called", "dubbed", "known as". */
    private boolean isIntroducedAsName(Entity e, Analysed a) {
        if (question.type() != AnswerType.NAME) {
            return false;
        }
        String before = a.sentence().text().substring(Math.max(0, e.start() - NAMING_CHARS), e.start());
        return NAMING.matcher(before).find();
    }

    private boolean isSubtypeAskedFor(Entity e) {
        return switch (question.subtype()) {
            case COUNTRY -> e.kind() == Kind.PLACE && EntityTagger.isCountry(e.text());
            case REGION -> e.kind() == Kind.PLACE && EntityTagger.isRegion(e.text());
            case SETTLEMENT -> e.kind() == Kind.PLACE && !EntityTagger.isCountry(e.text())
                    && !EntityTagger.isRegion(e.text());
            case MONEY -> e.kind() == Kind.NUMBER && CURRENCY.matcher(e.text()).find();
            case SHARE -> e.kind() == Kind.NUMBER && PERCENT.matcher(e.text()).find();
            // Ages, times of day and calendar dates are checked where a figure counts (counts).
            case AGE, TIME, CALENDAR, DAY, ANY -> false;
        };
    }

    /**
     * "Foreign Minister Hakan Fidan" for "Which French minister did Hakan Fidan speak with?": a person the
     * question names, under a title it does not, is who it asks about, not the answer.
     */
    private boolean isQuestionsOwnPerson(Entity e) {
        return e.kind() == Kind.PERSON
                && questionTerms.containsAll(termsOf(EntityTagger.personName(e.text())));
    }

    /** An entity's terms, analysed once per question. */
    private Set<String> termsOf(String entity) {
        return entityTerms.computeIfAbsent(entity, Terms::ofText);
    }

    /** Characters between the entity and the nearest question term in its sentence. */
    private int distanceToQuestion(List<Analysed> window, Entity e) {
        for (Analysed a : window) {
            if (entities(a).contains(e)) {
                return distanceToQuestion(a, e);
            }
        }
        return Integer.MAX_VALUE;
    }

    private int distanceToQuestion(Analysed a, Entity e) {
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
     * ("4-0") counts nothing. For "How old?", only an age ({@link #isAge}). "What time …?" is answered by a time
     * of day, not "Wednesday"; "When …?" by either; "In which month …?" not by "midnight"; "On which date …?"
     * by a day, not "next month". "How long …?" is not answered by the gap of "the first talks in three years".
     */
    private boolean counts(Entity e, Analysed a) {
        if (question.subtype() == Subtype.AGE && (e.kind() == Kind.NUMBER || e.kind() == Kind.DURATION)) {
            return isAge(e, a.sentence().text());
        }
        boolean clock = e.kind() == Kind.DATE && EntityTagger.isClockTime(e.text());
        if (question.subtype() == Subtype.TIME) {
            return clock;
        }
        if (clock) {
            return question.subtype() != Subtype.CALENDAR && question.subtype() != Subtype.DAY;
        }
        if (question.subtype() == Subtype.DAY && e.kind() == Kind.DATE) {
            return EntityTagger.namesDay(e.text());
        }
        if (e.kind() == Kind.DURATION && question.type() == AnswerType.DURATION
                && SINCE_FIRST.matcher(a.sentence().text().substring(0, e.start())).find()) {
            // "the first direct talks in three years" says how long since, not how long the talks lasted.
            return false;
        }
        String counted = question.quantityOf();
        if (counted == null || e.kind() != Kind.NUMBER) {
            return true;
        }
        if (Anchors.isFigure(e.text())) {
            // Other figures are data; only a spelled-out count ("the two sides") must name what it counts.
            return !isMeasure(e, a.sentence().text());
        }
        for (NewsAnalyzer.Token t : a.tokens()) {
            boolean near = t.start() >= e.end() ? t.start() - e.end() <= COUNT_DISTANCE
                    : e.start() - t.end() <= COUNT_DISTANCE && t.end() <= e.start();
            if (near && (t.term().equals(counted) || relatedForm(t.term(), counted))) {
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

    private static boolean isMeasure(Entity e, String sentence) {
        String before = sentence.substring(Math.max(0, e.start() - 2), e.start());
        String after = sentence.substring(e.end(), Math.min(sentence.length(), e.end() + 9));
        return MONEY_OR_SHARE.matcher(e.text()).find() || MONEY_OR_SHARE.matcher(after).lookingAt()
                || SCORE_OR_CURRENCY_BEFORE.matcher(before).find() || SCORE_AFTER.matcher(after).lookingAt();
    }

    private boolean fits(Entity e) {
        return switch (question.type()) {
            case PERSON -> e.kind() == Kind.PERSON || e.kind() == Kind.NAME;
            case PLACE -> e.kind() == Kind.PLACE;
            // "Which ministry does Umerov run?" is answered by "Defence Minister": any name can name it.
            case ORGANIZATION, NAME ->
                    e.kind() != Kind.DATE && e.kind() != Kind.NUMBER && e.kind() != Kind.DURATION;
            case DATE -> e.kind() == Kind.DATE;
            case YEAR -> e.kind() == Kind.DATE && YEAR_NUMBER.matcher(e.text()).find();
            // "How many prisoners?" is not answered by "40 minutes"; "How many years?" is.
            case NUMBER -> e.kind() == Kind.NUMBER || e.kind() == Kind.DURATION
                    && (question.quantityOf() == null || TIME_UNITS.contains(question.quantityOf()));
            case DURATION -> e.kind() == Kind.DURATION;
            case DEFINITION -> false;
            case OTHER -> e.kind() == Kind.PERSON || e.kind() == Kind.NAME || e.kind() == Kind.PLACE;
        };
    }

    private Analysed analyse(Sentence s) {
        return analysed.computeIfAbsent(s, sentence -> SENTENCES.get(sentence, Analysed::of));
    }

    /**
     * The term, or a spelling variant of the name, in the article's metadata or first paragraphs, where a
     * story names its subject. A name mentioned in passing further down ("neighbouring Granton") does not
     * make the story about it.
     */
    private boolean inLead(QuestionTerm t, Article article) {
        return inLead.computeIfAbsent(t.term() + "\u0000" + article.id(), k -> {
            ArticleWords lead = articleWords.computeIfAbsent(article.id(), id -> LEADS.get(article,
                    a -> ArticleWords.of(a.metadataText() + "\n" + String.join("\n", article.paragraphs().stream()
                            .limit(LEAD_PARAGRAPHS).map(Paragraph::text).toList()))));
            return lead.terms().contains(t.term()) || lead.words().stream().anyMatch(w -> variantOf(t, w));
        });
    }

    /**
     * A story dated 2021 about "the budget for 2022" is not about 2021. When the title names another year
     * than the one asked, the date and the rest of the story no longer stand for it: the window must say it.
     */
    private boolean aboutAnotherYear(QuestionTerm t, Article article) {
        if (!YEAR_NUMBER.matcher(t.surface()).matches()) {
            return false;
        }
        Matcher years = YEAR_NUMBER.matcher(article.title());
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
        return titleTerms.computeIfAbsent(article.id(), id -> Terms.ofText(article.metadataText()));
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
        boolean continues = ANAPHOR.matcher(next.text()).find() && answerable(next)
                && analyse(next).terms().stream().anyMatch(questionTerms::contains);
        return continues ? w.extendedBy(1) : w;
    }

    /**
     * A spelling variant of a name: the same beginning, then within one or two edits, depending on length
     * ("Medinsky" and "Medinski", "Turkey" and "Türkiye"). The beginning must match because names that
     * differ there are different names ("Western" and "Eastern").
     */
    private boolean variantOf(QuestionTerm t, String word) {
        Variants v = variants.computeIfAbsent(t.surface(), surface -> VARIANTS.get(surface, Variants::of));
        return v.automaton() != null && word.regionMatches(0, v.target(), 0, v.prefix())
                && v.automaton().run(word);
    }

    /**
     * The spellings a question word may take ("Erdoğan", "Erdogan", "Erdogans"), built once per question word:
     * a Levenshtein automaton of the plain word, and the prefix a variant must share, which rules most words
     * out before the automaton runs. No automaton for short words and figures, which only match exactly.
     */
    private record Variants(String target, int prefix, CharacterRunAutomaton automaton) {

        static Variants of(String surface) {
            String target = EntityTagger.plain(surface);
            if (target.length() < 5 || Anchors.isFigure(target)) {
                return new Variants(target, 0, null);
            }
            int prefix = Math.min(Math.max(3, target.length() / 2), target.length());
            return new Variants(target, prefix, new CharacterRunAutomaton(
                    new LevenshteinAutomata(target, true).toAutomaton(target.length() >= 6 ? 2 : 1)));
        }
    }

    /** "ministri" and "minist": stems sharing a long prefix are usually forms of one word. */
    static boolean relatedForm(String a, String b) {
        int shared = 0;
        while (shared < Math.min(a.length(), b.length()) && a.charAt(shared) == b.charAt(shared)) {
            shared++;
        }
        return shared >= 5 && shared >= 0.75 * Math.min(a.length(), b.length());
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

    /** The words of {@code text} as spelling variants are compared: folded to plain lower-case letters. */
    private static List<String> plainWords(String text) {
        List<String> words = new ArrayList<>();
        for (String w : NOT_WORD.split(text)) {
            if (!w.isEmpty()) {
                words.add(EntityTagger.plain(w));
            }
        }
        return words;
    }

    /** An article's terms and words, for checking that it names what the question names. */
    private record ArticleWords(Set<String> terms, Set<String> words) {

        static ArticleWords of(String text) {
            return new ArticleWords(Terms.ofText(text), new HashSet<>(plainWords(text)));
        }
    }

    /** A sentence's terms, words and entities, computed once per question. */
    private record Analysed(Sentence sentence, List<NewsAnalyzer.Token> tokens, Set<String> terms, List<String> words,
            List<Entity> entities) {

        static Analysed of(Sentence s) {
            List<String> words = plainWords(s.text());
            List<NewsAnalyzer.Token> tokens = Terms.ofSentence(s.text());
            Set<String> terms = new HashSet<>();
            tokens.forEach(t -> terms.add(t.term()));
            return new Analysed(s, tokens, terms, words, EntityTagger.tag(s.text()));
        }
    }
}
