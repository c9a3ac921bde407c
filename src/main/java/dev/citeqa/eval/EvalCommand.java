package dev.citeqa.eval;

import dev.citeqa.app.IndexService;
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
        // The index builds in the background; evaluate the whole of it, vectors included.
        indexService.awaitSettled(java.time.Duration.ofDays(1));
        if (!indexService.isReady()) {
            throw new IllegalStateException("the corpus could not be indexed: " + indexService.buildError());
        }
        List<RetrievalMode> modes = options.allModes() ? List.of(RetrievalMode.values())
                : List.of(options.mode() == null ? config.retrieval().mode() : options.mode());
        out.printf("%d questions from %s; corpus %s (%d articles, %d passages); answerer %s%n", questions.size(),
                options.questions(), config.corpus().dir(), indexService.current().articleCount(),
                indexService.current().passageCount(), chat.defaultAnswerer());
        Map<RetrievalMode, EvalMetrics> metrics = new Evaluator(chat, searcher, indexService::current)
                .run(questions, modes, row -> {
                    if (options.verbose()) {
                        out.println(row);
                    }
                });
        for (RetrievalMode mode : modes) {
            EvalMetrics m = metrics.get(mode);
            out.printf(Locale.ROOT, "mode=%s answer_acc=%.3f cite_ok=%.3f cite_prec=%.3f abstain_acc=%.3f "
                            + "hit@1=%.3f hit@5=%.3f mrr=%.3f ctx_recall=%.3f p50_ms=%d%n", mode, m.answerAccuracy(),
                    m.citationAccuracy(), m.citationPrecision(), m.abstentionAccuracy(), m.hitAt1(), m.hitAt5(),
                    m.mrr(), m.contextRecall(), m.p50Ms());
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
}
