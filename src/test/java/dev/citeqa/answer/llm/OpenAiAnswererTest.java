package dev.citeqa.answer.llm;

import static dev.citeqa.answer.llm.AskApi.ask;
import static dev.citeqa.answer.llm.AskApi.askStream;
import static dev.citeqa.answer.llm.AskApi.askStreamAndLeaveAfterFirstToken;
import static dev.citeqa.answer.llm.AskApi.assertExtractiveFallback;
import static dev.citeqa.answer.llm.AskApi.tokens;
import static dev.citeqa.answer.llm.FakeModelResource.MODEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.answer.llm.FakeModelResource.InjectFakeModelServer;
import dev.citeqa.answer.llm.FakeModelServer.Call;
import dev.citeqa.answer.llm.FakeModelServer.Message;
import dev.citeqa.answer.llm.FakeModelServer.Reply;
import dev.citeqa.answer.llm.SseEvents.Event;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service against a real HTTP server speaking OpenAI's chat completions protocol. */
@QuarkusTest
@TestProfile(OpenAiProfile.class)
class OpenAiAnswererTest {

    static final String QUESTION = "Who did Erdoğan receive in Ankara on May 13?";

    @InjectFakeModelServer
    FakeModelServer server;

    @BeforeEach
    void reset() {
        server.reset();
    }

    /**
     * Runs the fallback path once, so that a timed test does not also measure the first request's class
     * loading and model initialisation, in the client as in the service.
     */
    void warmUp() {
        server.respond(call -> Reply.status(500));
        ask(QUESTION, null);
        server.reset();
    }

    private Call onlyCall() {
        return server.onlyCall(FakeModelServer.OPENAI_PATH);
    }

    @Test
    void citedAnswer() {
        server.respond(call -> Reply.text(call.citingFirstPassage()));

        JsonPath response = ask(QUESTION, null);

        Call call = onlyCall();
        String id = call.passageIds().getFirst();
        assertTrue(response.getBoolean("answered"), response.prettify());
        assertEquals(MODEL, response.getString("answerer"));
        assertFalse(response.getBoolean("fallback"));
        assertNull(response.getString("fallbackReason"));
        assertEquals(List.of(id), response.getList("citations.id"));
        assertTrue(response.getBoolean("citations[0].supported"));
        assertEquals(List.of(), response.getList("unsupportedSentences"));
        assertEquals(call.citingFirstPassage(), response.getString("answer"));
        assertEquals(MODEL, call.body().getString("model"));
        assertEquals(0.0, call.body().getDouble("temperature"));
        assertEquals(512, call.body().getInteger("max_tokens"));
        assertFalse(call.stream());
    }

    @Test
    void inventedIdsAreDroppedAndValidOnesKept() {
        server.respond(call -> Reply.text(call.citingFirstPassage().replace("]", ", 888_0123456789abcdef]")
                + " The talks were held in Antalya [999_deadbeefdeadbeef]."));

        JsonPath response = ask(QUESTION, null);

        String id = onlyCall().passageIds().getFirst();
        String answer = response.getString("answer");
        assertTrue(response.getBoolean("answered"), response.prettify());
        assertFalse(answer.contains("999_deadbeefdeadbeef"), answer);
        assertFalse(answer.contains("888_0123456789abcdef"), answer);
        assertTrue(answer.contains("[" + id + "]"), answer);
        assertEquals(List.of(id), response.getList("citations.id"));
    }

    @Test
    void answerWithoutMarkersIsNoAnswer() {
        server.respond(call -> Reply.text(call.citingFirstPassage().replaceAll("\\s*\\[[^]]+]$", "")));

        JsonPath response = ask(QUESTION, null);

        onlyCall();
        assertFalse(response.getBoolean("answered"), response.prettify());
        assertEquals(List.of(), response.getList("citations"));
        assertTrue(response.getString("answer").startsWith("The corpus does not say."));
        assertEquals(MODEL, response.getString("answerer"));
        assertFalse(response.getBoolean("fallback"));
    }

    @Test
    void serverErrorFallsBackToExtractive() {
        server.respond(call -> Reply.status(500));

        JsonPath response = ask(QUESTION, null);

        onlyCall();
        assertExtractiveFallback(response);
        String reason = response.getString("fallbackReason");
        assertTrue(reason != null && reason.contains("500"), reason);
        assertTrue(response.getBoolean("answered"));
        assertFalse(response.getList("citations").isEmpty());
    }

    @Test
    void slowServerFallsBackWithinTheTimeout() {
        JsonPath response = answeredWithinTheTimeout(call -> Reply.text(call.citingFirstPassage())
                .delayedBy(Duration.ofSeconds(6)));
        assertFalse(response.getString("fallbackReason").isBlank());
        assertTrue(response.getBoolean("answered"));
    }

    @Test
    void aSlowBodyFallsBackWithinTheTimeoutToo() {
        // The head at once, the rest of the body after 6 s: the HTTP client's own timeout covers only the head.
        JsonPath response = answeredWithinTheTimeout(call -> Reply.text(call.citingFirstPassage())
                .every(Duration.ofSeconds(6)));
        assertTrue(response.getString("fallbackReason").contains("within"), response.prettify());
    }

    /** Asks a server answering by {@code script}: the built-in answer comes at the 2 s timeout. */
    private JsonPath answeredWithinTheTimeout(Function<Call, Reply> script) {
        warmUp();
        server.respond(script);
        long started = System.nanoTime();
        JsonPath response = ask(QUESTION, null);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis >= 2000 && millis < 3000, "answered after " + millis + " ms");
        assertExtractiveFallback(response);
        return response;
    }

    @Test
    void promptHoldsSystemPromptPassagesAndTheirIds() throws IOException {
        server.respond(call -> Reply.text(call.citingFirstPassage()));

        JsonPath response = ask(QUESTION, null);

        List<Message> messages = onlyCall().messages();
        assertEquals(2, messages.size(), messages.toString());
        assertEquals(new Message("system", Files.readString(Path.of("prompts/system.txt")).strip()),
                messages.getFirst());
        String prompt = messages.getLast().content();
        assertEquals("user", messages.getLast().role());
        assertTrue(prompt.contains("Question: " + QUESTION), prompt);
        List<String> ids = response.getList("passages.id");
        List<String> texts = response.getList("passages.passage");
        assertFalse(ids.isEmpty());
        for (int i = 0; i < ids.size(); i++) {
            assertTrue(prompt.contains("[" + ids.get(i) + "] "), ids.get(i));
            assertTrue(prompt.contains(texts.get(i)), texts.get(i));
        }
    }

    @Test
    void followUpIsCondensedFromTheHistory() {
        String standalone = "Where does Mark Rutte chair the informal NATO foreign ministers meeting?";
        server.respond(call -> call.answering() ? Reply.text(call.citingFirstPassage()) : Reply.text(standalone));
        String conversation = "c-" + UUID.randomUUID();
        JsonPath first = ask(QUESTION, conversation);
        String followUp = "Where does he chair the meeting?";

        JsonPath second = ask(followUp, conversation);

        List<Call> calls = server.calls();
        assertEquals(3, calls.size(), calls.toString());
        List<Message> condense = calls.get(1).messages();
        assertFalse(calls.get(1).answering());
        assertEquals(1, condense.size(), condense.toString());
        String condensePrompt = condense.getFirst().content();
        assertTrue(condensePrompt.contains("User: " + QUESTION), condensePrompt);
        assertTrue(condensePrompt.contains("AI: " + first.getString("answer")), condensePrompt);
        assertTrue(condensePrompt.contains(followUp), condensePrompt);
        assertEquals(standalone, second.getString("standaloneQuestion"));

        List<Message> answer = calls.get(2).messages();
        assertEquals(4, answer.size(), answer.toString());
        assertEquals("system", answer.get(0).role());
        assertEquals(new Message("user", QUESTION), answer.get(1));
        assertEquals(new Message("assistant", first.getString("answer")), answer.get(2));
        assertTrue(answer.get(3).content().contains(followUp), answer.get(3).content());
        assertTrue(second.getBoolean("answered"), second.prettify());
        assertFalse(second.getBoolean("fallback"));
    }

    @Test
    void aRewriteLongerThanAQuestionMayBeIsNotUsed() {
        String rambling = "Where does Mark Rutte chair the meeting? " + "And so on. ".repeat(1_000);
        server.respond(call -> call.answering() ? Reply.text(call.citingFirstPassage()) : Reply.text(rambling));
        String conversation = "c-" + UUID.randomUUID();
        ask(QUESTION, conversation);

        JsonPath second = ask("Where does he chair the meeting?", conversation);

        // The built-in rewrite instead: the person of the last answer in place of "he".
        String standalone = second.getString("standaloneQuestion");
        assertTrue(standalone.length() < 200 && !standalone.contains("And so on"), standalone);
        assertTrue(second.getBoolean("answered"), second.prettify());
    }

    @Test
    void streamSendsSourcesTokensAndVerifiedAnswer() {
        server.respond(call -> Reply.text(call.citingFirstPassage()));

        List<Event> events = askStream(QUESTION);

        Call call = onlyCall();
        assertTrue(call.stream());
        List<String> names = SseEvents.names(events);
        assertEquals("sources", names.getFirst(), names.toString());
        assertEquals("done", names.getLast(), names.toString());
        assertEquals(names.size() - 2, names.subList(1, names.size() - 1).stream().filter("token"::equals).count(),
                names.toString());
        assertTrue(names.size() - 2 > 1, "expected several tokens: " + names);
        String streamed = String.join("", tokens(events.subList(1, events.size() - 1)));
        assertEquals(call.citingFirstPassage(), streamed);

        JsonPath done = events.getLast().json();
        String id = call.passageIds().getFirst();
        assertTrue(done.getBoolean("answered"), done.prettify());
        assertEquals(MODEL, done.getString("answerer"));
        assertFalse(done.getBoolean("fallback"));
        assertEquals(List.of(id), done.getList("citations.id"));
        assertTrue(done.getBoolean("citations[0].supported"));
        assertEquals(done.getList("passages.id"), events.getFirst().json().getList("passages.id"));
    }

    @Test
    void streamWithServerErrorSendsErrorThenFallback() {
        server.respond(call -> Reply.status(500));

        List<Event> events = askStream(QUESTION);

        onlyCall();
        List<String> names = SseEvents.names(events);
        assertEquals(List.of("sources", "error"), names.subList(0, 2), names.toString());
        assertEquals("done", names.getLast());
        List<Event> fallbackTokens = events.subList(2, events.size() - 1);
        assertFalse(fallbackTokens.isEmpty(), names.toString());
        assertTrue(fallbackTokens.stream().allMatch(e -> e.name().equals("token")), names.toString());
        assertTrue(events.get(1).json().getString("error").contains("500"), events.get(1).data());
        JsonPath done = events.getLast().json();
        assertExtractiveFallback(done);
        assertTrue(done.getBoolean("answered"));
        assertEquals(done.getString("answer"), String.join("", tokens(fallbackTokens)));
    }

    @Test
    void streamThatOutlastsTheTimeoutFallsBackAndStopsTheModel() throws Exception {
        warmUp();
        server.respond(call -> Reply.numbered(500).every(Duration.ofMillis(20)));

        long started = System.nanoTime();
        List<Event> events = askStream(QUESTION);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(millis >= 2000 && millis < 3000, "answered after " + millis + " ms");
        List<String> names = SseEvents.names(events);
        int error = names.indexOf("error");
        assertTrue(error > 1, names.toString());
        assertTrue(tokens(events.subList(1, error)).stream().allMatch(t -> t.startsWith("chunk")), names.toString());
        // After the error, only the fallback's answer: no late model tokens mixed in.
        JsonPath done = events.getLast().json();
        assertExtractiveFallback(done);
        assertEquals(done.getString("answer"), String.join("", tokens(events.subList(error + 1, events.size() - 1))));
        // And the model is stopped rather than left streaming to nobody.
        Call call = onlyCall();
        Instant closed = call.abandoned().get(1, TimeUnit.SECONDS);
        assertTrue(Duration.between(call.received(), closed).toMillis() < 2500, "closed at " + closed);
        assertFalse(call.completed().isDone());
    }

    /** A server slow to answer a stream: its client's timeout fires first, and is said as /api/ask says it. */
    @Test
    void aStreamTheServerIsSlowToStartSaysTheTimeoutAsTheAskDoes() {
        warmUp();
        server.respond(call -> Reply.text(call.citingFirstPassage()).delayedBy(Duration.ofSeconds(6)));

        List<Event> events = askStream(QUESTION);

        List<String> names = SseEvents.names(events);
        assertEquals(List.of("sources", "error"), names.subList(0, 2), names.toString());
        JsonPath done = events.getLast().json();
        assertExtractiveFallback(done);
        assertTrue(done.getString("fallbackReason").endsWith("no complete answer within 2 s"), done.prettify());
    }

    @Test
    void clientDisconnectStopsGeneration() throws Exception {
        warmUp();
        server.respond(call -> Reply.numbered(34).every(Duration.ofMillis(300)));

        Instant left = askStreamAndLeaveAfterFirstToken(QUESTION);

        Call call = server.calls().getFirst();
        Instant closed = call.abandoned().get(3, TimeUnit.SECONDS);
        long millis = Duration.between(left, closed).toMillis();
        assertTrue(millis < 1000, "model connection closed " + millis + " ms after the client left");
        // Stopped by the disconnect, not by the 2 s timeout.
        assertTrue(Duration.between(call.received(), closed).toMillis() < 2000, "closed at " + closed);
        assertFalse(call.completed().isDone(), "the model streamed to the end");
        assertEquals(1, server.calls().size());
    }
}
