package dev.citeqa.answer.llm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OllamaModelCheckTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void aServerWithTheModelIsFineAndOneWithoutItSaysWhatToPull() {
        try (FakeModelServer server = new FakeModelServer()) {
            String url = "http://localhost:" + server.port();
            assertNull(OllamaModelCheck.problem(url, FakeModelResource.MODEL, TIMEOUT));
            String problem = OllamaModelCheck.problem(url, "llama3.1:8b", TIMEOUT);
            assertTrue(problem.contains("has no model llama3.1:8b (it has " + FakeModelResource.MODEL + ")")
                    && problem.contains("`ollama pull llama3.1:8b`"), problem);
            assertTrue(server.calls().isEmpty(), "listing the models is no model call");
        }
    }

    @Test
    void aServerThatDoesNotAnswerIsSaidSo() throws Exception {
        int port = FakeModelServer.closedPort();
        String problem = OllamaModelCheck.problem("http://localhost:" + port, "llama3.1:8b", TIMEOUT);
        assertTrue(problem.contains("does not answer") && problem.contains("ollama serve"), problem);
    }

    @Test
    void aNameWithoutATagIsTheLatest() {
        assertTrue(OllamaModelCheck.sameModel("llama3.1:latest", "llama3.1"));
        assertTrue(OllamaModelCheck.sameModel("llama3.1:8b", "llama3.1:8b"));
        assertFalse(OllamaModelCheck.sameModel("llama3.1:8b", "llama3.1"));
        assertFalse(OllamaModelCheck.sameModel("llama3.1:latest", "llama3.1:8b"));
    }
}
