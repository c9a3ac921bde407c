package dev.citeqa.answer.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A language model server for tests: a real HTTP server on a random port speaking OpenAI's
 * {@code POST /v1/chat/completions} (JSON, or server-sent events with {@code "stream": true}) and Ollama's
 * {@code POST /api/chat} (JSON, or NDJSON when streaming). It records every request and replies as the test
 * scripts it, so LangChain4j's real clients run end to end.
 */
public final class FakeModelServer implements AutoCloseable {

    public static final String OPENAI_PATH = "/v1/chat/completions";
    public static final String OLLAMA_PATH = "/api/chat";

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Function<Call, Reply> script = call -> Reply.text("The corpus does not say.");

    public FakeModelServer() {
        server = vertx.createHttpServer().requestHandler(this::handle);
        try {
            server.listen(0, "localhost").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("cannot start the fake model server", e);
        }
    }

    public int port() {
        return server.actualPort();
    }

    /** Replies to every following request with what {@code script} returns for it. */
    public void respond(Function<Call, Reply> script) {
        this.script = script;
    }

    /** Forgets recorded calls and goes back to the default reply. */
    public void reset() {
        calls.clear();
        respond(call -> Reply.text("The corpus does not say."));
    }

    /** Every request received so far, oldest first. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The one request received since the last reset, which must have gone to {@code path}. */
    public Call onlyCall(String path) {
        List<Call> received = calls();
        assertEquals(1, received.size(), received.toString());
        assertEquals(path, received.getFirst().path());
        return received.getFirst();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    /**
     * How to answer one request.
     *
     * @param status HTTP status; anything but 200 sends an error body instead of an answer
     * @param chunks the answer text, in the pieces a streaming reply sends one by one
     * @param delay wait before the response headers
     * @param interval wait between streamed pieces; without streaming, between the two halves of the body
     */
    public record Reply(int status, List<String> chunks, Duration delay, Duration interval, boolean brokenOff) {

        public Reply(int status, List<String> chunks, Duration delay, Duration interval) {
            this(status, chunks, delay, interval, false);
        }

        /** {@code text}, streamed word by word. */
        public static Reply text(String text) {
            List<String> words = new ArrayList<>();
            Matcher m = Pattern.compile("\\S+\\s*").matcher(text);
            while (m.find()) {
                words.add(m.group());
            }
            return new Reply(200, words, Duration.ZERO, Duration.ZERO);
        }

        /** {@code count} chunks: "chunk0 ", "chunk1 ", ... */
        public static Reply numbered(int count) {
            List<String> chunks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                chunks.add("chunk" + i + " ");
            }
            return new Reply(200, chunks, Duration.ZERO, Duration.ZERO);
        }

        public static Reply chunks(String... chunks) {
            return new Reply(200, Arrays.asList(chunks), Duration.ZERO, Duration.ZERO);
        }

        public static Reply status(int status) {
            return new Reply(status, List.of(), Duration.ZERO, Duration.ZERO);
        }

        public Reply delayedBy(Duration delay) {
            return new Reply(status, chunks, delay, interval, brokenOff);
        }

        public Reply every(Duration interval) {
            return new Reply(status, chunks, delay, interval, brokenOff);
        }

        /** Its pieces, then the connection closed: no finishing chunk, no {@code [DONE]}, no closing brace. */
        public Reply breakingOff() {
            return new Reply(status, chunks, delay, interval, true);
        }

        public String text() {
            return String.join("", chunks);
        }
    }

    /** One request as received, and what became of its connection. */
    public static final class Call {
        private final String path;
        private final JsonObject body;
        private final Instant received = Instant.now();
        private final CompletableFuture<Instant> completed = new CompletableFuture<>();
        private final CompletableFuture<Instant> abandoned = new CompletableFuture<>();

        Call(String path, JsonObject body) {
            this.path = path;
            this.body = body;
        }

        public String path() {
            return path;
        }

        public JsonObject body() {
            return body;
        }

        public Instant received() {
            return received;
        }

        public boolean stream() {
            return body.getBoolean("stream", false);
        }

        /** The chat messages, as role and text. */
        public List<Message> messages() {
            JsonArray messages = body.getJsonArray("messages", new JsonArray());
            List<Message> out = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                JsonObject m = messages.getJsonObject(i);
                out.add(new Message(m.getString("role"), m.getValue("content") instanceof String s ? s
                        : String.valueOf(m.getValue("content"))));
            }
            return out;
        }

        /** Requests for an answer carry the system prompt; condensation requests do not. */
        public boolean answering() {
            List<Message> messages = messages();
            return !messages.isEmpty() && messages.getFirst().role().equals("system");
        }

        public String lastUserMessage() {
            return messages().reversed().stream().filter(m -> m.role().equals("user")).map(Message::content)
                    .findFirst().orElse("");
        }

        /** The {@code [ID]} headers of the passages in the prompt, in order. */
        public List<String> passageIds() {
            List<String> ids = new ArrayList<>();
            Matcher m = PASSAGE_HEADER.matcher(lastUserMessage());
            while (m.find()) {
                ids.add(m.group(1));
            }
            return ids;
        }

        /** The text of the first passage in the prompt, followed by its marker: an answer the passages back. */
        public String citingFirstPassage() {
            Matcher m = PASSAGE_HEADER.matcher(lastUserMessage());
            if (!m.find()) {
                throw new IllegalStateException("no passage in the prompt: " + lastUserMessage());
            }
            return m.group(2).strip() + " [" + m.group(1) + "]";
        }

        /** Completes when the whole response was sent. */
        public CompletableFuture<Instant> completed() {
            return completed;
        }

        /** Completes when the client closed the connection before the response was finished. */
        public CompletableFuture<Instant> abandoned() {
            return abandoned;
        }

        @Override
        public String toString() {
            return path + " " + body.encode();
        }
    }

    public record Message(String role, String content) {}

    /** A passage as {@link PromptInjector} writes it: "[ID] title (date)", then its text on the next line. */
    private static final Pattern PASSAGE_HEADER = Pattern.compile("(?m)^\\[([^\\]\\s]+)\\] .*\\n(.+)$");

    /** Ollama's list of the models it has, which CiteQA asks for once at start-up: no model call, not recorded. */
    public static final String OLLAMA_TAGS_PATH = "/api/tags";

    /** A port nothing listens on: opened, read and closed again. */
    public static int closedPort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** An OpenAI-compatible server's list of its models, asked for once at start-up as Ollama's is. */
    public static final String OPENAI_MODELS_PATH = "/v1/models";

    private void handle(HttpServerRequest request) {
        if (OPENAI_MODELS_PATH.equals(request.path())) {
            JsonObject model = new JsonObject().put("id", FakeModelResource.MODEL).put("object", "model")
                    .put("created", 1704450240).put("owned_by", "fake");
            request.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("object", "list")
                    .put("data", new io.vertx.core.json.JsonArray().add(model)).encode());
            return;
        }
        if (OLLAMA_TAGS_PATH.equals(request.path())) {
            request.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("models",
                    new io.vertx.core.json.JsonArray().add(new JsonObject().put("name", FakeModelResource.MODEL)
                            .put("model", FakeModelResource.MODEL).put("size", 1).put("digest", "0")
                            .put("modified_at", "2024-01-05T10:24:00Z"))).encode());
            return;
        }
        request.body().onSuccess(buffer -> {
            JsonObject body = buffer.length() == 0 ? new JsonObject() : buffer.toJsonObject();
            Call call = new Call(request.path(), body);
            calls.add(call);
            HttpServerResponse response = request.response();
            response.closeHandler(v -> {
                if (!call.completed.isDone()) {
                    call.abandoned.complete(Instant.now());
                }
            });
            boolean openAi = OPENAI_PATH.equals(request.path());
            if (!openAi && !OLLAMA_PATH.equals(request.path())) {
                response.setStatusCode(404).end();
                return;
            }
            Reply reply = script.apply(call);
            after(reply.delay(), () -> {
                if (response.closed()) {
                    return;
                }
                if (reply.status() != 200) {
                    String error = openAi
                            ? new JsonObject().put("error", new JsonObject().put("message", "fake failure")
                                    .put("type", "server_error")).encode()
                            : new JsonObject().put("error", "fake failure").encode();
                    response.setStatusCode(reply.status()).putHeader("Content-Type", "application/json");
                    end(call, response, error);
                } else if (!call.stream()) {
                    response.putHeader("Content-Type", "application/json");
                    String whole = (openAi ? openAiCompletion(call, reply.text()) : ollamaDone(call, reply.text()))
                            .encode();
                    if (reply.brokenOff()) {
                        response.setChunked(true).write(whole.substring(0, whole.length() / 2))
                                .onComplete(written -> response.reset());
                    } else if (!reply.interval().isZero()) {
                        // The head and half the body at once, the rest an interval later: a slow body.
                        response.setChunked(true).write(whole.substring(0, whole.length() / 2));
                        after(reply.interval(), () -> {
                            if (!response.closed()) {
                                end(call, response, whole.substring(whole.length() / 2));
                            }
                        });
                    } else {
                        end(call, response, whole);
                    }
                } else {
                    response.setChunked(true)
                            .putHeader("Content-Type", openAi ? "text/event-stream" : "application/x-ndjson");
                    List<String> lines = new ArrayList<>();
                    for (String chunk : reply.chunks()) {
                        lines.add(openAi ? sse(openAiChunk(call, new JsonObject().put("content", chunk), null))
                                : ollamaChunk(call, chunk).encode() + "\n");
                    }
                    if (reply.brokenOff()) {
                        lines.add(null); // where the connection closes
                    } else if (openAi) {
                        lines.add(sse(openAiChunk(call, new JsonObject(), "stop")));
                        lines.add(sse(new JsonObject().put("id", "chatcmpl-fake").put("object", "chat.completion.chunk")
                                .put("created", 1_700_000_000).put("model", model(call)).put("choices", new JsonArray())
                                .put("usage", usage())));
                        lines.add("data: [DONE]\n\n");
                    } else {
                        lines.add(ollamaDone(call, "").encode() + "\n");
                    }
                    send(call, response, lines, 0, reply.interval());
                }
            });
        });
    }

    private void send(Call call, HttpServerResponse response, List<String> lines, int next, Duration interval) {
        if (response.closed()) {
            return;
        }
        if (next == lines.size()) {
            end(call, response, "");
            return;
        }
        if (lines.get(next) == null) {
            response.end(); // broken off: closed cleanly, but before the answer was finished
            return;
        }
        response.write(lines.get(next));
        after(next + 1 < lines.size() ? interval : Duration.ZERO,
                () -> send(call, response, lines, next + 1, interval));
    }

    private static void end(Call call, HttpServerResponse response, String body) {
        response.end(body).onSuccess(v -> call.completed.complete(Instant.now()));
    }

    private void after(Duration delay, Runnable action) {
        if (delay.isZero()) {
            action.run();
        } else {
            vertx.setTimer(delay.toMillis(), id -> action.run());
        }
    }

    private static String model(Call call) {
        return call.body().getString("model", "unknown");
    }

    private static JsonObject usage() {
        return new JsonObject().put("prompt_tokens", 100).put("completion_tokens", 20).put("total_tokens", 120);
    }

    private static JsonObject openAiCompletion(Call call, String text) {
        return new JsonObject().put("id", "chatcmpl-fake").put("object", "chat.completion")
                .put("created", 1_700_000_000).put("model", model(call))
                .put("choices", new JsonArray().add(new JsonObject().put("index", 0)
                        .put("message", new JsonObject().put("role", "assistant").put("content", text))
                        .put("finish_reason", "stop")))
                .put("usage", usage());
    }

    private static JsonObject openAiChunk(Call call, JsonObject delta, String finishReason) {
        return new JsonObject().put("id", "chatcmpl-fake").put("object", "chat.completion.chunk")
                .put("created", 1_700_000_000).put("model", model(call))
                .put("choices", new JsonArray().add(new JsonObject().put("index", 0).put("delta", delta)
                        .put("finish_reason", finishReason)));
    }

    private static String sse(JsonObject data) {
        return "data: " + data.encode() + "\n\n";
    }

    private static JsonObject ollamaChunk(Call call, String text) {
        return new JsonObject().put("model", model(call)).put("created_at", "2025-05-14T10:00:00.000000Z")
                .put("message", new JsonObject().put("role", "assistant").put("content", text)).put("done", false);
    }

    private static JsonObject ollamaDone(Call call, String text) {
        return ollamaChunk(call, text).put("done", true).put("done_reason", "stop").put("total_duration", 1_000_000)
                .put("load_duration", 1000).put("prompt_eval_count", 100).put("prompt_eval_duration", 1000)
                .put("eval_count", 20).put("eval_duration", 1000);
    }
}
