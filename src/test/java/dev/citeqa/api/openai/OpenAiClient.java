package dev.citeqa.api.openai;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * LangChain4j's OpenAI client pointed at CiteQA's {@code /v1}, as any OpenAI application would be. The
 * citations are CiteQA's own field, which the client keeps only in the raw response it records.
 */
public final class OpenAiClient {

    private final OpenAiChatModel chat;
    private final OpenAiStreamingChatModel streaming;

    /** @param baseUrl the service's {@code /v1} URL */
    public OpenAiClient(String baseUrl, String model) {
        chat = OpenAiChatModel.builder().baseUrl(baseUrl).apiKey("unused").modelName(model)
                .timeout(Duration.ofSeconds(30)).maxRetries(0).build();
        streaming = OpenAiStreamingChatModel.builder().baseUrl(baseUrl).apiKey("unused").modelName(model)
                .timeout(Duration.ofSeconds(30)).build();
    }

    public OpenAiClient(String baseUrl) {
        this(baseUrl, ModelsResource.MODEL);
    }

    public ChatResponse chat(ChatMessage... messages) {
        return chat.chat(ChatRequest.builder().messages(messages).build());
    }

    /** The response JSON as the service sent it. */
    public static JsonPath raw(ChatResponse response) {
        return JsonPath.from(((OpenAiChatResponseMetadata) response.metadata()).rawHttpResponse().body());
    }

    /** A streamed answer: the pieces of text in order, the assembled response, and the raw events. */
    public record Streamed(List<String> pieces, ChatResponse response, List<ServerSentEvent> events) {

        /** The data of every event, as JSON, except the closing {@code [DONE]}. */
        public List<JsonPath> chunks() {
            return events.stream().map(ServerSentEvent::data).filter(d -> !d.equals("[DONE]")).map(JsonPath::from)
                    .toList();
        }

        /** The chunk with the finish reason and the citations: the usage this client asks for comes after it. */
        public JsonPath finish() {
            return chunks().stream().filter(c -> c.get("choices[0].finish_reason") != null).findFirst().orElseThrow();
        }
    }

    public Streamed stream(ChatMessage... messages) throws Exception {
        List<String> pieces = new CopyOnWriteArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        streaming.chat(ChatRequest.builder().messages(messages).build(), new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String text) {
                pieces.add(text);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        ChatResponse response = done.get(30, TimeUnit.SECONDS);
        List<ServerSentEvent> events = ((OpenAiChatResponseMetadata) response.metadata()).rawServerSentEvents();
        assertTrue(events != null && !events.isEmpty(), "no raw events recorded");
        return new Streamed(List.copyOf(pieces), response, events);
    }
}
