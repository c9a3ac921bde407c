package dev.citeqa.answer.llm;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A chat model whose every call, its response body included, ends within the timeout. LangChain4j's HTTP
 * clients bound only the wait for the response's head, so a server that sends its head at once and its body
 * slowly would hold an answer, or a follow-up's rewrite, past it. The call runs on a virtual thread of its own,
 * interrupted when the time is up, which makes the JDK's HTTP client drop the connection.
 */
final class BoundedChatModel implements ChatModel {

    private static final ExecutorService CALLS = Executors.newVirtualThreadPerTaskExecutor();

    private final ChatModel model;
    private final Duration timeout;

    BoundedChatModel(ChatModel model, Duration timeout) {
        this.model = model;
        this.timeout = timeout;
    }

    /** The model bounded. */
    ChatModel model() {
        return model;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        Future<ChatResponse> call = CALLS.submit(() -> model.chat(request));
        try {
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new LlmAnswerer.ModelTimeoutException(timeout);
        } catch (ExecutionException e) {
            throw failure(e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    /** What failed the model's call, as the caller would have seen it thrown on its own thread. */
    static RuntimeException failure(ExecutionException e) {
        return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return model.defaultRequestParameters();
    }

    @Override
    public ModelProvider provider() {
        return model.provider();
    }
}
