package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /api/ask} over the seed corpus: answers, conversations, streaming, and every way to get it wrong. */
@QuarkusTest
class AskResourceTest {

    @Test
    void answersWithCitationsAndPassages() {
        given().contentType(ContentType.JSON)
                .body("{\"question\": \"Where did Mark Rutte chair the informal meeting of NATO foreign ministers?\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("answered", equalTo(true))
                .body("answer", containsString("Antalya"))
                .body("answer", matchesPattern("(?s).*\\[\\d{3}_[0-9a-f]{16}].*"))
                .body("citations[0].id", matchesPattern("\\d{3}_[0-9a-f]{16}"))
                .body("citations[0].title", notNullValue())
                .body("citations[0].snippet", containsString("Antalya"))
                .body("citations[0].end", greaterThan(0))
                .body("passages.size()", greaterThan(0))
                .body("answerer", equalTo("extractive"))
                .body("fallback", equalTo(false))
                .body("conversationId", notNullValue())
                .body("timingsMs.total", notNullValue());
    }

    @Test
    void aFollowUpIsResolvedWithTheConversation() {
        String conversation = given().contentType(ContentType.JSON)
                .body("{\"question\": \"Who is the NATO Secretary General?\", \"conversationId\": \"follow-up-test\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("conversationId", equalTo("follow-up-test"))
                .extract().path("conversationId");
        given().contentType(ContentType.JSON)
                .body("{\"question\": \"What did he say about Russia?\", \"conversationId\": \"" + conversation + "\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("standaloneQuestion", containsString("Rutte"))
                .body("answer", containsString("Russia’s court"))
                .body("citations.id", hasItem("004_7f23b3891e78eb35"));
    }

    @Test
    void anOffCorpusQuestionIsNotAnswered() {
        given().contentType(ContentType.JSON)
                .body("{\"question\": \"What is the population of Antalya?\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("answered", equalTo(false))
                .body("answer", startsWith("The corpus does not say."))
                .body("citations.size()", equalTo(0));
    }

    @Test
    void streamsSourcesThenTokensThenDone() {
        String body = given().contentType(ContentType.JSON)
                .body("{\"question\": \"Whose legitimacy did Lavrov question?\"}")
                .when().post("/api/ask/stream")
                .then().statusCode(200)
                .contentType(containsString("text/event-stream"))
                .extract().asString();
        List<String> events = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^event: ?(\\w+)").matcher(body);
        while (m.find()) {
            events.add(m.group(1));
        }
        assertEquals(List.of("sources", "token", "done"), events, body);
        assertTrue(body.contains("Zelensky"), body);
        assertTrue(body.contains("\"answered\":true"), body);
    }

    @Test
    void aBadStreamRequestIsAJsonError() {
        given().contentType(ContentType.JSON).body("{\"question\": 42}")
                .when().post("/api/ask/stream")
                .then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", containsString("string"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"question\": \"\"}", "{\"question\": \"   \"}", "{\"question\": null}",
            // Control characters only: blank once cleaned, not a crash in the embedding model.
            "{\"question\": \"\\u0000\\u0001 \\u001b\"}", "{\"question\": \"\\ud800\"}",
            "{\"question\": 42}", "{\"question\": [\"a\"]}", "{\"question\": {\"text\": \"a\"}}",
            "{\"question\": true}", "[]", "\"just a string\"", "42", "null", "{\"question\": \"ok\", "
                    + "\"conversationId\": 7}", "{\"question\": \"ok\", \"conversationId\": \"no spaces allowed\"}"})
    void invalidBodiesAre400(String body) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/ask")
                .then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("status", equalTo(400))
                .body("error", not(containsString("Exception")));
    }

    @Test
    void malformedJsonAndEmptyBodyAre400() {
        given().contentType(ContentType.JSON).body("{\"question\": ")
                .when().post("/api/ask")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("The request body is not valid JSON."));
        given().contentType(ContentType.JSON)
                .when().post("/api/ask")
                .then().statusCode(400).contentType(ContentType.JSON);
    }

    @Test
    void aQuestionOverTheLimitIs400() {
        given().contentType(ContentType.JSON).body("{\"question\": \"" + "a".repeat(2001) + "\"}")
                .when().post("/api/ask")
                .then().statusCode(400)
                .body("error", containsString("2000"));
    }

    @Test
    void anOversizedBodyIs413Json() {
        given().contentType(ContentType.JSON).body("{\"question\": \"" + "a".repeat(70_000) + "\"}")
                .when().post("/api/ask")
                .then().statusCode(413)
                .contentType(ContentType.JSON)
                .body("status", equalTo(413));
    }

    @Test
    void otherContentTypesAndMethodsAreJsonErrors() {
        given().contentType(ContentType.TEXT).body("Where is Antalya?")
                .when().post("/api/ask")
                .then().statusCode(415).contentType(ContentType.JSON).body("status", equalTo(415));
        given().when().get("/api/ask")
                .then().statusCode(405).contentType(ContentType.JSON).body("status", equalTo(405));
        given().when().get("/api/nothing-here")
                .then().statusCode(404).contentType(ContentType.JSON).body("status", equalTo(404));
    }
}
