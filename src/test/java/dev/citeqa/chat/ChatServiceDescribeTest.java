package dev.citeqa.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The reason shown to users when the model fails and the extractive answerer answers instead. */
class ChatServiceDescribeTest {

    @Test
    void httpErrorsNameTheStatusAndTheLogGetsTheBody() {
        // An error body can quote the refused key: users see the status, the log the rest.
        HttpException http = new HttpException(401, "{\"error\": \"Incorrect API key provided: sk-proj-ab****yz\"}");
        InternalServerException thrown = new InternalServerException(http.getMessage(), http);
        assertEquals("HTTP 401", ChatService.describe(thrown));
        assertEquals("HTTP 401: {\"error\": \"Incorrect API key provided: sk-proj-ab****yz\"}",
                ChatService.detail(thrown));
        assertEquals("HTTP 502", ChatService.describe(new InternalServerException("", new HttpException(502, ""))));
    }

    @Test
    void anAnswerThatIsNotJsonIsSaidSo() {
        RuntimeException parse = assertThrows(RuntimeException.class, () -> {
            try {
                new ObjectMapper().readTree("{\"choices\": [");
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        assertEquals("an answer that is not JSON", ChatService.describe(parse));
        assertTrue(ChatService.detail(parse).startsWith("Unexpected end-of-input"), ChatService.detail(parse));
    }

    @Test
    void aServerThatIsNotRunning() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://localhost:" + port;
        RuntimeException openAi = assertThrows(RuntimeException.class, () -> OpenAiChatModel.builder()
                .baseUrl(url + "/v1").apiKey("none").modelName("m").timeout(Duration.ofSeconds(2)).maxRetries(0)
                .build().chat("hi"));
        RuntimeException ollama = assertThrows(RuntimeException.class, () -> OllamaChatModel.builder()
                .baseUrl(url).modelName("m").timeout(Duration.ofSeconds(2)).maxRetries(0).build().chat("hi"));

        assertEquals("connection refused", ChatService.describe(openAi));
        assertEquals("connection refused", ChatService.describe(ollama));
    }

    @Test
    void otherwiseTheDeepestCauseShortened() {
        assertEquals("disk full",
                ChatService.describe(new RuntimeException("wrapper", new IOException("disk\n full"))));
        assertEquals("IllegalStateException", ChatService.describe(new IllegalStateException()));
        assertEquals(201, ChatService.describe(new RuntimeException("x".repeat(500))).length());
    }
}
