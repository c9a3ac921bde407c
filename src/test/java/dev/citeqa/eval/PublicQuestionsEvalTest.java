package dev.citeqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.answer.Citation;
import dev.citeqa.app.IndexService;
import dev.citeqa.chat.ChatService;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.search.PassageSearcher;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The acceptance bar of the core issue, on the project's copy of the public question set. */
@QuarkusTest
class PublicQuestionsEvalTest {

    @Inject
    ChatService chat;

    @Inject
    PassageSearcher searcher;

    @Inject
    IndexService indexService;

    @Test
    void publicQuestionsMeetTheBar() throws IOException {
        List<EvalQuestion> questions = EvalQuestion.read(Path.of("eval/questions.jsonl"));
        EvalMetrics metrics = new EvalMetrics();
        StringBuilder report = new StringBuilder();
        for (EvalQuestion q : questions) {
            String conversation = UUID.randomUUID().toString();
            ChatService.Result result = null;
            for (String turn : q.turns()) {
                result = chat.ask(turn, conversation, RetrievalMode.hybrid);
            }
            List<String> cited = result.answer().citations().stream().map(Citation::id).toList();
            boolean ok = metrics.addAnswer(q, result.answer().text(), result.answer().answered(), cited);
            if (!q.expectAbstain() && q.turns().size() == 1) {
                metrics.addRanking(q, searcher.search(indexService.current(), q.lastTurn(), 10, RetrievalMode.hybrid)
                        .stream().map(h -> h.stored().passage().articleId()).toList());
            }
            report.append(q.id()).append(ok ? " ok " : " WRONG ").append(result.answer().text()).append('\n');
        }
        assertTrue(metrics.answerAccuracy() >= 0.8, "answer accuracy " + metrics.answerAccuracy() + "\n" + report);
        assertTrue(metrics.citationAccuracy() >= 0.9, "citation accuracy " + metrics.citationAccuracy() + "\n" + report);
        assertEquals("2/2", metrics.abstention(), report.toString());
        assertTrue(metrics.mrr() >= 0.8, "MRR " + metrics.mrr());
    }
}
