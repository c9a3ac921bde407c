package dev.citeqa.answer.extractive;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.citeqa.answer.Answer;
import dev.citeqa.answer.AnswerRequest;
import dev.citeqa.collection.NewsCollection;
import dev.citeqa.collection.PassageChunker;
import dev.citeqa.collection.Sentence;
import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.embed.EmbeddingCache;
import dev.citeqa.embed.EmbeddingModels;
import dev.citeqa.embed.Embedder;
import dev.citeqa.eval.EvalMetrics;
import dev.citeqa.eval.EvalQuestion;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.IndexGenerator;
import dev.citeqa.index.IndexManager;
import dev.citeqa.search.PassageHit;
import dev.citeqa.search.PassageSearcher;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The {@code train} command: learns the extractive answerer's window scorer and abstention threshold from
 * questions whose accepted answers are known, and writes {@code src/main/resources/answerer/model.json}.
 *
 * <p>Every candidate window of the passages retrieved for a question is an example: positive when its quote
 * holds an accepted answer, negative otherwise; a question the corpus cannot answer gives only negatives,
 * which is what teaches the model to abstain. A logistic regression (Tribuo) learns the weights; the
 * abstention threshold is then the score below which the most unanswerable training questions are refused
 * while answer accuracy on the answerable ones stays within {@link #ANSWER_LOSS} of its best. The plan file
 * names the training and the held-out question sets; the command reports both, and never trains on the
 * second.
 *
 * <p>Usage: {@code scripts/train-answerer.sh} (see docs/evaluation.md).
 */
public final class TrainAnswerer {

    /** Answer accuracy on answerable training questions that abstention may cost. */
    static final double ANSWER_LOSS = 0.02;

    /** Windows without the answer each window with it is compared with, when learning to rank. */
    static final int PAIRS_PER_POSITIVE = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One question set: a corpus, its questions, which of them (an ID pattern), and the retrieval modes. */
    record QuestionSet(String name, String corpus, String questions, String ids, List<String> modes) {}

    /** The plan file: what to train on and what to hold out. */
    record Plan(List<QuestionSet> train, List<QuestionSet> heldOut) {}

    /** A question retrieved in one mode: the request the answerer reads. */
    record Case(QuestionSet set, EvalQuestion question, RetrievalMode mode, AnswerRequest request) {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path planFile = Path.of(options.getOrDefault("--plan", "eval/answerer-training.json"));
        Path out = Path.of(options.getOrDefault("--out", "src/main/resources/answerer/model.json"));
        Path data = Path.of(options.getOrDefault("--data", "target/train-data"));
        Plan plan = JSON.readValue(planFile.toFile(), Plan.class);
        PrintStream log = System.out;

        // The service's defaults, and any -Dciteqa.* setting given, so that a model can be trained on the
        // retrieval it will read from (the model file records such settings).
        CiteQaConfig config = CiteQaConfig.withSystemProperties();
        EmbeddingModels choice = EmbeddingModels.named(config.embedding().model());
        EmbeddingModel model = choice.load();
        AnswererModel start = AnswererModel.load();
        // Questions are embedded with the same model; their own cache keeps reruns from embedding them again.
        Embedder questions = new Embedder(model, EmbeddingCache.open(data.resolve("questions-" + choice.id()
                + ".bin"), model.dimension()));
        Map<String, float[]> sentences = new java.util.HashMap<>();
        ExtractiveAnswerer features = new ExtractiveAnswerer(questions, sentences::get, start);

        List<Case> training = new ArrayList<>();
        List<Case> heldOut = new ArrayList<>();
        for (QuestionSet set : plan.train()) {
            training.addAll(cases(set, data, config, choice, model, log));
        }
        for (QuestionSet set : plan.heldOut()) {
            heldOut.addAll(cases(set, data, config, choice, model, log));
        }

        // Sentence meanings for every window of the hybrid cases, once, through the persistent cache: the
        // service works them out for its best few windows only, the training needs them for all.
        List<String> texts = new ArrayList<>();
        for (Case c : training.size() > 0 ? concat(training, heldOut) : heldOut) {
            if (c.mode() != RetrievalMode.bm25) {
                c.request().passages().forEach(h -> h.stored().passage().sentences().forEach(x -> texts.add(x.text())));
            }
        }
        List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(texts));
        List<float[]> vectors = questions.embedAll(distinct);
        for (int i = 0; i < distinct.size(); i++) {
            sentences.put(distinct.get(i), vectors.get(i));
        }
        log.printf("%d sentences embedded or read from the cache%n", distinct.size());

        AnswererModel learned;
        if (options.containsKey("--evaluate")) {
            // Reports what a model file does on both halves, and writes nothing.
            learned = AnswererModel.read(Path.of(options.get("--evaluate")));
        } else if (options.containsKey("--thresholds")) {
            // Keeps a model file's weights and works out its thresholds again, by training's own rule, on the
            // retrieval of today's code and settings: the scores it sets them among move with what retrieval
            // hands the answerer, and the weights can stay when only those moved.
            String file = options.get("--thresholds");
            AnswererModel kept = AnswererModel.read(Path.of(file));
            Map<String, String> made = new LinkedHashMap<>(kept.made());
            // The rest of "made" tells how the weights were made, "settings" included; this, how the thresholds were.
            made.put("thresholds", "scripts/train-answerer.sh --thresholds " + file + " on " + LocalDate.now()
                    + ", with the service's defaults" + settings().map(s -> " and " + s).orElse("")
                    + ", on the training sets of " + planFile + "; the weights are kept as made");
            learned = withThresholds(kept.withWeights(kept.weights(), kept.bias(), kept.minScore(),
                    kept.minScoreWithoutMeaning(), made), questions, sentences, training, log);
            learned.write(out);
            log.println("Wrote " + out);
            log.println("minScore " + kept.minScore() + " → " + learned.minScore() + ", without meaning "
                    + kept.minScoreWithoutMeaning() + " → " + learned.minScoreWithoutMeaning());
        } else {
            learned = learn(start, features, questions, sentences, training, options, planFile, plan, log);
            learned.write(out);
            log.println("Wrote " + out);
            log.println("weights: " + learned.weights() + " bias " + learned.bias() + " minScore "
                    + learned.minScore() + " / " + learned.minScoreWithoutMeaning());
        }

        log.println();
        log.println("| half | set | mode | answerable | answer acc | answer in passages | abstention |");
        log.println("|---|---|---|---|---|---|---|");
        report("train", training, new ExtractiveAnswerer(questions, sentences::get, learned), log);
        report("held out", heldOut, new ExtractiveAnswerer(questions, sentences::get, learned), log);

        // What a better scorer could still win: where the best window holding an answer ranks by the model's
        // score, for the questions whose passages hold one.
        log.println();
        log.println("| half | set | mode | a window holds an answer | the best such window first | 2nd-3rd | 4th-10th | lower |");
        log.println("|---|---|---|---|---|---|---|---|");
        ranks("train", training, new ExtractiveAnswerer(questions, sentences::get, learned), log);
        ranks("held out", heldOut, new ExtractiveAnswerer(questions, sentences::get, learned), log);
    }

    /** Learns the window scorer's weights and the abstention thresholds from the training cases. */
    private static AnswererModel learn(AnswererModel start, ExtractiveAnswerer features, Embedder questions,
            Map<String, float[]> sentences, List<Case> training, Map<String, String> options, Path planFile, Plan plan,
            PrintStream log) {
        // Examples: every candidate window of every training case, holding an answer or not.
        String[] names = java.util.Arrays.stream(Feature.values()).map(Feature::key).toArray(String[]::new);
        Map<Case, List<Window>> yes = new LinkedHashMap<>();
        Map<Case, List<Window>> no = new LinkedHashMap<>();
        int positives = 0;
        int all = 0;
        // --without sentenceMeaning,speech: those features read as 0, so the model learns without them (what a
        // feature buys is the held-out difference between the two runs).
        List<Integer> dropped = dropped(options);
        for (Case c : training) {
            List<Window> good = new ArrayList<>();
            List<Window> bad = new ArrayList<>();
            for (Window w : windows(features, c)) {
                dropped.forEach(i -> w.features()[i] = 0);
                (holdsAnswer(features, c, w) ? good : bad).add(w);
            }
            yes.put(c, good);
            no.put(c, bad);
            positives += good.size();
            all += good.size() + bad.size();
        }
        log.printf(Locale.ROOT, "%d training cases, %d windows, %d holding an answer%n", training.size(), all,
                positives);

        boolean pairwise = "pairwise".equals(options.getOrDefault("--objective", "pairwise"));
        Map<String, Double> weights = new LinkedHashMap<>();
        double bias;
        if (pairwise) {
            // Learning to rank, against windows of the same question drawn at random. (Against the windows a
            // first model likes best instead, the mined pairs are mostly near-copies of the answer's own window,
            // and the weights learned from them were worse on every set.)
            java.util.Random random = new java.util.Random(17);
            train(pairs(yes, no, names, bad -> java.util.Collections.shuffle(bad, random)), names, weights);
            bias = 0; // differences of pairs have no intercept; the threshold below sets the scale's zero
        } else {
            MutableDataset<Label> dataset = dataset();
            for (Case c : training) {
                yes.get(c).forEach(w -> dataset.add(new ArrayExample<>(new Label("yes"), names, w.features())));
                no.get(c).forEach(w -> dataset.add(new ArrayExample<>(new Label("no"), names, w.features())));
            }
            bias = train(dataset, names, weights);
        }

        Map<String, String> made = new LinkedHashMap<>();
        made.put("by", "scripts/train-answerer.sh (dev.citeqa.answer.extractive.TrainAnswerer), Tribuo "
                + "logistic regression, " + (pairwise ? "pairwise (learning to rank)" : "pointwise"));
        made.put("plan", planFile.toString());
        made.put("train", String.join("; ", plan.train().stream().map(TrainAnswerer::describe).toList()));
        made.put("heldOut", String.join("; ", plan.heldOut().stream().map(TrainAnswerer::describe).toList()));
        made.put("date", LocalDate.now().toString());
        settings().ifPresent(settings -> made.put("settings", settings));
        return withThresholds(start.withWeights(weights, bias, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY,
                made), questions, sentences, training, log);
    }

    /** The -Dciteqa.* settings the retrieval was run with, if any. */
    private static Optional<String> settings() {
        String settings = System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("citeqa."))
                .sorted().map(k -> k + "=" + System.getProperty(k)).collect(Collectors.joining(" "));
        return settings.isEmpty() ? Optional.empty() : Optional.of(settings);
    }

    /** The model with its abstention thresholds worked out on the training cases; its weights and "made" kept. */
    private static AnswererModel withThresholds(AnswererModel weighted, Embedder questions,
            Map<String, float[]> sentences, List<Case> training, PrintStream log) {
        Map<String, String> made = weighted.made();
        AnswererModel unthresholded = weighted.withWeights(weighted.weights(), weighted.bias(),
                Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, made);
        ExtractiveAnswerer open = new ExtractiveAnswerer(questions, sentences::get, unthresholded);
        // One threshold per kind of score: with meanings compared (hybrid, dense) and without (BM25).
        double minScore = threshold(open, training.stream().filter(c -> c.mode() != RetrievalMode.bm25).toList(),
                log);
        double minScoreWithoutMeaning = threshold(open, training.stream()
                .filter(c -> c.mode() == RetrievalMode.bm25).toList(), log);
        return weighted.withWeights(weighted.weights(), weighted.bias(), minScore, minScoreWithoutMeaning, made);
    }

    private static String describe(QuestionSet set) {
        return set.name() + " (" + set.questions() + (set.ids() == null ? "" : ", ids " + set.ids()) + ")";
    }

    /** An indexed corpus and its searcher, shared by the sets that ask about it. */
    record Corpus(CorpusIndex index, PassageSearcher searcher) {}

    private static final Map<Path, Corpus> CORPORA = new LinkedHashMap<>();

    /** The corpus's index under {@code data}, built on first use; named after the corpus folder. */
    private static Corpus corpus(Path folder, Path data, CiteQaConfig config, EmbeddingModels choice,
            EmbeddingModel model) throws IOException {
        Path key = folder.toAbsolutePath().normalize();
        if (!CORPORA.containsKey(key)) {
            Path dir = data.resolve(key.getParent().getFileName() + "-" + key.getFileName());
            Embedder embedder = new Embedder(model, EmbeddingCache.open(dir.resolve("embeddings-" + choice.id()
                    + ".bin"), model.dimension()));
            PassageChunker chunker = PassageChunker.of(config.chunk());
            CorpusIndex index = new IndexManager(dir, folder,
                    new NewsCollection.Rules(config.corpus().maxFileBytes(), false),
                    "train;" + choice.id() + ";" + chunker.settings(), new IndexGenerator(chunker, embedder))
                    .openOrBuild().index();
            CORPORA.put(key, new Corpus(index, new PassageSearcher(embedder,
                    PassageSearcher.Settings.of(config.retrieval()))));
        }
        return CORPORA.get(key);
    }

    /** Every question of the set retrieved in each of its modes. */
    private static List<Case> cases(QuestionSet set, Path data, CiteQaConfig config, EmbeddingModels choice,
            EmbeddingModel model, PrintStream log) throws IOException {
        Corpus corpus = corpus(Path.of(set.corpus()), data, config, choice, model);
        CorpusIndex index = corpus.index();
        PassageSearcher searcher = corpus.searcher();
        Pattern ids = set.ids() == null ? null : Pattern.compile(set.ids());
        List<Case> cases = new ArrayList<>();
        for (EvalQuestion q : EvalQuestion.read(Path.of(set.questions()))) {
            // Conversations need the chat service to resolve them; single questions are what windows are about.
            if (q.turns().size() != 1 || ids != null && !ids.matcher(q.id()).find()) {
                continue;
            }
            for (String name : set.modes()) {
                RetrievalMode mode = RetrievalMode.valueOf(name);
                var analysis = dev.citeqa.analysis.QuestionAnalysis.of(q.lastTurn());
                List<PassageHit> passages = searcher.searchForAnswering(index, analysis, config.retrieval().passages(),
                        mode);
                cases.add(new Case(set, q, mode, new AnswerRequest(q.lastTurn(), q.lastTurn(), analysis, passages,
                        null, List.of(), index, mode != RetrievalMode.bm25)));
            }
        }
        log.printf("%s: %d cases over %d articles%n", set.name(), cases.size(), index.articleCount());
        return cases;
    }

    private static MutableDataset<Label> dataset() {
        return new MutableDataset<>(new SimpleDataSourceProvenance("answerer windows", new LabelFactory()),
                new LabelFactory());
    }

    /** Trains a logistic regression on {@code dataset}, puts its weights in {@code weights}, returns its bias. */
    static double train(MutableDataset<Label> dataset, String[] names, Map<String, Double> weights) {
        LinearSGDModel trained = new LogisticRegressionTrainer().train(dataset);
        return logOdds(trained, names, weights);
    }

    /**
     * Ranking examples: each window holding the answer against {@link #PAIRS_PER_POSITIVE} of the same
     * question's windows that do not, as {@code order} puts them first; the feature differences both ways round,
     * so that the weights learn what tells the windows apart rather than what makes a question easy.
     */
    static <K> MutableDataset<Label> pairs(Map<K, List<Window>> yes, Map<K, List<Window>> no,
            String[] names, java.util.function.Consumer<List<Window>> order) {
        MutableDataset<Label> dataset = dataset();
        for (Map.Entry<K, List<Window>> e : yes.entrySet()) {
            List<Window> bad = new ArrayList<>(no.get(e.getKey()));
            for (Window good : e.getValue()) {
                order.accept(bad);
                for (Window other : bad.subList(0, Math.min(PAIRS_PER_POSITIVE, bad.size()))) {
                    double[] diff = new double[names.length];
                    for (int i = 0; i < diff.length; i++) {
                        diff[i] = good.features()[i] - other.features()[i];
                    }
                    dataset.add(new ArrayExample<>(new Label("yes"), names, diff));
                    dataset.add(new ArrayExample<>(new Label("no"), names,
                            java.util.Arrays.stream(diff).map(d -> -d).toArray()));
                }
            }
        }
        return dataset;
    }

    /** Every candidate window of the case, each with its sentence meaning worked out. */
    private static List<Window> windows(ExtractiveAnswerer answerer, Case c) {
        ExtractiveAnswerer.Prepared prepared = answerer.prepare(c.request());
        if (prepared.abstention() != null) {
            return List.of();
        }
        return answerer.allWindows(prepared.evidence(), c.request().passages()).stream()
                .map(prepared.evidence()::withSentenceMeaning).toList();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Whether the window, as the answerer would quote it, holds an accepted answer. */
    private static boolean holdsAnswer(ExtractiveAnswerer answerer, Case c, Window w) {
        if (c.question().expectAbstain()) {
            return false;
        }
        String quote = EvalMetrics.normalise(String.join(" ", w.sentences().stream().map(Sentence::text).toList()));
        return c.question().answerAny().stream().anyMatch(a -> quote.contains(EvalMetrics.normalise(a)));
    }

    /**
     * The model's log-odds of "yes" as one weight per feature plus a bias. Tribuo's two-class logistic
     * regression keeps a row of weights per class, with the bias last; their difference is the log-odds.
     */
    private static double logOdds(LinearSGDModel trained, String[] names, Map<String, Double> weights) {
        DenseMatrix w = trained.getWeightsCopy();
        int yes = trained.getOutputIDInfo().getID(new Label("yes"));
        int no = trained.getOutputIDInfo().getID(new Label("no"));
        var features = trained.getFeatureIDMap();
        for (String name : names) {
            var info = features.get(name);
            weights.put(name, info == null ? 0.0 : w.get(yes, info.getID()) - w.get(no, info.getID()));
        }
        int bias = w.getDimension2Size() - 1;
        return w.get(yes, bias) - w.get(no, bias);
    }

    /**
     * A training question answered with no threshold: the score abstention judges (the best window's; -∞ when
     * the answerer abstained before scoring) and whether the quoted window holds an accepted answer.
     */
    record Outcome(double score, boolean right) {}

    /** The abstention threshold on the training cases, by {@link #threshold(Map, PrintStream)}. */
    private static double threshold(ExtractiveAnswerer answerer, List<Case> training, PrintStream log) {
        Map<String, List<Outcome>> bySet = new LinkedHashMap<>();
        for (Case c : training) {
            if (c.question().expectAbstain()) {
                continue;
            }
            ExtractiveAnswerer.Choice choice = answerer.choose(c.request());
            boolean quoted = choice.abstention() == null;
            bySet.computeIfAbsent(c.set().name(), k -> new ArrayList<>()).add(new Outcome(
                    quoted ? choice.score() : Double.NEGATIVE_INFINITY,
                    quoted && holdsAnswer(answerer, c, choice.window())));
        }
        return threshold(bySet, log);
    }

    /**
     * The abstention threshold: the highest score that keeps answer accuracy within {@link #ANSWER_LOSS} of its
     * accuracy with no threshold at all, on every training set at once (the lowest of the sets' own), so that a
     * large set of hard questions does not set a bar that a small corpus's answers cannot pass. Only the
     * answerable questions are read: the rule bounds what abstention costs, and the unanswerable ones gain
     * whatever that bar refuses.
     */
    static double threshold(Map<String, List<Outcome>> bySet, PrintStream log) {
        if (bySet.isEmpty()) {
            // With nothing to keep, any bar would do; the plan is missing a set for these retrieval modes.
            throw new IllegalArgumentException("no answerable training question in these modes to set a threshold on");
        }
        double chosen = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, List<Outcome>> e : bySet.entrySet()) {
            List<Outcome> outcomes = e.getValue();
            long best = outcomes.stream().filter(Outcome::right).count();
            // In whole answers, so that 2 of 100 is within 0.02 however the division rounds.
            long floor = best - (long) Math.floor(ANSWER_LOSS * outcomes.size() + 1e-9);
            double highest = Double.NEGATIVE_INFINITY;
            for (Outcome candidate : outcomes) {
                double t = candidate.score();
                long right = outcomes.stream().filter(o -> o.right() && o.score() >= t).count();
                if (!Double.isInfinite(t) && right >= floor && t > highest) {
                    highest = t;
                }
            }
            if (highest == Double.NEGATIVE_INFINITY) {
                // Every question refused before scoring: no bar can be read, and none would turn abstention off.
                throw new IllegalArgumentException(e.getKey() + ": no answerable question was scored");
            }
            log.printf(Locale.ROOT, "%s: threshold %.3f keeps %d of %d right answers (%d with no threshold)%n",
                    e.getKey(), highest, floor, outcomes.size(), best);
            chosen = Math.min(chosen, highest);
        }
        return chosen;
    }

    private static boolean correct(Case c, Answer answer) {
        String text = EvalMetrics.normalise(answer.text());
        return c.question().answerAny().stream().anyMatch(a -> text.contains(EvalMetrics.normalise(a)));
    }

    private static void report(String half, List<Case> cases, ExtractiveAnswerer answerer, PrintStream log) {
        Map<String, int[]> rows = new LinkedHashMap<>(); // answerable, right, in passages, abstain cases, abstained
        for (Case c : cases) {
            int[] row = rows.computeIfAbsent(c.set().name() + " | " + c.mode(), k -> new int[5]);
            Answer answer = answerer.answer(c.request());
            if (c.question().expectAbstain()) {
                row[3]++;
                row[4] += answer.answered() ? 0 : 1;
            } else {
                row[0]++;
                row[1] += answer.answered() && correct(c, answer) ? 1 : 0;
                String read = EvalMetrics.normalise(String.join(" ", c.request().passages().stream()
                        .map(h -> h.stored().passage().text()).toList()));
                row[2] += c.question().answerAny().stream().anyMatch(a -> read.contains(EvalMetrics.normalise(a)))
                        ? 1 : 0;
            }
        }
        rows.forEach((key, r) -> log.printf(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %s |%n", half, key, r[0],
                ratio(r[1], r[0]), ratio(r[2], r[0]), r[3] == 0 ? "–" : String.format(Locale.ROOT, "%.3f (%d)",
                        ratio(r[4], r[3]), r[3])));
    }

    /** Rank buckets' upper ends (exclusive): first, 2nd-3rd, 4th-10th, lower. */
    private static final int[] RANK_BUCKETS = {1, 3, 10, Integer.MAX_VALUE};

    private static void ranks(String half, List<Case> cases, ExtractiveAnswerer answerer, PrintStream log) {
        Map<String, int[]> rows = new LinkedHashMap<>(); // per bucket; the last slot counts the questions
        for (Case c : cases) {
            int rank = answerRank(answerer, c);
            if (rank >= 0) {
                int[] row = rows.computeIfAbsent(c.set().name() + " | " + c.mode(), k -> new int[5]);
                int bucket = 0;
                while (rank >= RANK_BUCKETS[bucket]) {
                    bucket++;
                }
                row[bucket]++;
                row[4]++;
            }
        }
        rows.forEach((key, r) -> log.printf(Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %d |%n", half, key, r[4],
                r[0], r[1], r[2], r[3]));
    }

    /**
     * The place (0 for first) of the best-scored window holding an answer among the case's candidate windows,
     * or -1 when none holds one or the answerer abstains before scoring.
     */
    private static int answerRank(ExtractiveAnswerer answerer, Case c) {
        if (c.question().expectAbstain()) {
            return -1;
        }
        ExtractiveAnswerer.Prepared prepared = answerer.prepare(c.request());
        if (prepared.abstention() != null) {
            return -1;
        }
        // Among the windows the answerer may quote.
        List<Window> windows = new ArrayList<>(ExtractiveAnswerer.eligible(c.request().analysis(),
                prepared.evidence(), answerer.candidates(prepared.evidence(), c.request().passages())));
        windows.sort(java.util.Comparator.comparingDouble(Window::score).reversed());
        for (int i = 0; i < windows.size(); i++) {
            if (holdsAnswer(answerer, c, windows.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    /** The features {@code --without} names, by ordinal; an unknown name is an error. */
    private static List<Integer> dropped(Map<String, String> options) {
        return java.util.Arrays.stream(options.getOrDefault("--without", "").split(","))
                .filter(k -> !k.isBlank()).map(k -> java.util.Arrays.stream(Feature.values())
                        .filter(f -> f.key().equals(k)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no feature " + k)).ordinal())
                .toList();
    }

    /** The known options; anything else is an error, not a typo that trains the default way. */
    private static final List<String> OPTIONS = List.of("--plan", "--out", "--data", "--without", "--objective",
            "--evaluate", "--thresholds");

    /** With {@code option} given, none of {@code others} may be: it would be ignored, for the reason {@code why}. */
    private static void alone(Map<String, String> options, String option, String why, List<String> others) {
        if (!options.containsKey(option)) {
            return;
        }
        for (String other : others) {
            if (options.containsKey(other)) {
                throw new IllegalArgumentException(option + " " + why + ": " + other + " does not go with it");
            }
        }
    }

    /** The command line's options, checked before any index is opened or model loaded. */
    static Map<String, String> options(String[] args) {
        if (args.length % 2 != 0) {
            // "--evaluate" without its file must not fall through to training over the shipped model.
            throw new IllegalArgumentException("every option takes a value: " + String.join(" ", args));
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!OPTIONS.contains(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + OPTIONS);
            }
            if (options.put(args[i], args[i + 1]) != null) {
                throw new IllegalArgumentException(args[i] + " is given twice");
            }
        }
        String objective = options.getOrDefault("--objective", "pairwise");
        if (!objective.equals("pairwise") && !objective.equals("pointwise")) {
            throw new IllegalArgumentException("--objective is pairwise or pointwise, not " + objective);
        }
        alone(options, "--thresholds", "keeps the file's weights", List.of("--evaluate", "--without", "--objective"));
        alone(options, "--evaluate", "trains and writes nothing", List.of("--without", "--objective", "--out"));
        dropped(options); // an unknown feature name fails here, before any index is opened
        return options;
    }
}
