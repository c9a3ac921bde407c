package dev.citeqa.answer.llm;

import static dev.citeqa.answer.llm.AskApi.ask;
import static dev.citeqa.answer.llm.AskApi.askStream;
import static dev.citeqa.answer.llm.AskApi.askStreamAndLeaveAfterFirstToken;
import static dev.citeqa.answer.llm.AskApi.assertExtractiveFallback;
import static dev.citeqa.answer.llm.AskApi.tokens;
import static dev.citeqa.answer.llm.FakeModelResource.MODEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service against a real HTTP server speaking Ollama's {@code /api/chat}. */
@QuarkusTest
@TestProfile(OllamaProfile.class)
class OllamaAnswererTest {

    static final String QUESTION = "Where will the informal meeting of NATO foreign ministers be held?";

    @InjectFakeModelServer
    FakeModelServer server;

    @BeforeEach
    void reset() {
        server.reset();
    }

    private Call onlyCall() {
        return server.onlyCall(FakeModelServer.OLLAMA_PATH);
    }

    @Test
    void citedAnswer() throws IOException {
        server.respond(call -> Reply.text(call.citingFirstPassage()));

        JsonPath response = ask(QUESTION, null);

        Call call = onlyCall();
        assertFalse(call.stream());
        assertEquals(MODEL, call.body().getString("model"));
        assertEquals(0.0, call.body().getJsonObject("options").getDouble("temperature"));
        assertEquals(512, call.body().getJsonObject("options").getInteger("num_predict"));
        List<Message> messages = call.messages();
        assertEquals(new Message("system", Files.readString(Path.of("prompts/system.txt")).strip()),
                messages.getFirst());
        assertEquals(response.getList("passages.id").stream().distinct().toList(),
                call.passageIds().stream().distinct().toList());
        String id = call.passageIds().getFirst();
        assertTrue(response.getBoolean("answered"), response.prettify());
        assertEquals(MODEL, response.getString("answerer"));
        assertFalse(response.getBoolean("fallback"));
        assertEquals(List.of(id), response.getList("citations.id"));
        assertTrue(response.getBoolean("citations[0].supported"));
        assertEquals(call.citingFirstPassage(), response.getString("answer"));
        assertFalse(AskApi.askV1(QUESTION).getMap("citeqa").containsKey("fallback"), "no fallback, no field");
    }

    @Test
    void serverErrorFallsBackToExtractive() {
        server.respond(call -> Reply.status(500));

        JsonPath response = ask(QUESTION, null);

        onlyCall();
        assertExtractiveFallback(response);
        assertTrue(response.getString("fallbackReason").contains("500"), response.getString("fallbackReason"));
        assertTrue(response.getBoolean("answered"));
        assertFalse(response.getList("citations").isEmpty());
        // An OpenAI client is told too: its model was not the one that answered.
        JsonPath v1 = AskApi.askV1(QUESTION);
        assertTrue(v1.getBoolean("citeqa.fallback"), v1.prettify());
        assertTrue(v1.getString("citeqa.fallbackReason").contains("500"), v1.prettify());
    }

    @Test
    void slowServerFallsBackWithinTheTimeout() {
        server.respond(call -> Reply.status(500));
        ask(QUESTION, null); // warm up, so that only the fallback is timed
        server.reset();
        server.respond(call -> Reply.text(call.citingFirstPassage()).delayedBy(Duration.ofSeconds(6)));

        long started = System.nanoTime();
        JsonPath response = ask(QUESTION, null);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(millis >= 2000 && millis < 3000, "answered after " + millis + " ms");
        assertExtractiveFallback(response);
        assertTrue(response.getBoolean("answered"));
    }

    @Test
    void streamSendsSourcesTokensAndVerifiedAnswer() {
        server.respond(call -> {
            String answer = call.citingFirstPassage();
            int half = answer.indexOf(' ', answer.length() / 2);
            return Reply.chunks(answer.substring(0, half), answer.substring(half, answer.length() - 1),
                    answer.substring(answer.length() - 1));
        });

        List<Event> events = askStream(QUESTION);

        Call call = onlyCall();
        assertTrue(call.stream());
        List<String> names = SseEvents.names(events);
        assertEquals(List.of("sources", "token", "token", "token", "done"), names);
        assertEquals(call.citingFirstPassage(), String.join("", tokens(events)));
        JsonPath done = events.getLast().json();
        assertTrue(done.getBoolean("answered"), done.prettify());
        assertEquals(MODEL, done.getString("answerer"));
        assertFalse(done.getBoolean("fallback"));
        assertEquals(List.of(call.passageIds().getFirst()), done.getList("citations.id"));
    }

    @Test
    void streamWithServerErrorSendsErrorThenFallback() {
        server.respond(call -> Reply.status(500));

        List<Event> events = askStream(QUESTION);

        onlyCall();
        List<String> names = SseEvents.names(events);
        assertEquals(List.of("sources", "error", "token", "done"), names);
        JsonPath done = events.getLast().json();
        assertExtractiveFallback(done);
        assertEquals(done.getString("answer"), String.join("", tokens(events)));
    }

    @Test
    void clientDisconnectStopsGeneration() throws Exception {
        server.respond(call -> Reply.numbered(34).every(Duration.ofMillis(300)));

        Instant left = askStreamAndLeaveAfterFirstToken(QUESTION);

        Call call = server.calls().getFirst();
        Instant closed = call.abandoned().get(3, TimeUnit.SECONDS);
        assertTrue(Duration.between(left, closed).toMillis() < 1000, "closed at " + closed + ", left at " + left);
        assertFalse(call.completed().isDone(), "the model streamed to the end");
    }
}
