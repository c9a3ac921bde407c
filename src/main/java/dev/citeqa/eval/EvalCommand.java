package dev.citeqa.eval;

import dev.citeqa.app.IndexService;
import dev.citeqa.app.Reindex;
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
        if (!indexService.isReady()) {
            throw new IllegalStateException("the corpus could not be indexed: " + indexService.buildError());
        }
        List<RetrievalMode> modes = options.allModes() ? List.of(RetrievalMode.values())
                : List.of(options.mode() == null ? config.retrieval().mode() : options.mode());
        describeCorpus(out);
        out.printf("%d questions from %s; answerer %s, %s%n", questions.size(), options.questions(),
                chat.defaultAnswerer(), chat.comparesMeanings() ? "comparing meanings" : "on words alone");
        int total = questions.size();
        int[] asked = {0};
        long started = System.nanoTime();
        Map<RetrievalMode, EvalMetrics> metrics = new Evaluator(chat, searcher, indexService::current)
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
        for (RetrievalMode mode : modes) {
            EvalMetrics m = metrics.get(mode);
            out.printf(Locale.ROOT, "mode=%s answer_acc=%.3f cite_ok=%.3f cite_prec=%.3f abstain_acc=%.3f "
                            + "hit@1=%.3f hit@5=%.3f mrr=%.3f ctx_recall=%.3f p50_ms=%d "
                            + "phrase_ok=%.3f phrase_shown=%.3f%n",
                    mode, m.answerAccuracy(), m.citationAccuracy(), m.citationPrecision(), m.abstentionAccuracy(),
                    m.hitAt1(), m.hitAt5(), m.mrr(), m.contextRecall(), m.p50Ms(), m.phraseAccuracy(),
                    m.phraseShare());
        }
        if (options.allModes()) {
            out.println();
            out.println("| mode | hit@1 | hit@5 | MRR | ctx recall | answer acc | citation acc | abstention | p50 ms |");
            out.println("|---|---|---|---|---|---|---|---|---|");
            for (RetrievalMode mode : modes) {
                EvalMetrics m = metrics.get(mode);
                out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %s | %d |%n", mode,
                        m.hitAt1(), m.hitAt5(), m.mrr(), m.contextRecall(), m.answerAccuracy(), m.citationAccuracy(),
                        m.abstention(), m.p50Ms());
            }
        }
        return 0;
    }

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
        skipped.stream().limit(SKIPPED_SHOWN).forEach(s -> out.printf("  skipped %s: %s%n", s.file(), s.reason().code()));
    }

    /** Skipped files named one by one; the rest are only counted. */
    private static final int SKIPPED_SHOWN = 20;
}
