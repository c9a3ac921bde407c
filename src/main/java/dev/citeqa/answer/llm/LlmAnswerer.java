package dev.citeqa.answer.llm;

import dev.citeqa.answer.Answer;
import dev.citeqa.answer.AnswerRequest;
import dev.citeqa.answer.Answerer;
import dev.citeqa.answer.CitationVerifier;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Answers with a language model: system prompt, the conversation so far, then the question with the
 * retrieved passages. Whatever the model writes goes through the {@link CitationVerifier} before it is
 * returned. Failures (server down, HTTP errors, timeouts) are thrown; the caller falls back.
 */
public final class LlmAnswerer implements Answerer {

    /** How often a streaming wait checks whether the client left or the deadline passed. */
    private static final long POLL_MILLIS = 50;
    /**
     * Characters a token of English takes at most, with a wide margin (about four on average): an answer longer
     * than {@code max-tokens} of them came from a server that ignored its budget.
     */
    static final int CHARS_PER_TOKEN = 10;
    /** The bound for the default budgets (512 tokens) too: no server need count tokens as the model does. */
    static final int MIN_ANSWER_CHARS = 20_000;

    /** Where streamed requests start; virtual threads, as each mostly waits on the model's server. */
    private static final ExecutorService STARTS = Executors.newVirtualThreadPerTaskExecutor();

    private final String name;
    private final ChatModel chat;
    private final StreamingChatModel streaming;
    private final Prompts prompts;
    private final CitationVerifier verifier;
    private final Duration timeout;
    private final List<String> instructions;
    private final long maxAnswerChars;

    public LlmAnswerer(ChatModelFactory.Models models, Prompts prompts, CitationVerifier verifier) {
        this.name = models.name();
        this.chat = models.chat();
        this.streaming = models.streaming();
        this.prompts = prompts;
        this.verifier = verifier;
        this.timeout = models.timeout();
        this.instructions = instructionPhrases(prompts.system());
        this.maxAnswerChars = Math.max(MIN_ANSWER_CHARS, (long) models.maxTokens() * CHARS_PER_TOKEN);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Answer answer(AnswerRequest request) {
        ChatResponse response = chat.chat(ChatRequest.builder().messages(messages(request)).build());
        return checked(response.aiMessage().text(), request);
    }

    @Override
    public Answer stream(AnswerRequest request, Consumer<String> tokens, BooleanSupplier cancelled) {
        Generation generation = new Generation(tokens, maxAnswerChars);
        ChatRequest chatRequest = ChatRequest.builder().messages(messages(request)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        // Started on a thread of its own: a client may read the whole stream inside chat(), on the calling thread
        // (seen in a test: a 10 s stream returned whole past a 2 s timeout), and the deadline and a client
        // leaving would then go unchecked until the model finished.
        STARTS.execute(() -> {
            try {
                streaming.chat(chatRequest, generation);
            } catch (RuntimeException e) {
                generation.onError(e);
            }
        });
        try {
            while (true) {
                try {
                    String text = generation.done.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    return checked(text, request);
                } catch (TimeoutException e) {
                    // Polled rather than checked per token, so that a client leaving (or the deadline
                    // passing) is noticed even while the model sends nothing.
                    if (cancelled.getAsBoolean()) {
                        generation.abandon();
                        throw new CancellationException("client disconnected");
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        generation.abandon();
                        throw new ModelTimeoutException(timeout);
                    }
                }
            }
        } catch (ExecutionException e) {
            // The HTTP client's timeout, the same setting, may fire before this deadline: said as the deadline.
            if (timedOut(e.getCause())) {
                throw new ModelTimeoutException(timeout);
            }
            throw BoundedChatModel.failure(e);
        } catch (InterruptedException e) {
            generation.abandon();
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    /** A timeout waiting for the answer; not one connecting, which says the server is unreachable. */
    private static boolean timedOut(Throwable failure) {
        boolean timedOut = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpConnectTimeoutException
                    || t instanceof SocketTimeoutException && String.valueOf(t.getMessage()).contains("connect")) {
                return false;
            }
            timedOut |= t instanceof HttpTimeoutException || t instanceof SocketTimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException;
        }
        return timedOut;
    }

    /**
     * The verified answer, unless the model was talked (by the question or by an article) into repeating its
     * instructions: the system prompt is not for users, and such an answer answers nothing anyway.
     */
    private Answer checked(String text, AnswerRequest request) {
        if (text != null && text.length() > maxAnswerChars) {
            // A server that ignores max_tokens: not an answer to show, nor to check sentence by sentence.
            throw new IncompleteAnswerException("the model's answer has " + text.length() + " characters, over the "
                    + maxAnswerChars + " an answer may have");
        }
        String answer = ReasoningFilter.strip(text == null ? "" : text);
        if (answer.isEmpty()) {
            // No text (an empty reply, a tool call, thinking only) is the model failing, not the corpus lacking the
            // answer: the built-in answerer answers instead.
            throw new IncompleteAnswerException("the model sent no answer text");
        }
        String said = normalized(answer);
        if (instructions.stream().anyMatch(said::contains)) {
            return Answer.notInCorpus(name, "The model's answer repeated its instructions and was withheld.");
        }
        return verifier.verify(answer, request.passages(), name);
    }

    /**
     * The system prompt's sentences and lines, long enough that repeating one is quoting it ("The corpus does
     * not say." is a legitimate answer and is shorter).
     */
    static List<String> instructionPhrases(String system) {
        return Arrays.stream(system.split("[.:!?\\n]")).map(LlmAnswerer::normalized).filter(p -> p.length() >= 25)
                .toList();
    }

    private static String normalized(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private List<ChatMessage> messages(AnswerRequest request) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(prompts.system()));
        messages.addAll(request.history());
        messages.add(request.prompt());
        return messages;
    }

    /**
     * One streamed answer. Once abandoned (the client left, or the wait timed out and the extractive fallback
     * took over) it forwards no more tokens, which would otherwise reach the client mixed into the
     * fallback's, and it stops the model instead of paying for tokens nobody reads: at once if a token has
     * arrived, else at the first one, since LangChain4j hands out the streaming handle only with a token.
     */
    private static final class Generation implements StreamingChatResponseHandler {
        final CompletableFuture<String> done = new CompletableFuture<>();
        private final Consumer<String> tokens;
        /** The client sees the answer, not the model's thinking; the whole text is checked by {@link #checked}. */
        private final ReasoningFilter reasoning = new ReasoningFilter();
        private final long maxChars;
        private long received;
        private StreamingHandle handle;
        private boolean abandoned;

        Generation(Consumer<String> tokens, long maxChars) {
            this.tokens = tokens;
            this.maxChars = maxChars;
        }

        @Override
        public synchronized void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            handle = context.streamingHandle();
            received += partial.text().length();
            if (!abandoned && received > maxChars) {
                // Stopped as it passes the bound, not at its end: a server that ignores max_tokens would otherwise
                // send the client a megabyte before the check refuses it.
                abandoned = true;
                done.completeExceptionally(new IncompleteAnswerException("the model's answer passed the "
                        + maxChars + " characters an answer may have"));
            }
            if (abandoned) {
                handle.cancel();
            } else {
                send(reasoning.feed(partial.text()));
            }
        }

        private void send(String text) {
            if (!text.isEmpty()) {
                tokens.accept(text);
            }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            // A stream that breaks off (the connection closed before its last chunk, or an error object sent as a
            // chunk) still ends here with an OpenAI-compatible server, with what came so far: part of an answer.
            // Only with nothing to show it was whole: no finish reason (LangChain4j leaves it null for a value it does
            // not know, such as Hugging Face TGI's "eos_token") and no token count, which servers send last.
            if (response.finishReason() == null && response.tokenUsage() == null) {
                done.completeExceptionally(new IncompleteAnswerException(
                        "the model's stream ended before the answer was finished"));
            } else {
                synchronized (this) {
                    if (!abandoned) {
                        send(reasoning.finish());
                    }
                }
                done.complete(response.aiMessage().text());
            }
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }

        synchronized void abandon() {
            abandoned = true;
            if (handle != null) {
                handle.cancel();
            }
        }
    }

    /** The model's answer broke off, or is not what an answer can be. */
    public static final class IncompleteAnswerException extends RuntimeException {
        IncompleteAnswerException(String message) {
            super(message);
        }
    }

    /** The model did not finish within the configured timeout. */
    public static final class ModelTimeoutException extends RuntimeException {
        ModelTimeoutException(Duration timeout) {
            super("no complete answer within " + timeout.toSeconds() + " s");
        }
    }
}
