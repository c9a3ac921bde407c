package dev.citeqa.firststart;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import dev.citeqa.WatchesTheBuild;
import dev.citeqa.api.ApiExceptionMappers;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * While no index can answer (the model held before the first commit), the port is open: liveness is up,
 * readiness down with the build's progress, and the API answers 503 in its usual error shapes with the same
 * progress. Then the index opens and all of it answers.
 */
@QuarkusTest
@TestProfile(SlowModelProfile.EmbedFirst.class)
@WatchesTheBuild
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotReadyTest extends HeldModelTest {

    static final int PASSAGES = FirstStart.WEB_CORPUS_PASSAGES;

    @Test
    @Order(1)
    void theApiSays503WithTheProgress() throws Exception {
        FirstStart.await("the embedding phase", () -> FirstStart.embedding(index) != null);

        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'index' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'index' }.data.phase", equalTo("embedding"))
                .body("checks.find { it.name == 'index' }.data.done", equalTo(0))
                .body("checks.find { it.name == 'index' }.data.total", equalTo(PASSAGES))
                .body("checks.find { it.name == 'index' }.data.unit", equalTo("texts"));
        given().get("/api/status").then().statusCode(200)
                .body("ready", equalTo(false))
                .body("mode", equalTo("hybrid"))
                .body("$", not(hasKey("retrieval")))
                .body("indexing.phase", equalTo("embedding"))
                .body("indexing.total", equalTo(PASSAGES));

        given().contentType(ContentType.JSON).body("{\"question\": \"Who chaired the meeting?\"}")
                .when().post("/api/ask")
                .then().statusCode(503)
                .header("Retry-After", "5")
                .body("error", equalTo(ApiExceptionMappers.NOT_READY))
                .body("status", equalTo(503))
                .body("indexing.phase", equalTo("embedding"))
                .body("indexing.done", equalTo(0))
                .body("indexing.total", equalTo(PASSAGES))
                .body("indexing.unit", equalTo("texts"));
        given().contentType(ContentType.JSON).body("{\"question\": \"Who chaired the meeting?\"}")
                .when().post("/api/ask/stream")
                .then().statusCode(503)
                .body("status", equalTo(503))
                .body("indexing.phase", equalTo("embedding"));
        for (String path : new String[] {"/api/search?q=meeting", "/api/articles", "/api/articles/x", "/api/suggestions"}) {
            given().get(path).then().statusCode(503)
                    .body("error", equalTo(ApiExceptionMappers.NOT_READY))
                    .body("indexing.total", equalTo(PASSAGES));
        }
        for (boolean stream : new boolean[] {false, true}) {
            given().contentType(ContentType.JSON)
                    .body("{\"model\": \"citeqa\", \"stream\": " + stream
                            + ", \"messages\": [{\"role\": \"user\", \"content\": \"Who chaired the meeting?\"}]}")
                    .when().post("/v1/chat/completions")
                    .then().statusCode(503)
                    .body("error.message", equalTo(ApiExceptionMappers.NOT_READY))
                    .body("error.type", equalTo("server_error"))
                    .body("error.code", equalTo("index_not_ready"))
                    .body("citeqa.indexing.phase", equalTo("embedding"))
                    .body("citeqa.indexing.total", equalTo(PASSAGES));
        }
    }

    @Test
    @Order(2)
    void everythingAnswersOnceTheIndexOpens() throws Exception {
        // Embedded before the commit: one generation, complete at once.
        FirstStart.releaseAndAwaitVectors(model, index, 1);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/api/articles").then().statusCode(200).body("count", equalTo(6));
    }
}
