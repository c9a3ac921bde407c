package dev.citeqa.firststart;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.WatchesTheBuild;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A first start in hybrid mode with nothing cached: the words are committed first and BM25 answers every API,
 * each response saying so, while the (held) model has the vectors to do; then the vectors come in a second
 * generation and the configured mode takes over.
 */
@QuarkusTest
@TestProfile(SlowModelProfile.class)
@WatchesTheBuild
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstStartTest extends HeldModelTest {

    /** The web corpus's passages: the texts a first build embeds (one per passage, titles included). */
    static final int PASSAGES = FirstStart.WEB_CORPUS_PASSAGES;
    static final String QUESTION = "Where did Mark Rutte chair the informal meeting of NATO foreign ministers?";

    @Test
    @Order(1)
    void bm25AnswersWhileTheVectorsWait() throws Exception {
        FirstStart.await("the words committed", () -> index.isReady()
                && FirstStart.embedding(index) != null);

        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'index' }.data.retrieval", equalTo("bm25"))
                .body("checks.find { it.name == 'index' }.data.mode", equalTo("hybrid"))
                .body("checks.find { it.name == 'index' }.data.vectors", equalTo("pending"))
                .body("checks.find { it.name == 'index' }.data.generation", equalTo(1))
                .body("checks.find { it.name == 'index' }.data.documents", equalTo(6))
                .body("checks.find { it.name == 'index' }.data.phase", equalTo("embedding"))
                .body("checks.find { it.name == 'index' }.data.done", equalTo(0))
                .body("checks.find { it.name == 'index' }.data.total", equalTo(PASSAGES))
                .body("checks.find { it.name == 'index' }.data.unit", equalTo("texts"));

        given().get("/api/status").then().statusCode(200)
                .body("ready", equalTo(true))
                .body("retrieval", equalTo("bm25"))
                .body("mode", equalTo("hybrid"))
                .body("vectors", equalTo("pending"))
                .body("generation", equalTo(1))
                .body("documents", equalTo(6))
                .body("passages", equalTo(PASSAGES))
                .body("textsEmbedded", equalTo(0))
                .body("indexing.phase", equalTo("embedding"))
                .body("indexing.done", equalTo(0))
                .body("indexing.total", equalTo(PASSAGES))
                .body("indexing.unit", equalTo("texts"))
                .body("indexing.percent", equalTo(0))
                .body("indexing.cached", equalTo(0))
                .body("indexing.embedded", equalTo(0));

        given().contentType(ContentType.JSON).body("{\"question\": \"" + QUESTION + "\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("answered", equalTo(true))
                .body("answer", containsString("Antalya"))
                .body("retrieval", equalTo("bm25"))
                .body("indexing.phase", equalTo("embedding"))
                .body("indexing.total", equalTo(PASSAGES));

        String stream = given().contentType(ContentType.JSON).body("{\"question\": \"" + QUESTION + "\"}")
                .when().post("/api/ask/stream")
                .then().statusCode(200).extract().asString();
        JsonPath done = FirstStart.event(stream, "done");
        assertEquals("bm25", done.getString("retrieval"));
        assertEquals("embedding", done.getString("indexing.phase"));

        given().queryParam("q", "NATO foreign ministers Antalya").get("/api/search")
                .then().statusCode(200)
                .body("mode", equalTo("hybrid"))
                .body("retrieval", equalTo("bm25"))
                .body("indexing.phase", equalTo("embedding"));
        given().queryParam("q", "NATO foreign ministers Antalya").queryParam("mode", "dense").get("/api/search")
                .then().statusCode(200)
                .body("mode", equalTo("dense"))
                .body("retrieval", equalTo("bm25"));

        given().contentType(ContentType.JSON)
                .body("{\"model\": \"citeqa\", \"messages\": [{\"role\": \"user\", \"content\": \"" + QUESTION + "\"}]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .body("citeqa.retrieval", equalTo("bm25"))
                .body("citeqa.indexing.phase", equalTo("embedding"))
                .body("citeqa.indexing.total", equalTo(PASSAGES));
        String chunks = given().contentType(ContentType.JSON)
                .body("{\"model\": \"citeqa\", \"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \""
                        + QUESTION + "\"}]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(200).extract().asString();
        JsonPath last = FirstStart.lastChunk(chunks);
        assertEquals("bm25", last.getString("citeqa.retrieval"));
        assertEquals("stop", last.getString("choices[0].finish_reason"));

        // Still held: nothing was embedded for the index meanwhile. (The answers compared meanings, embedding the
        // question and the passages they read one by one, which the held batches of the build do not count.)
        given().get("/api/status").then().body("indexing.done", equalTo(0)).body("textsEmbedded", equalTo(0));
    }

    @Test
    @Order(2)
    void theConfiguredModeTakesOverOnceTheVectorsAreIn() throws Exception {
        // The words, then the same words with vectors: two generations.
        FirstStart.releaseAndAwaitVectors(model, index, 2);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'index' }.data.retrieval", equalTo("hybrid"))
                .body("checks.find { it.name == 'index' }.data.vectors", equalTo("complete"))
                .body("checks.find { it.name == 'index' }.data.textsEmbedded", equalTo(PASSAGES))
                .body("checks.find { it.name == 'index' }.data.phase", nullValue());
        given().contentType(ContentType.JSON).body("{\"question\": \"" + QUESTION + "\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("answer", containsString("Antalya"))
                .body("retrieval", equalTo("hybrid"))
                .body("$", not(hasKey("indexing")));
        given().queryParam("q", "NATO foreign ministers Antalya").queryParam("mode", "dense").get("/api/search")
                .then().statusCode(200).body("retrieval", equalTo("dense"));
    }
}
