package dev.citeqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.app.IndexService;
import dev.citeqa.chat.ChatService;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.search.PassageSearcher;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
        StringBuilder report = new StringBuilder();
        EvalMetrics metrics = new Evaluator(chat, searcher, indexService::current)
                .run(questions, List.of(RetrievalMode.hybrid), row -> report.append(row).append('\n'))
                .get(RetrievalMode.hybrid);
        assertTrue(metrics.answerAccuracy() >= 0.8, "answer accuracy " + metrics.answerAccuracy() + "\n" + report);
        assertTrue(metrics.citationAccuracy() >= 0.9, "citation accuracy " + metrics.citationAccuracy() + "\n" + report);
        assertEquals("2/2", metrics.abstention(), report.toString());
        assertTrue(metrics.mrr() >= 0.8, "MRR " + metrics.mrr());
    }
}
