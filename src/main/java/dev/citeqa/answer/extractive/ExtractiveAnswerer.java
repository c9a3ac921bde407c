package dev.citeqa.answer.extractive;

import dev.citeqa.index.NewsAnalyzer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.citeqa.answer.Answer;
import dev.citeqa.answer.AnswerRequest;
import dev.citeqa.answer.Answerer;
import dev.citeqa.answer.Citation;
import dev.citeqa.answer.Markers;
import dev.citeqa.answer.extractive.EntityTagger.Entity;
import dev.citeqa.answer.extractive.EntityTagger.Kind;
import dev.citeqa.answer.extractive.QuestionAnalysis.AnswerType;
import dev.citeqa.answer.extractive.QuestionAnalysis.QuestionTerm;
import dev.citeqa.collection.Article;
import dev.citeqa.collection.Paragraph;
import dev.citeqa.collection.Sentence;
import dev.citeqa.embed.Embedder;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.IndexConstants;
import dev.citeqa.search.PassageHit;
import dev.citeqa.search.QuestionRewriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.VectorUtil;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;
import org.jboss.logging.Logger;

/**
 * The built-in answerer: picks the one or two consecutive sentences of the retrieved passages that best
 * answer the question, and cites the article they come from. It needs no language model.
 *
 * <p>Each candidate window of sentences is scored on three kinds of evidence:
 * <ul>
 *   <li>lexical coverage: the share of the question's terms, weighted by rarity (IDF), found in the window.
 *       Names and figures ("anchors") pick the story and may sit elsewhere in the passage or the article's
 *       lead; the other words say what is asked and count mainly where the window has them;
 *   <li>semantic similarity between the question and the window's sentences (embeddings);
 *   <li>answer type: whether the window holds a phrase of the kind the question asks for (a person for
 *       "who", a date for "when", a number for "how many") other than the question's own words.
 * </ul>
 * Retrieval rank is deliberately left out: measured on the development questions, it only added noise once
 * the candidates come from the top passages. When windows that state the whole question name different
 * answers, the answer most articles give wins.
 *
 * <p>It abstains, rather than guess, when the question names a year no article mentions, when no passage is
 * about every name and figure the question gives, when a date or number question finds no date or number,
 * or when the best window's combined evidence is weak. The weights are in {@link Tuning}.
 */
public final class ExtractiveAnswerer implements Answerer {

    public static final String NAME = "extractive";

    private static final Logger LOG = Logger.getLogger(ExtractiveAnswerer.class);

    /** Answer types the tagger finds by pattern: a sentence without one cannot answer such a question. */
    static final Set<AnswerType> RELIABLE_TYPES =
            Set.of(AnswerType.DATE, AnswerType.YEAR, AnswerType.NUMBER, AnswerType.DURATION);

    /** Characters between a number and the noun it counts ("32 allies", "14 senior officials"). */
    static final int COUNT_DISTANCE = 25;

    /** Paragraphs that make up an article's lead. */
    static final int LEAD_PARAGRAPHS = 2;

    /** Score taken off a window per name or figure of the question its story lacks. */
    static final double MISSING_NAME_PENALTY = 0.25;

    /** Candidate windows logged per question at DEBUG level. */
    private static final int DEBUG_WINDOWS = 12;

    /** The longest answer, in sentences. */
    static final int MAX_SENTENCES = 3;

    /** Credit for a spelling variant of a name ("Medinski" for "Medinsky") or a related word form. */
    static final double VARIANT_CREDIT = 0.85;
    static final double RELATED_FORM_CREDIT = 0.6;

    private static final Pattern ANAPHOR = Pattern.compile(
            "^(?:He|She|They|It|This|These|Those|His|Her|Their|Its|The latter|The former)\\b");
    private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");
    /** Coverage at which a window states the whole question, so its answer counts as a vote. */
    private static final double FULL_COVERAGE = 0.9;
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
    private static final Pattern YEAR_NUMBER = Pattern.compile("\\b(?:1[89]|20)\\d{2}\\b");

    private final Embedder embedder;
    private final Tuning tuning;

    public ExtractiveAnswerer(Embedder embedder) {
        this(embedder, Tuning.DEFAULT);
    }

    public ExtractiveAnswerer(Embedder embedder, Tuning tuning) {
        this.embedder = embedder;
        this.tuning = tuning;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** A run of consecutive sentences of one passage, and its evidence. */
    public record Window(PassageHit hit, int from, int to, double coverage, double semantic, boolean typeMatch,
            int missingRequired, double score, Entity answerEntity) {

        List<Sentence> sentences() {
            return hit.stored().passage().sentences().subList(from, to);
        }
    }

    @Override
    public Answer answer(AnswerRequest request) {
        QuestionAnalysis question = QuestionAnalysis.of(request.standaloneQuestion(), request.question());
        if (question.terms().isEmpty()) {
            return abstain("The question does not name anything to look for.");
        }
        if (request.passages().isEmpty()) {
            return abstain("No passage matches the question.");
        }
        Evidence evidence = new Evidence(question, request);
        for (QuestionTerm term : question.terms()) {
            if (term.required() && evidence.unknown(term)) {
                // A year nothing mentions cannot be answered; an unknown name or figure may be a paraphrase
                // ("America" for "US", "26.2 miles" for "marathon"), so it only weighs on coverage.
                if (YEAR_NUMBER.matcher(term.surface()).find()) {
                    return abstain("No article mentions \"" + term.surface() + "\".");
                }
                evidence.unknownTerms.add(term.term());
            }
        }
        Window best = null;
        List<Window> considered = new ArrayList<>();
        for (PassageHit hit : request.passages()) {
            List<Sentence> sentences = hit.stored().passage().sentences();
            for (int from = 0; from < sentences.size(); from++) {
                if (!evidence.answerable(sentences.get(from))) {
                    continue;
                }
                for (int to = from + 1; to <= Math.min(from + 2, sentences.size()); to++) {
                    if (to - from == 2 && !evidence.answerable(sentences.get(from + 1))) {
                        break;
                    }
                    Window window = evidence.score(hit, from, to);
                    considered.add(window);
                    if (best == null || window.score() > best.score()) {
                        best = window;
                    }
                }
            }
        }
        if (LOG.isDebugEnabled()) {
            logCandidates(request, question, considered);
        }
        if (best == null) {
            return abstain("No passage has a sentence that could answer the question.");
        }
        best = corroborated(question, considered, best);
        double confidence = confidence(best);
        if (best.missingRequired() > 0) {
            return abstain("No passage is about everything the question names.");
        }
        boolean typed = question.type() != AnswerType.OTHER && question.type() != AnswerType.DEFINITION;
        // Dates and numbers are found reliably, so their absence is decisive; names less so.
        double needed = RELIABLE_TYPES.contains(question.type()) ? Double.POSITIVE_INFINITY
                : tuning.minConfidenceWithoutType();
        if (typed && !best.typeMatch() && confidence < needed) {
            return abstain("The closest passages do not contain " + describe(question.type()) + ".");
        }
        // On words alone confidence is coverage, which a paraphrase keeps low; it needs its own bar.
        if (confidence < (Double.isNaN(best.semantic()) ? tuning.minConfidenceWithoutMeaning() : tuning.minConfidence())) {
            return abstain("No passage answers the question closely enough.");
        }
        return answerFrom(evidence.withContinuation(best));
    }

    /**
     * Answer redundancy. Windows that contain every word of the question each assert an answer ("NATO
     * Secretary General Mark Rutte", "NATO Secretary General Jens Stoltenberg"); when they disagree, the
     * answer asserted by the most articles wins, so that one article's odd claim does not outvote the rest.
     * Windows matching only part of the question say different things, so they do not vote.
     */
    private static Window corroborated(QuestionAnalysis question, List<Window> windows, Window best) {
        boolean entityAnswer = question.type() != AnswerType.OTHER && question.type() != AnswerType.DEFINITION;
        if (!entityAnswer || best.answerEntity() == null || !asserts(best)) {
            return best;
        }
        Map<String, Set<String>> articles = new HashMap<>();
        Map<String, Window> strongest = new HashMap<>();
        for (Window w : windows) {
            if (w.answerEntity() != null && asserts(w)) {
                String answer = answerKey(w.answerEntity());
                articles.computeIfAbsent(answer, a -> new HashSet<>()).add(w.hit().stored().article().id());
                strongest.merge(answer, w, (x, y) -> x.score() >= y.score() ? x : y);
            }
        }
        String winner = answerKey(best.answerEntity());
        for (Map.Entry<String, Set<String>> e : articles.entrySet()) {
            if (e.getValue().size() > articles.get(winner).size()) {
                winner = e.getKey();
            }
        }
        return strongest.get(winner);
    }

    private static boolean asserts(Window w) {
        return w.coverage() >= FULL_COVERAGE && w.missingRequired() == 0;
    }

    /** "NATO Secretary General Mark Rutte" and "Rutte" are one answer; so are "Erdoğan" and "Erdogan". */
    private static String answerKey(Entity e) {
        String text = e.kind() == Kind.PERSON || e.kind() == Kind.NAME ? EntityTagger.personName(e.text()) : e.text();
        if (e.kind() == Kind.PERSON) {
            text = text.substring(text.lastIndexOf(' ') + 1);
        }
        return String.join(" ", Terms.ofText(text));
    }

    private void logCandidates(AnswerRequest request, QuestionAnalysis question, List<Window> windows) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Q: %s | standalone: %s | type %s | terms %s%n", request.question(),
                request.standaloneQuestion(), question.type(), question.terms()));
        windows.stream().sorted((a, b) -> Double.compare(b.score(), a.score())).limit(DEBUG_WINDOWS)
                .forEach(w -> out.append(String.format(Locale.ROOT,
                        "  %.3f cov=%.2f sem=%.3f type=%s miss=%d conf=%.2f %s: %s%n", w.score(), w.coverage(),
                        w.semantic(), w.typeMatch(), w.missingRequired(), confidence(w),
                        w.hit().stored().passage().key(),
                        String.join(" ", w.sentences().stream().map(Sentence::text).toList()))));
        LOG.debug(out);
    }

    /**
     * Evidence independent of answer type: how well the window covers the question's words and
     * matches its meaning, or its meaning alone for a paraphrase.
     */
    double confidence(Window w) {
        if (Double.isNaN(w.semantic())) {
            return w.coverage();
        }
        double similarity = tuning.similarity(w.semantic());
        // Words count more than meaning: a shared name is firmer evidence than a similar embedding.
        return Math.max(0.6 * w.coverage() + 0.4 * similarity, tuning.semanticOnly() * similarity);
    }

    private static String describe(AnswerType type) {
        return switch (type) {
            case PERSON -> "a person's name";
            case PLACE -> "a place";
            case ORGANIZATION -> "an organisation";
            case DATE -> "a date";
            case YEAR -> "a year";
            case NUMBER -> "a number";
            case DURATION -> "a duration";
            case DEFINITION, OTHER -> "an answer";
        };
    }

    private static Answer abstain(String reason) {
        return Answer.notInCorpus(NAME, reason);
    }

    private static Answer answerFrom(Window best) {
        Article article = best.hit().stored().article();
        List<Sentence> sentences = best.sentences();
        String snippet = String.join(" ", sentences.stream().map(Sentence::text).toList());
        // The quote keeps any bracket the article has, but not as a marker: the only marker is CiteQA's own.
        String text = Markers.defuse(snippet) + " [" + article.id() + "]";
        Citation citation = new Citation(article.id(), article.title(), article.date(), snippet,
                sentences.getFirst().start(), sentences.getLast().end(), true);
        return new Answer(text, true, List.of(citation), NAME, List.of(), entityOf(best));
    }

    /** Whom a follow-up's "he" or "she" most likely means: the person the answer names, if any. */
    private static String entityOf(Window best) {
        Entity e = best.answerEntity();
        if (e == null || e.kind() != Kind.PERSON && e.kind() != Kind.NAME) {
            return null;
        }
        return e.kind() == Kind.PERSON ? EntityTagger.personName(e.text()) : e.text();
    }

    /** Per-question state: term rarity, the question vector, and per-sentence analysis shared by windows. */
    private final class Evidence {

        private final QuestionAnalysis question;
        private final IndexReader reader;
        private final int passages;
        private final Map<String, Double> idf = new HashMap<>();
        private final Map<String, Variants> variants = new HashMap<>();
        private final Map<Sentence, Analysed> analysed = new HashMap<>();
        private final Map<String, Set<String>> titleTerms = new HashMap<>();
        private final float[] questionVector;
        private final List<PassageHit> hits;
        private final Set<String> questionTerms = new HashSet<>();
        /** Required names and figures that no article spells in any form. */
        final Set<String> unknownTerms = new HashSet<>();
        private final Map<String, ArticleWords> articleWords = new HashMap<>();

        Evidence(QuestionAnalysis question, AnswerRequest request) {
            this.question = question;
            this.reader = request.index().searcher().getIndexReader();
            this.passages = Math.max(1, request.index().passageCount());
            this.hits = request.passages();
            // Without embeddings (BM25 mode) windows are judged on words alone. The rewritten text is the one
            // retrieval embedded, so the model runs once per question.
            this.questionVector = request.semantic()
                    ? embedder.embed(QuestionRewriter.normalise(request.standaloneQuestion())) : null;
            question.terms().forEach(t -> questionTerms.add(t.term()));
        }

        /** A required name or number that neither the index nor any retrieved passage spells in any form. */
        boolean unknown(QuestionTerm term) {
            if (docFreq(IndexConstants.BODY, term.term()) + docFreq(IndexConstants.TITLE, term.term()) > 0) {
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
            int words = EntityTagger.SPACES.split(s.text()).length;
            return words >= 12 || (words >= 4 && SENTENCE_END.matcher(s.text()).find());
        }

        Window score(PassageHit hit, int from, int to) {
            List<Sentence> sentences = hit.stored().passage().sentences();
            List<Analysed> window = new ArrayList<>();
            for (int i = from; i < to; i++) {
                window.add(analyse(sentences.get(i)));
            }
            Set<String> context = new HashSet<>(titleTerms(hit.stored().article()));
            for (Sentence s : sentences) {
                context.addAll(analyse(s).terms());
            }

            Coverage c = coverage(window, context, hit.stored().article());
            double coverage = c.value();
            int missingRequired = c.missingRequired();
            double semantic = semantic(hit, from, to);
            Entity entity = answerEntity(window);
            boolean typed = question.type() != AnswerType.OTHER;
            boolean typeMatch = question.type() == AnswerType.DEFINITION
                    ? window.stream().anyMatch(a -> describes(a.sentence().text(), question.subject()))
                    : entity != null;
            // A window about another story (a name or year of the question missing) ranks below any that is not.
            double meaning = Double.isNaN(semantic) ? 0 : tuning.similarity(semantic);
            double score = tuning.coverage() * coverage + tuning.semantic() * meaning
                    + tuning.type() * (typed ? (typeMatch ? 1 : 0) : 0.5)
                    - tuning.pairCost() * (to - from - 1)
                    - MISSING_NAME_PENALTY * missingRequired;
            return new Window(hit, from, to, coverage, semantic, typeMatch, missingRequired, score, entity);
        }

        /**
         * The window's closest meaning to the question: its best sentence, or for a pair the sentences' mean,
         * which stands for a meaning neither sentence may carry alone. NaN when meanings are not compared.
         */
        private double semantic(PassageHit hit, int from, int to) {
            if (questionVector == null || hit.stored().sentenceVectors().isEmpty()) {
                return Double.NaN;
            }
            double semantic = -1;
            float[] sum = new float[questionVector.length];
            for (int i = from; i < to; i++) {
                float[] v = hit.stored().sentenceVectors().get(i);
                semantic = Math.max(semantic, VectorUtil.dotProduct(questionVector, v));
                for (int d = 0; d < sum.length; d++) {
                    sum[d] += v[d];
                }
            }
            if (to - from > 1) {
                semantic = Math.max(semantic, VectorUtil.dotProduct(questionVector, VectorUtil.l2normalize(sum, false)));
            }
            return semantic;
        }

        private record Coverage(double value, int missingRequired) {}

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
                            credit = Math.max(credit, tuning.anchorCredit());
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
            return new Coverage(combine(anchorsFound, anchorsTotal, bestFocus, focusTotal), missingRequired);
        }

        /** Coverage of anchors and of focus terms, mixed in a fixed proportion when the question has both. */
        private double combine(double anchorsFound, double anchorsTotal, double focusFound, double focusTotal) {
            if (anchorsTotal == 0 || focusTotal == 0) {
                double total = anchorsTotal + focusTotal;
                return total == 0 ? 0 : (anchorsFound + focusFound) / total;
            }
            return tuning.anchorShare() * anchorsFound / anchorsTotal
                    + (1 - tuning.anchorShare()) * focusFound / focusTotal;
        }

        private double credit(QuestionTerm t, Analysed sentence, Set<String> context) {
            if (sentence.terms().contains(t.term())) {
                return 1;
            }
            boolean numeric = HAS_DIGIT.matcher(t.surface()).matches();
            if (!numeric && sentence.words().stream().anyMatch(w -> variantOf(t, w))) {
                return VARIANT_CREDIT;
            }
            if (!numeric && !t.required() && sentence.terms().stream().anyMatch(w -> relatedForm(t.term(), w))) {
                return RELATED_FORM_CREDIT;
            }
            return context.contains(t.term()) ? tuning.contextCredit() : 0;
        }

        /**
         * The phrase in the window that answers the question's type, other than the question's own words.
         * Of several, the one nearest the question's words wins, and a name that extends the question's own
         * phrase wins over all ("NATO Secretary General Mark Rutte" for "Who is the NATO Secretary General?").
         */
        private Entity answerEntity(List<Analysed> window) {
            Entity best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Analysed a : window) {
                if (a.terms().stream().noneMatch(questionTerms::contains)) {
                    // In a pair, a date in the sentence that says nothing of the question answers nothing.
                    continue;
                }
                for (Entity e : a.entities()) {
                    Set<String> own = Terms.ofText(e.text());
                    long shared = own.stream().filter(questionTerms::contains).count();
                    if (!fits(e) || shared == own.size() || !counts(e, a)) {
                        continue;
                    }
                    double score = (shared > 0 ? 1 : 0) - Math.min(distanceToQuestion(a, e), 200) / 200.0;
                    if (score > bestScore) {
                        best = e;
                        bestScore = score;
                    }
                }
            }
            return best;
        }

        /** Characters between the entity and the nearest question term in its sentence. */
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
         * For "How many prisoners?", "two parties" is not an answer: a spelled-out count must count them.
         * Nor is a sum of money, a share, a time ("2:06:12") or a score ("4-0"), which count nothing.
         */
        private boolean counts(Entity e, Analysed a) {
            String counted = question.quantityOf();
            if (counted == null || e.kind() != Kind.NUMBER) {
                return true;
            }
            if (HAS_DIGIT.matcher(e.text()).matches()) {
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
                case ORGANIZATION -> e.kind() != Kind.DATE && e.kind() != Kind.NUMBER && e.kind() != Kind.DURATION;
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
            ArticleWords lead = articleWords.computeIfAbsent(article.id(), id -> LEADS.get(article, a -> ArticleWords.of(a.metadataText()
                    + "\n" + String.join("\n", article.paragraphs().stream().limit(LEAD_PARAGRAPHS)
                            .map(Paragraph::text).toList()))));
            return lead.terms().contains(t.term()) || lead.words().stream().anyMatch(w -> variantOf(t, w));
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
            return idf.computeIfAbsent(term, t -> {
                int df = docFreq(IndexConstants.BODY, t);
                // BM25's IDF: a term in no passage gets the highest weight, which is what makes an unknown
                // word ("population") pull coverage down.
                return Math.log(1 + (passages - df + 0.5) / (df + 0.5));
            });
        }

        private int docFreq(String field, String term) {
            try {
                return reader.docFreq(new Term(field, term));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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
            return continues ? new Window(w.hit(), w.from(), w.to() + 1, w.coverage(), w.semantic(), w.typeMatch(),
                    w.missingRequired(), w.score(), w.answerEntity()) : w;
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
    }

    /**
     * The spellings a question word may take ("Erdoğan", "Erdogan", "Erdogans"), built once per question word:
     * a Levenshtein automaton of the plain word, and the prefix a variant must share, which rules most words
     * out before the automaton runs. No automaton for short words and figures, which only match exactly.
     */
    private record Variants(String target, int prefix, CharacterRunAutomaton automaton) {

        static Variants of(String surface) {
            String target = EntityTagger.plain(surface);
            if (target.length() < 5 || HAS_DIGIT.matcher(target).matches()) {
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
     * Whether the sentence describes the subject: an apposition ("Vladimir Medinsky, an adviser to ..."), a
     * role before the name ("presidential adviser Vladimir Medinski"), or "X is/was a ...".
     */
    static boolean describes(String sentence, String subject) {
        if (subject == null) {
            return false;
        }
        String[] names = subject.split("\\s+");
        String surname = names[names.length - 1].replaceAll("['’]s$", "");
        // Transliterated names vary at the end ("Medinsky", "Medinski"), so the last letters are left open.
        String approxSurname = surname.length() >= 6
                ? Pattern.quote(surname.substring(0, surname.length() - 2)) + "\\p{L}*"
                : Pattern.quote(surname);
        Pattern apposition = Pattern.compile("(?i)\\b" + approxSurname + "\\p{L}*,\\s+(?:a|an|the|who is|who was)\\s");
        Pattern roleBefore = Pattern.compile("\\b[a-z][\\p{L}-]*\\s+(?:\\p{Lu}\\p{L}+\\s+)?" + approxSurname);
        Pattern copula = Pattern.compile("(?i)\\b" + approxSurname + "\\p{L}*\\s+(?:is|was)\\s+(?:a|an|the)\\s");
        return apposition.matcher(sentence).find() || copula.matcher(sentence).find()
                || roleBeforeName(sentence, roleBefore);
    }

    private static boolean roleBeforeName(String sentence, Pattern roleBefore) {
        var m = roleBefore.matcher(sentence);
        while (m.find()) {
            String role = m.group().split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (EntityTagger.TITLES.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** An article's terms and words, for checking that it names what the question names. */
    private record ArticleWords(Set<String> terms, Set<String> words) {

        static ArticleWords of(String text) {
            Set<String> words = new HashSet<>();
            for (String w : NOT_WORD.split(text)) {
                if (!w.isEmpty()) {
                    words.add(EntityTagger.plain(w));
                }
            }
            return new ArticleWords(Terms.ofText(text), words);
        }
    }

    /** A sentence's terms, words and entities, computed once per question. */
    private record Analysed(Sentence sentence, List<NewsAnalyzer.Token> tokens, Set<String> terms, List<String> words,
            List<Entity> entities) {

        static Analysed of(Sentence s) {
            List<String> words = new ArrayList<>();
            for (String w : NOT_WORD.split(s.text())) {
                if (!w.isEmpty()) {
                    words.add(EntityTagger.plain(w));
                }
            }
            List<NewsAnalyzer.Token> tokens = Terms.ofSentence(s.text());
            Set<String> terms = new HashSet<>();
            tokens.forEach(t -> terms.add(t.term()));
            return new Analysed(s, tokens, terms, words, EntityTagger.tag(s.text()));
        }
    }
}
