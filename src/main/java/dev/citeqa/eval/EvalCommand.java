package dev.citeqa.eval;

import dev.citeqa.analysis.Spelling;
import dev.citeqa.app.IndexService;
import dev.citeqa.app.Reindex;
import dev.citeqa.collection.FileNames;
import dev.citeqa.collection.NewsCollection;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.chat.ChatService;
import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.search.PassageSearcher;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the whole pipeline in-process on a question file and prints the public scorer's measures, for one
 * retrieval mode or all three side by side. See {@link EvalOptions} for the command line.
 */
public class EvalCommand implements QuarkusApplication {

    /** Questions between two progress lines. */
    private static final int PROGRESS_EVERY = 50;

    @Inject
    ChatService chat;

    @Inject
    PassageSearcher searcher;

    @Inject
    Spelling.Settings spelling;

    @Inject
    IndexService indexService;

    @Inject
    CiteQaConfig config;

    @Override
    public int run(String... args) throws Exception {
        EvalOptions options = EvalOptions.parse(args);
        List<EvalQuestion> questions = EvalQuestion.read(Path.of(options.questions()));
        questions = questions.subList(0, Math.min(options.limit(), questions.size()));
        PrintStream out = System.out;
        // The index builds in the background; evaluate the whole of it, vectors included.
        indexService.awaitSettled(java.time.Duration.ofDays(1));
        String corpus = config.corpus().dir();
        if (!indexService.isReady()) {
            // The service's messages name the folder "<corpus>" so as not to show clients its path; this is its owner.
            String why = indexService.buildError();
            throw new IllegalStateException(why == null ? "the corpus was not indexed: the build was stopped"
                    : "the corpus could not be indexed: " + why.replace("<corpus>", corpus)
                            .replace("<data>", config.data().dir()));
        }
        List<RetrievalMode> modes = options.allModes() ? List.of(RetrievalMode.values())
                : List.of(options.mode() == null ? config.retrieval().mode() : options.mode());
        describeCorpus(out);
        if (questions.isEmpty()) {
            // How the benchmarks build an index: as the service would, and nothing asked.
            out.printf("no questions in %s: the index is built, nothing is asked%n", options.questions());
            return 0;
        }
        if (indexService.current().articleCount() == 0) {
            throw new IllegalStateException("the corpus folder " + corpus + " holds no article to ask about");
        }
        warnOfMissingGold(questions);
        out.printf("%d questions from %s; answerer %s, %s%n", questions.size(), options.questions(),
                chat.defaultAnswerer(), chat.comparesMeanings() ? "comparing meanings" : "on words alone");
        int total = questions.size();
        int[] asked = {0};
        long started = System.nanoTime();
        Map<RetrievalMode, EvalMetrics> metrics = new Evaluator(chat, searcher, indexService::current, spelling)
                .run(questions, modes, row -> {
                    if (options.verbose()) {
                        out.println(row);
                    }
                    // A large set takes minutes: a line on stderr now and then says how far it is.
                    if (++asked[0] % (PROGRESS_EVERY * modes.size()) == 0) {
                        System.err.printf(Locale.ROOT, "... %d of %d questions in %.0f s%n",
                                asked[0] / modes.size(), total, (System.nanoTime() - started) / 1e9);
                    }
                });
        EvalMetrics counted = metrics.get(modes.getFirst());
        out.printf("%d to answer (%d of them ranked against their gold articles), %d to abstain on; %d read with "
                + "a word's spelling corrected, %d answered as written with a name's spelling offered%n", counted.answerable(), counted.ranked(),
                counted.abstainCases(), counted.corrected(), counted.offered());
        for (RetrievalMode mode : modes) {
            EvalMetrics m = metrics.get(mode);
            // A figure with nothing to measure is n/a, not 0.000, which would read as a failure.
            int answerable = m.answerable();
            out.printf(Locale.ROOT, "mode=%s answer_acc=%s cite_ok=%s cite_prec=%s abstain_acc=%s "
                            + "hit@1=%s hit@5=%s mrr=%s ctx_recall=%s p50_ms=%d phrase_ok=%s phrase_shown=%s%n",
                    mode, figure(m.answerAccuracy(), answerable), figure(m.citationAccuracy(), answerable),
                    figure(m.citationPrecision(), answerable), figure(m.abstentionAccuracy(), m.abstainCases()),
                    figure(m.hitAt1(), m.ranked()), figure(m.hitAt5(), m.ranked()), figure(m.mrr(), m.ranked()),
                    figure(m.contextRecall(), answerable), m.p50Ms(), figure(m.phraseAccuracy(), answerable),
                    figure(m.phraseShare(), answerable));
        }
        if (options.allModes()) {
            out.println();
            out.println("| mode | hit@1 | hit@5 | MRR | ctx recall | answer acc | citation acc | abstention | p50 ms |");
            out.println("|---|---|---|---|---|---|---|---|---|");
            for (RetrievalMode mode : modes) {
                EvalMetrics m = metrics.get(mode);
                out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %d |%n", mode,
                        figure(m.hitAt1(), m.ranked()), figure(m.hitAt5(), m.ranked()), figure(m.mrr(), m.ranked()),
                        figure(m.contextRecall(), m.answerable()), figure(m.answerAccuracy(), m.answerable()),
                        figure(m.citationAccuracy(), m.answerable()), m.abstention(), m.p50Ms());
            }
        }
        return 0;
    }

    private static String figure(double value, int cases) {
        return cases == 0 ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }

    /**
     * Gold article IDs the index lacks, on stderr: such a question can never rank its article, and a misspelt
     * ID would otherwise read as a retrieval failure.
     */
    private void warnOfMissingGold(List<EvalQuestion> questions) {
        CorpusIndex index = indexService.current();
        List<String> missing = new java.util.ArrayList<>();
        for (EvalQuestion q : questions) {
            q.gold().stream().filter(id -> index.article(id).isEmpty())
                    .forEach(id -> missing.add("question " + q.id() + ": \"" + id + "\""));
        }
        if (!missing.isEmpty()) {
            System.err.printf("warning: %d gold article IDs are not in the corpus (an ID is the file name without "
                    + ".txt), so those questions cannot rank them: %s%s%n", missing.size(),
                    String.join(", ", missing.subList(0, Math.min(MISSING_SHOWN, missing.size()))),
                    missing.size() > MISSING_SHOWN ? ", …" : "");
        }
    }

    /** Missing gold IDs named one by one; the rest are only counted. */
    private static final int MISSING_SHOWN = 10;

    /**
     * What was indexed and how: articles, passages and embedded texts per article, the share of articles with a
     * publication date, the time the index took, and the files left out with their reasons.
     */
    private void describeCorpus(PrintStream out) {
        CorpusIndex index = indexService.current();
        int articles = Math.max(1, index.articleCount());
        long dated = index.articles().stream().filter(a -> a.date() != null).count();
        Reindex last = indexService.lastReindex();
        out.printf(Locale.ROOT, "corpus %s: %d articles, %d passages (%.1f per article), %.1f texts embedded per "
                        + "article, %.1f%% dated; index %s in %d ms%n", config.corpus().dir(), index.articleCount(),
                index.passageCount(), (double) index.passageCount() / articles,
                index.hasVectors() ? (double) index.passageCount() / articles : 0.0, 100.0 * dated / articles,
                last == null ? "opened" : last.outcome(), last == null ? 0 : last.durationMs());
        List<NewsCollection.Skipped> skipped = indexService.skipped();
        Map<String, Long> byReason = new TreeMap<>();
        skipped.forEach(s -> byReason.merge(s.reason().code(), 1L, Long::sum));
        out.printf("skipped %d files%s%n", skipped.size(), skipped.isEmpty() ? "" : " " + byReason);
        skipped.stream().limit(SKIPPED_SHOWN).forEach(s -> out.println(skippedLine(s)));
    }

    /** A skipped file as the output names it: escaped as the log escapes it, so that a name is one line and no escape sequence. */
    static String skippedLine(NewsCollection.Skipped skipped) {
        return "  skipped " + FileNames.forLog(skipped.file()) + ": " + skipped.reason().code();
    }

    /** Skipped files named one by one; the rest are only counted. */
    private static final int SKIPPED_SHOWN = 20;
}
