package dev.citeqa.firststart;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.citeqa.WatchesTheBuild;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * A vector pass that fails (the model throws, as it does when the machine runs out of memory) is tried again by
 * itself: BM25 answers meanwhile, the status says why the vectors are late, and no change to the folder nor an
 * admin reindex is needed for them to come.
 */
@QuarkusTest
@TestProfile(SlowModelProfile.FailingOnce.class)
@WatchesTheBuild
class VectorRetryTest extends HeldModelTest {

    @Test
    void aFailedVectorPassIsTriedAgainWithoutAReindex() throws Exception {
        FirstStart.await("the first vector pass to fail", () -> index.vectorError() != null);
        given().get("/api/status").then().statusCode(200)
                .body("retrieval", equalTo("bm25"))
                .body("vectors", equalTo("pending"))
                .body("error", containsString("the model failed"));

        FirstStart.await("the retry, in the model's hands", () -> model.holding());
        model.release();
        FirstStart.await("the vectors, a second later", () -> index.vectorError() == null && index.isReady()
                && index.indexing() == null && "complete".equals(given().get("/api/status").path("vectors")));
        assertNull(index.vectorError());
        given().get("/api/status").then().statusCode(200)
                .body("retrieval", equalTo("hybrid"))
                .body("generation", equalTo(2));
        assertEquals(FirstStart.WEB_CORPUS_PASSAGES, index.textsEmbedded(), "each text embedded once");
    }
}
