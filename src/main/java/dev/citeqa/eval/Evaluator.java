package dev.citeqa.eval;

import dev.citeqa.analysis.Spelling;
import dev.citeqa.answer.AnswerSpan;
import dev.citeqa.answer.Citation;
import dev.citeqa.chat.ChatService;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.search.PassageSearcher;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Runs question files through the pipeline and scores them as the public scorer does. */
public final class Evaluator {

    private final ChatService chat;
    private final PassageSearcher searcher;
    private final Supplier<CorpusIndex> index;
    private final Spelling.Settings spelling;

    public Evaluator(ChatService chat, PassageSearcher searcher, Supplier<CorpusIndex> index,
            Spelling.Settings spelling) {
        this.chat = chat;
        this.searcher = searcher;
        this.index = index;
        this.spelling = spelling;
    }

    /**
     * Asks every question in every mode, mode after mode for each question rather than mode after mode for
     * the whole file, so that JIT warm-up and load from elsewhere touch the modes' latencies alike.
     *
     * @param report receives one line per question and mode: id, ok or WRONG, rank, citations, answer
     */
    public Map<RetrievalMode, EvalMetrics> run(List<EvalQuestion> questions, List<RetrievalMode> modes,
            Consumer<String> report) {
        Map<RetrievalMode, EvalMetrics> metrics = new EnumMap<>(RetrievalMode.class);
        for (RetrievalMode mode : modes) {
            metrics.put(mode, new EvalMetrics());
            // An untimed question first, so that the first timing does not include class loading.
            chat.ask("warm-up", "eval-warm-up-" + mode, mode);
        }
        for (EvalQuestion q : questions) {
            for (RetrievalMode mode : modes) {
                String row = evaluate(q, mode, metrics.get(mode));
                report.accept(modes.size() > 1 ? mode + " " + row : row);
            }
        }
        return metrics;
    }

    private String evaluate(EvalQuestion q, RetrievalMode mode, EvalMetrics metrics) {
        String conversation = "eval-" + UUID.randomUUID();
        ChatService.Result result = null;
        for (String turn : q.turns()) {
            long started = System.nanoTime();
            result = chat.ask(turn, conversation, mode);
            metrics.addLatency((System.nanoTime() - started) / 1_000_000);
        }
        List<String> cited = result.answer().citations().stream().map(Citation::id).toList();
        metrics.addSpelling(!result.corrections().isEmpty(), result.suggestedQuestion() != null);
        boolean ok = metrics.addAnswer(q, result.answer().text(), result.answer().answered(), cited);
        AnswerSpan span = result.answer().answered() ? result.answer().answerSpan() : null;
        metrics.addPhrase(q, span == null ? null : span.answer());
        boolean inContext = metrics.addContext(q,
                result.passages().stream().map(hit -> hit.stored().passage().text()).toList());
        String rank = "";
        // As the public scorer: ranking is measured on single-turn answerable questions.
        if (!q.expectAbstain() && q.turns().size() == 1) {
            // Corrected as /api/search corrects it.
            CorpusIndex corpus = index.get();
            String query = Spelling.correct(q.lastTurn(), corpus.termStats(), spelling).text();
            List<String> ids = searcher.search(corpus, query, 10, mode).stream()
                    .map(hit -> hit.stored().passage().articleId())
                    .toList();
            rank = " rank=" + metrics.addRanking(q, ids);
        }
        String read = (result.corrections().isEmpty() ? "" : " read=\"" + result.standaloneQuestion() + "\"")
                + (result.suggestedQuestion() == null ? "" : " offered=\"" + result.suggestedQuestion() + "\"");
        return String.format("%s %s%s%s cites=%s%s%s | %s", q.id(), ok ? "ok" : "WRONG", rank,
                q.expectAbstain() ? "" : inContext ? " ctx=yes" : " ctx=no", cited, read,
                span == null ? "" : " phrase=\"" + span.answer() + "\"", result.answer().text().replaceAll("\\s+", " "));
    }
}
