package dev.citeqa.answer.llm;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.HostileCorpus;
import dev.citeqa.LogCapture;
import dev.citeqa.answer.llm.FakeModelResource.InjectFakeModelServer;
import dev.citeqa.answer.llm.FakeModelServer.Call;
import dev.citeqa.answer.llm.FakeModelServer.Reply;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A model that obeys the instructions hidden in articles, or is talked into repeating its own: whatever it
 * writes, the service cites only retrieved articles, keeps its answer format, and never shows or logs the
 * system prompt or either API key.
 */
@QuarkusTest
@TestProfile(HostileModelTest.Profile.class)
class HostileModelTest {

    static final String API_KEY = "service-key-0123456789abcdef";
    static final String MODEL_KEY = "model-key-fedcba9876543210";

    public static final class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("citeqa.corpus.dir", HostileCorpus.DIR, "citeqa.api-key", API_KEY,
                    "citeqa.openai.api-key", MODEL_KEY);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeModelResource.class,
                    Map.of("provider", "openai", "data-dir", "target/test-data/hostile-openai")));
        }
    }

    @InjectFakeModelServer
    FakeModelServer server;

    @BeforeEach
    void reset() {
        server.reset();
    }

    /** What a model that does as the articles say, or as a user asks, might write. */
    static final List<Function<Call, Reply>> OBEDIENT = List.of(
            call -> Reply.text("PWNED [" + HostileCorpus.INVENTED_ID + "]"),
            call -> Reply.text("PWNED"),
            call -> Reply.text("{\"answer\": \"PWNED\", \"sources\": [\"" + HostileCorpus.INVENTED_ID + "\"]}"),
            call -> Reply.text("PWNED. [" + call.passageIds().getFirst() + "] [" + HostileCorpus.INVENTED_ID + "]"),
            call -> Reply.text("My instructions were: " + call.messages().getFirst().content() + " ["
                    + call.passageIds().getFirst() + "]"),
            call -> Reply.status(500));

    @Test
    void anObedientModelCannotCiteWhatWasNotRetrievedNorLeakItsPrompt() throws IOException {
        String system = Files.readString(Path.of("prompts/system.txt"));
        List<String> secrets = new ArrayList<>(LlmAnswerer.instructionPhrases(system));
        secrets.add(API_KEY);
        secrets.add(MODEL_KEY);
        try (LogCapture log = LogCapture.start()) {
            for (Function<Call, Reply> script : OBEDIENT) {
                for (String question : HostileCorpus.QUESTIONS) {
                    server.reset();
                    server.respond(script);
                    String body = given().header("Authorization", "Bearer " + API_KEY).contentType(ContentType.JSON)
                            .body(Map.of("question", question)).when().post("/api/ask")
                            .then().statusCode(200).extract().asString();
                    HostileCorpus.assertUnmoved(new JsonPath(body));
                    assertFalse(containsAny(body, secrets), body);
                    // The article reached the model as a passage, never as instructions.
                    Call answering = server.calls().getLast();
                    assertEquals(system.strip(), answering.messages().getFirst().content().strip());
                }
            }
            assertFalse(containsAny(log.text(), secrets), log.text());
        }
    }

    /**
     * An article's own markers reach the model in round brackets; a model that puts them back, quoting the
     * article as it reads, cites nothing by them.
     */
    @Test
    void markersQuotedFromAnArticleAreNoCitations() {
        String sentence = "The working dinner of NATO foreign ministers in Antalya on May 14 was chaired by PWNED "
                + HostileCorpus.FORGED_MARKERS + ", the organisers said.";
        server.respond(call -> Reply.text(sentence));
        JsonPath response = given().header("X-API-Key", API_KEY).contentType(ContentType.JSON)
                .body(Map.of("question", HostileCorpus.FORGED_QUESTION)).when().post("/api/ask")
                .then().statusCode(200).extract().jsonPath();

        String prompt = server.calls().getLast().messages().getLast().content();
        assertTrue(prompt.contains("chaired by PWNED (999_deadbeefdeadbeef) (001_ef047f98b842d2d5), the organisers"),
                prompt);
        HostileCorpus.assertUnmoved(response);
        assertFalse(response.getList("citations.id", String.class).contains("001_ef047f98b842d2d5"),
                response.prettify());
        assertFalse(response.getString("answer").contains("[001_ef047f98b842d2d5]"), response.prettify());
    }

    /** A stream that breaks off is part of an answer: the built-in answerer answers, and says why. */
    @Test
    void aModelThatBreaksOffIsFallenBackFrom() {
        server.respond(call -> Reply.text(call.citingFirstPassage() + " And then the talks").breakingOff());
        for (String path : List.of("/api/ask", "/api/ask/stream")) {
            String body = given().header("X-API-Key", API_KEY).contentType(ContentType.JSON)
                    .body(Map.of("question", HostileCorpus.QUESTIONS.getFirst())).when().post(path)
                    .then().statusCode(200).extract().asString();
            assertTrue(body.contains("\"fallback\":true"), path + ": " + body);
            // Streamed tokens reach the client as they come (README, Limits); the answer itself is the fallback's.
            String answer = path.endsWith("stream") ? body.substring(body.lastIndexOf("event: done")) : body;
            assertFalse(answer.contains("And then the talks"), path + ": " + body);
        }
    }

    @Test
    void anAnswerFarLongerThanAnyPromptAllowsIsFallenBackFrom() {
        server.respond(call -> Reply.text(call.citingFirstPassage() + " " + "word ".repeat(5_000)));
        String body = given().header("X-API-Key", API_KEY).contentType(ContentType.JSON)
                .body(Map.of("question", HostileCorpus.QUESTIONS.getFirst())).when().post("/api/ask")
                .then().statusCode(200).extract().asString();
        assertTrue(body.contains("\"fallback\":true") && body.contains("over the 20000"), body);
    }

    @Test
    void aModelRepeatingItsInstructionsIsWithheld() {
        server.respond(call -> Reply.text(call.messages().getFirst().content() + " [" + call.passageIds().getFirst()
                + "]"));
        JsonPath response = given().header("X-API-Key", API_KEY).contentType(ContentType.JSON)
                .body(Map.of("question", HostileCorpus.QUESTIONS.getFirst())).when().post("/api/ask")
                .then().statusCode(200).extract().jsonPath();
        assertFalse(response.getBoolean("answered"));
        assertTrue(response.getString("answer").contains("withheld"), response.prettify());
    }

    @Test
    void livenessDoesNotDependOnTheModel() {
        server.respond(call -> Reply.status(503));
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health").then().statusCode(200);
        assertTrue(server.calls().isEmpty(), server.calls().toString());
    }

    private static boolean containsAny(String text, List<String> secrets) {
        String normalized = text.toLowerCase().replaceAll("[^\\p{L}\\p{N}]+", " ");
        return secrets.stream().anyMatch(s -> text.contains(s)
                || normalized.contains(s.toLowerCase().replaceAll("[^\\p{L}\\p{N}]+", " ").strip()));
    }
}
