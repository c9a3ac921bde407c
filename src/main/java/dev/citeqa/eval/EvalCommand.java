package dev.citeqa.eval;

import dev.citeqa.answer.Citation;
import dev.citeqa.app.IndexService;
import dev.citeqa.chat.ChatService;
import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.search.PassageHit;
import dev.citeqa.search.PassageSearcher;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;

/**
 * Runs the whole pipeline in-process on a question file and prints the public scorer's measures, for one
 * retrieval mode or all three side by side. See {@link EvalOptions} for the command line.
 */
public class EvalCommand implements QuarkusApplication {

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
        PrintStream out = System.out;
        List<RetrievalMode> modes = options.allModes() ? List.of(RetrievalMode.values())
                : List.of(options.mode() == null ? config.retrieval().mode() : options.mode());
        out.printf("%d questions from %s; corpus %s (%d articles, %d passages); answerer %s%n", questions.size(),
                options.questions(), config.corpus().dir(), indexService.current().articles().size(),
                indexService.current().passageCount(), chat.defaultAnswerer());
        Map<RetrievalMode, EvalMetrics> metrics = evaluate(questions, modes, options.verbose(), out);
        for (RetrievalMode mode : modes) {
            EvalMetrics m = metrics.get(mode);
            out.printf(Locale.ROOT, "mode=%s answer_acc=%.3f cite_ok=%.3f cite_prec=%.3f abstain_acc=%.3f "
                            + "hit@1=%.3f hit@5=%.3f mrr=%.3f p50_ms=%d%n", mode, m.answerAccuracy(),
                    m.citationAccuracy(), m.citationPrecision(), m.abstentionAccuracy(), m.hitAt1(), m.hitAt5(),
                    m.mrr(), m.p50Ms());
        }
        if (options.allModes()) {
            out.println();
            out.println("| mode | hit@1 | hit@5 | MRR | answer acc | citation acc | abstention | p50 ms |");
            out.println("|---|---|---|---|---|---|---|---|");
            for (RetrievalMode mode : modes) {
                EvalMetrics m = metrics.get(mode);
                out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %s | %d |%n", mode, m.hitAt1(),
                        m.hitAt5(), m.mrr(), m.answerAccuracy(), m.citationAccuracy(), m.abstention(), m.p50Ms());
            }
        }
        return 0;
    }

    /**
     * Asks every question in every mode, mode after mode for each question rather than mode after mode for
     * the whole file, so that JIT warm-up and load from elsewhere touch the modes' latencies alike.
     */
    private Map<RetrievalMode, EvalMetrics> evaluate(List<EvalQuestion> questions, List<RetrievalMode> modes,
            boolean verbose, PrintStream out) {
        Map<RetrievalMode, EvalMetrics> metrics = new EnumMap<>(RetrievalMode.class);
        for (RetrievalMode mode : modes) {
            metrics.put(mode, new EvalMetrics());
            // An untimed question first, so that the first timing does not include class loading.
            chat.ask("warm-up", "eval-warm-up-" + mode, mode);
        }
        for (EvalQuestion q : questions) {
            for (RetrievalMode mode : modes) {
                String row = evaluate(q, mode, metrics.get(mode));
                if (verbose) {
                    out.println(modes.size() > 1 ? mode + " " + row : row);
                }
            }
        }
        return metrics;
    }

    /** One question in one mode; returns the report line. */
    private String evaluate(EvalQuestion q, RetrievalMode mode, EvalMetrics metrics) {
        String conversation = "eval-" + UUID.randomUUID();
        ChatService.Result result = null;
        for (String turn : q.turns()) {
            long started = System.nanoTime();
            result = chat.ask(turn, conversation, mode);
            metrics.addLatency((System.nanoTime() - started) / 1_000_000);
        }
        List<String> cited = result.answer().citations().stream().map(Citation::id).toList();
        boolean ok = metrics.addAnswer(q, result.answer().text(), result.answer().answered(), cited);
        String rank = "";
        if (!q.expectAbstain() && q.turns().size() == 1) {
            List<String> ids = searcher.search(indexService.current(), q.lastTurn(), 10, mode).stream()
                    .map(PassageHit::stored)
                    .map(s -> s.passage().articleId())
                    .toList();
            rank = " rank=" + metrics.addRanking(q, ids);
        }
        return String.format("%s %s%s cites=%s | %s", q.id(), ok ? "ok" : "WRONG", rank, cited,
                result.answer().text().replaceAll("\\s+", " "));
    }
}
