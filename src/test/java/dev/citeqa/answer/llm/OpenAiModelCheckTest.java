package dev.citeqa.answer.llm;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenAiModelCheckTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void aServerListingTheModelIsFineAndOneWithoutItNamesTheModelsItHas() {
        try (FakeModelServer server = new FakeModelServer()) {
            String url = "http://localhost:" + server.port() + "/v1";
            assertNull(OpenAiModelCheck.problem(url, "not-needed", FakeModelResource.MODEL, TIMEOUT));
            String problem = OpenAiModelCheck.problem(url, "not-needed", "Qwen/Qwen2.5-7B-Instruct", TIMEOUT);
            assertTrue(problem.startsWith("The OpenAI-compatible server at " + url + " lists no model "
                    + "Qwen/Qwen2.5-7B-Instruct (it lists " + FakeModelResource.MODEL + ")")
                    && problem.contains("citeqa.openai.model"), problem);
            assertTrue(server.calls().isEmpty(), "listing the models is no model call");
        }
    }

    @Test
    void aServerThatDoesNotAnswerOrABaseUrlWithoutV1IsSaidSo() throws Exception {
        int port = FakeModelServer.closedPort();
        String problem = OpenAiModelCheck.problem("http://localhost:" + port + "/v1", "k", "m", TIMEOUT);
        assertTrue(problem.contains("did not list its models") && problem.contains("end in /v1"), problem);
        try (FakeModelServer server = new FakeModelServer()) {
            // Without /v1 the list is asked for at /models, which the server does not have.
            problem = OpenAiModelCheck.problem("http://localhost:" + server.port(), "k", "m", TIMEOUT);
            assertTrue(problem.contains("did not list its models"), problem);
        }
    }
}
