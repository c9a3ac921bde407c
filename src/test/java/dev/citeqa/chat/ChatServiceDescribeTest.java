package dev.citeqa.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void httpErrorsNameTheStatus() {
        HttpException http = new HttpException(500, "{\"error\": \"out of memory\"}");
        assertEquals("HTTP 500: {\"error\": \"out of memory\"}",
                ChatService.describe(new InternalServerException(http.getMessage(), http)));
        assertEquals("HTTP 502", ChatService.describe(new InternalServerException("", new HttpException(502, ""))));
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
