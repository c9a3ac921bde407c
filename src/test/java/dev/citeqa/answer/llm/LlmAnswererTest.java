package dev.citeqa.answer.llm;

import dev.citeqa.analysis.QuestionAnalysis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.answer.Answer;
import dev.citeqa.answer.AnswerRequest;
import dev.citeqa.answer.CitationVerifier;
import dev.citeqa.answer.TestPassages;
import dev.citeqa.search.PassageContents;
import dev.citeqa.search.PassageHit;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.input.PromptTemplate;
import dev.langchain4j.model.output.FinishReason;
import java.io.IOException;
import java.nio.file.Path;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LlmAnswerer} against in-process fakes of LangChain4j's model interfaces. */
class LlmAnswererTest {

    static final String ID = "001_ef047f98b842d2d5";
    static final String FACT = "Erdoğan received NATO Secretary General Mark Rutte on May 13 in Ankara.";
    static final Prompts PROMPTS = new Prompts("You answer from passages.",
            PromptTemplate.from("Passages:\n{{passages}}\n\nQuestion: {{question}}"),
            PromptTemplate.from("{{chatMemory}}\n{{query}}"));

    @TempDir
    Path dir;

    CitationVerifier verifier;
    AnswerRequest request;
    List<ChatMessage> history;

    @BeforeEach
    void setUp() throws IOException {
        TestPassages fixture = new TestPassages(dir);
        verifier = new CitationVerifier(fixture.embedder());
        PassageHit hit = fixture.passage(ID, "Türkiye gears up diplomacy", "2025-05-13", FACT);
        history = List.of(UserMessage.from("Who is the NATO Secretary General?"),
                AiMessage.from("Mark Rutte [" + ID + "]."));
        UserMessage prompt = (UserMessage) new PromptInjector(PROMPTS.answer()).inject(
                List.of(PassageContents.toContent(hit)), UserMessage.from("Whom did Erdoğan receive?"));
        request = new AnswerRequest("Whom did Erdoğan receive?", "Whom did Erdoğan receive?",
                QuestionAnalysis.of("Whom did Erdoğan receive?"), List.of(hit), prompt,
                history, null, true);
    }

    private LlmAnswerer answerer(ChatModel chat, StreamingChatModel streaming, Duration timeout) {
        return new LlmAnswerer(new ChatModelFactory.Models("fake-model", chat, streaming, timeout, 512), PROMPTS, verifier);
    }

    @Test
    void sendsSystemPromptHistoryAndPassagesThenVerifies() {
        RecordingChatModel chat = new RecordingChatModel("Erdoğan received Mark Rutte in Ankara on May 13 [" + ID
                + "] [999_deadbeefdeadbeef].");

        Answer answer = answerer(chat, null, Duration.ofSeconds(5)).answer(request);

        List<ChatMessage> messages = chat.requests.getFirst().messages();
        assertEquals(4, messages.size());
        assertEquals(SystemMessage.from("You answer from passages."), messages.get(0));
        assertEquals(history, messages.subList(1, 3));
        String prompt = ((UserMessage) messages.get(3)).singleText();
        assertEquals("Passages:\n[" + ID + "] Türkiye gears up diplomacy (2025-05-13)\n" + FACT
                + "\n\nQuestion: Whom did Erdoğan receive?", prompt);
        assertTrue(answer.answered());
        assertEquals("fake-model", answer.answerer());
        assertEquals("Erdoğan received Mark Rutte in Ankara on May 13 [" + ID + "].", answer.text());
        assertEquals(ID, answer.citations().getFirst().id());
    }

    @Test
    void streamsTokensThenVerifies() {
        Started run = stream(Duration.ofSeconds(5));
        run.model().token("Erdoğan received Mark Rutte ");
        run.model().token("in Ankara [" + ID + "].");
        run.model().complete("Erdoğan received Mark Rutte in Ankara [" + ID + "].");

        assertTrue(run.answer().join().answered());
        assertEquals(List.of("Erdoğan received Mark Rutte ", "in Ankara [" + ID + "]."), run.tokens());
        assertEquals(4, run.model().request.messages().size());
    }

    @Test
    void aStreamPastTheTimeoutIsStoppedAndItsLateTokensDropped() {
        Started run = stream(Duration.ofMillis(300));
        run.model().token("early ");

        long started = System.nanoTime();
        Throwable failure = assertThrows(Exception.class, run.answer()::join).getCause();
        assertTrue(failure instanceof LlmAnswerer.ModelTimeoutException, String.valueOf(failure));
        assertTrue((System.nanoTime() - started) / 1_000_000 < 1000);
        assertTrue(run.model().handle.isCancelled(), "the model was left running");

        run.model().token("late ");
        assertEquals(List.of("early "), run.tokens());
    }

    @Test
    void theDeadlineHoldsWhenTheModelStreamsOnTheCallingThread() {
        // A client that reads the whole stream inside chat(): 40 tokens, 50 ms apart, until stopped.
        Handle handle = new Handle();
        StreamingChatModel blocking = new StreamingChatModel() {
            @Override
            public void doChat(ChatRequest chatRequest, StreamingChatResponseHandler handler) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < 40 && !handle.isCancelled(); i++) {
                    handler.onPartialResponse(new PartialResponse("t" + i + " "), new PartialResponseContext(handle));
                    text.append("t").append(i).append(' ');
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                }
                handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from(text.toString()))
                        .finishReason(FinishReason.STOP).build());
            }
        };
        List<String> tokens = new CopyOnWriteArrayList<>();
        LlmAnswerer answerer = answerer(null, blocking, Duration.ofMillis(300));

        long started = System.nanoTime();
        assertThrows(LlmAnswerer.ModelTimeoutException.class, () -> answerer.stream(request, tokens::add, () -> false));
        assertTrue((System.nanoTime() - started) / 1_000_000 < 1000, "the 2 s stream was waited for");
        assertTrue(tokens.size() < 20, tokens.toString());
    }

    @Test
    void aClientLeavingWhileTheModelIsSilentStopsAtOnce() {
        ScriptedStreamingModel streaming = new ScriptedStreamingModel();
        List<String> tokens = new CopyOnWriteArrayList<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        LlmAnswerer answerer = answerer(null, streaming, Duration.ofSeconds(30));
        CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(
                () -> answerer.stream(request, tokens::add, cancelled::get));
        streaming.awaitRequest();

        long started = System.nanoTime();
        cancelled.set(true);
        Throwable failure = assertThrows(Exception.class, () -> answer.get(1, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof CancellationException || failure instanceof CancellationException,
                String.valueOf(failure));
        assertTrue((System.nanoTime() - started) / 1_000_000 < 1000);

        // Its first token, once it comes, stops it, and reaches nobody.
        assertFalse(streaming.handle.isCancelled());
        streaming.token("first ");
        assertTrue(streaming.handle.isCancelled());
        assertEquals(List.of(), tokens);
    }

    @Test
    void aModelErrorIsThrownForTheCallerToFallBack() {
        ScriptedStreamingModel streaming = new ScriptedStreamingModel();
        LlmAnswerer answerer = answerer(null, streaming, Duration.ofSeconds(5));
        CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(
                () -> answerer.stream(request, token -> {}, () -> false));
        streaming.awaitRequest();

        streaming.handler.onError(new IllegalStateException("HTTP 500"));

        Throwable failure = assertThrows(Exception.class, answer::join).getCause();
        assertEquals("HTTP 500", failure.getMessage());
    }

    /**
     * The HTTP client's timeout, the same setting as the answer's, is said as the answer's; one connecting is not (the
     * server is unreachable, whatever its speed).
     */
    @Test
    void theClientsTimeoutIsTheAnswersButOneConnectingIsNot() {
        Started waiting = stream(Duration.ofSeconds(5));
        waiting.model().handler.onError(new RuntimeException(new HttpTimeoutException("request timed out")));
        Throwable failure = assertThrows(Exception.class, waiting.answer()::join).getCause();
        assertEquals("no complete answer within 5 s", failure.getMessage());

        Started connecting = stream(Duration.ofSeconds(5));
        connecting.model().handler.onError(new RuntimeException(
                new HttpConnectTimeoutException("HTTP connect timed out")));
        failure = assertThrows(Exception.class, connecting.answer()::join).getCause();
        assertTrue(failure.getCause() instanceof HttpConnectTimeoutException, String.valueOf(failure));
    }

    /** No text, or thinking only, is no answer but the model failing: the caller falls back, saying why. */
    @Test
    void anAnswerWithoutTextIsTheModelFailing() {
        for (String reply : List.of(" ", "<think>Paris? Ankara?</think>\n", "<think>Paris? Ankara? Istanbul")) {
            LlmAnswerer answerer = answerer(new RecordingChatModel(reply), null, Duration.ofSeconds(5));
            LlmAnswerer.IncompleteAnswerException failure = assertThrows(
                    LlmAnswerer.IncompleteAnswerException.class, () -> answerer.answer(request), reply);
            assertEquals("the model sent no answer text", failure.getMessage());
        }
    }

    /** A reasoning model's thinking, with the made-up ID it weighed, reaches neither the client nor the check. */
    @Test
    void theModelsThinkingIsNeitherStreamedNorChecked() {
        Started run = stream(Duration.ofSeconds(5));
        String thinking = "<think>Paris, says [999_deadbeefdeadbeef]?</think>\n\n";
        run.model().token(thinking.substring(0, 20));
        run.model().token(thinking.substring(20) + "Erdoğan received Mark Rutte ");
        run.model().token("in Ankara [" + ID + "].");
        run.model().complete(thinking + "Erdoğan received Mark Rutte in Ankara [" + ID + "].");

        assertEquals(List.of("Erdoğan received Mark Rutte ", "in Ankara [" + ID + "]."), run.tokens());
        Answer answer = run.answer().join();
        assertEquals("Erdoğan received Mark Rutte in Ankara [" + ID + "].", answer.text());
        assertTrue(answer.unsupportedSentences().isEmpty(), answer.unsupportedSentences().toString());
    }

    /** A server that ignores its token budget is stopped as the stream passes the bound, not at its end. */
    @Test
    void aStreamPastTheLongestAnswerIsStoppedAsItPassesIt() {
        Started run = stream(Duration.ofSeconds(5));
        String part = "word ".repeat(LlmAnswerer.MIN_ANSWER_CHARS / 10);

        run.model().token(part);
        run.model().token(part);
        run.model().token(part);

        Throwable failure = assertThrows(Exception.class, run.answer()::join).getCause();
        assertTrue(failure instanceof LlmAnswerer.IncompleteAnswerException, String.valueOf(failure));
        assertTrue(run.model().handle.isCancelled(), "the model was left running");
        assertEquals(List.of(part, part), run.tokens());
    }

    /** A streamed answer under way: the model it asks, the tokens its client has received, and its answer to come. */
    record Started(ScriptedStreamingModel model, List<String> tokens, CompletableFuture<Answer> answer) {}

    /** Starts streaming an answer to {@link #request}, and waits until the model is asked. */
    private Started stream(Duration timeout) {
        ScriptedStreamingModel streaming = new ScriptedStreamingModel();
        List<String> tokens = new CopyOnWriteArrayList<>();
        LlmAnswerer answerer = answerer(null, streaming, timeout);
        CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(
                () -> answerer.stream(request, tokens::add, () -> false));
        streaming.awaitRequest();
        return new Started(streaming, tokens, answer);
    }

    /** Answers every request with one text, and keeps the requests. */
    static final class RecordingChatModel implements ChatModel {
        final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
        private final String reply;

        RecordingChatModel(String reply) {
            this.reply = reply;
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            requests.add(request);
            return ChatResponse.builder().aiMessage(AiMessage.from(reply)).build();
        }
    }

    /** Streams what the test tells it to, when it tells it to. */
    static final class ScriptedStreamingModel implements StreamingChatModel {
        final CompletableFuture<Void> requested = new CompletableFuture<>();
        final Handle handle = new Handle();
        volatile ChatRequest request;
        volatile StreamingChatResponseHandler handler;

        @Override
        public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            this.request = request;
            this.handler = handler;
            requested.complete(null);
        }

        void awaitRequest() {
            requested.orTimeout(5, TimeUnit.SECONDS).join();
        }

        /** Delivered even after a cancel, as a token already in flight is. */
        void token(String text) {
            handler.onPartialResponse(new PartialResponse(text), new PartialResponseContext(handle));
        }

        void complete(String text) {
            handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from(text))
                    .finishReason(FinishReason.STOP).build());
        }
    }

    static final class Handle implements StreamingHandle {
        private volatile boolean cancelled;

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }
}
