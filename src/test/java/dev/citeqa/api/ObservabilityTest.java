package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Request IDs, the access log, and the meters at {@code /q/metrics}. */
@QuarkusTest
class ObservabilityTest {

    @Test
    void everyResponseCarriesARequestIdAndASaneIncomingOneIsKept() {
        given().when().get("/api/articles")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().header("X-Request-Id", "lb-1234.abc").when().get("/api/nothing")
                .then().statusCode(404)
                .header("X-Request-Id", equalTo("lb-1234.abc"));
        // Not echoed into headers and logs: replaced.
        given().header("X-Request-Id", "x".repeat(500)).when().get("/api/articles")
                .then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().header("X-Request-Id", "a b<script>").when().get("/api/articles")
                .then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void theAccessLogCarriesTheRequestIdButNotTheQuestion() throws InterruptedException {
        String question = "Where did Mark Rutte chair the meeting codeword-quokka?";
        try (LogCapture log = LogCapture.start()) {
            given().header("X-Request-Id", "obs-ask-1").contentType(ContentType.JSON)
                    .body(Map.of("question", question)).when().post("/api/ask").then().statusCode(200);
            given().header("X-Request-Id", "obs-search-1").queryParam("q", question)
                    .when().get("/api/search").then().statusCode(200);
            String ask = awaitLine(log, l -> l.contains("id=obs-ask-1"));
            assertTrue(ask.matches(".*method=POST path=/api/ask status=200 ms=\\d+ .*"), ask);
            String search = awaitLine(log, l -> l.contains("id=obs-search-1"));
            assertTrue(search.contains("path=/api/search status=200"), search);
            assertFalse(log.text().contains("quokka"), log.text());
        }
    }

    @Test
    void metricsCoverRequestsRetrievalAnswersAbstentionsAndTheIndex() {
        given().contentType(ContentType.JSON).body(Map.of("question", "What is the population of Antalya?"))
                .when().post("/api/ask").then().statusCode(200).body("answered", equalTo(false));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.matches("(?s).*http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/ask\".*"), metrics);
        assertTrue(metrics.contains("citeqa_retrieval_seconds_bucket"), metrics);
        assertTrue(metrics.matches("(?s).*citeqa_answer_seconds_count\\{answerer=\"extractive\"} [1-9].*"), metrics);
        assertTrue(metrics.matches("(?s).*citeqa_abstentions_total\\{answerer=\"extractive\"} [1-9].*"), metrics);
        assertTrue(metrics.matches("(?s).*\nciteqa_index_documents(\\{[^}]*})? 5\\.0\n.*"), metrics);
        assertTrue(metrics.matches("(?s).*\nciteqa_index_passages(\\{[^}]*})? [1-9][0-9]*\\.0\n.*"), metrics);
        assertTrue(metrics.contains("citeqa_rate_limited_total"), metrics);
    }

    @Test
    void refusedPathsAddNoMeterAndAnArticlesPathIsMeteredUnderItsRoute() {
        String flood = "/w1" + "b".repeat(9_000);
        given().when().get(flood).then().statusCode(414);
        given().when().get("/api/nothing-metered-7").then().statusCode(404);
        given().when().get("/api/articles/004_7f23b3891e78eb35").then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertFalse(metrics.contains("bbbbbbbbbb"), "a refused path is a meter of its own");
        assertFalse(metrics.contains("nothing-metered-7"), "an unknown path is a meter of its own");
        assertFalse(metrics.contains("7f23b3891e78eb35"), "an article's path is a meter of its own");
        assertTrue(metrics.matches("(?s).*http_server_requests_seconds_count\\{[^}]*uri=\"/api/articles/\\{id}\".*"),
                metrics);
    }

    @Test
    void adminEndpointsDoNotExistWithoutAnApiKey() {
        given().when().post("/api/admin/reindex")
                .then().statusCode(404).contentType(ContentType.JSON).body("status", equalTo(404));
    }

    private static String awaitLine(LogCapture log, Predicate<String> wanted) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            for (String line : log.lines()) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no such log line in:\n" + log.text());
    }
}
