package dev.citeqa.firststart;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.WatchesTheBuild;
import dev.citeqa.app.Reindex;
import dev.citeqa.index.BuildProgress;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A reindex that adds articles while the first start's vector pass runs: the reindex goes first (the pass stops
 * after the batch the model has in hand), its new articles answer by BM25 as soon as it returns, and the
 * vector pass then starts again on the new generation, taking what it had embedded from the cache.
 */
@QuarkusTest
@TestProfile(SlowModelProfile.OwnCorpus.class)
@WatchesTheBuild
class ReindexDuringVectorsTest extends HeldModelTest {

    static final int PASSAGES = FirstStart.WEB_CORPUS_PASSAGES;
    static final String[] PLACES = {"Quellhafen", "Brixmoor", "Tollevik"};

    @Test
    void theReindexGoesFirstAndItsArticlesAnswerByBm25AtOnce() throws Exception {
        FirstStart.await("the vector pass of generation 1 in the model", () -> index.isReady()
                && FirstStart.embedding(index) != null && model.holding());
        for (int i = 0; i < PLACES.length; i++) {
            Files.writeString(SlowModelProfile.OwnCorpus.CORPUS.resolve("new_" + i + ".txt"),
                    "Ferry service resumes in " + PLACES[i] + "\n\nCoast Courier - 2 June 2025\n\n"
                            + "The ferry between " + PLACES[i] + " and the mainland resumed on Monday after the "
                            + "storm damage to the pier was repaired by a crew of " + (40 + i) + " workers.\n");
        }

        AtomicReference<Reindex> result = new AtomicReference<>();
        Thread reindex = Thread.ofPlatform().start(() -> result.set(index.reindex()));
        // Parked on the writer lock: it has asked the vector pass, held inside its batch, to stop.
        FirstStart.await("the reindex waiting for the vector pass", () -> reindex.getState() == Thread.State.WAITING);
        model.allow(1);
        reindex.join(Duration.ofMinutes(2));
        Reindex done = result.get();
        assertEquals("updated", done.outcome());
        assertEquals(2, done.generation(), "the reindex's generation, not the vectors'");
        assertEquals(6 + PLACES.length, done.documents());
        assertEquals("pending", done.vectors());

        given().queryParam("q", "ferry " + PLACES[1]).get("/api/search").then().statusCode(200)
                .body("retrieval", equalTo("bm25"))
                .body("hits[0].id", equalTo("new_1"));
        given().contentType(ContentType.JSON)
                .body("{\"question\": \"How many workers repaired the pier in " + PLACES[2] + "?\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("retrieval", equalTo("bm25"))
                .body("answer", containsString("42"));

        // The pass starts again on generation 2: the batch it finished before stopping is in the cache.
        FirstStart.await("the vector pass of generation 2 in the model", () -> {
            BuildProgress.Snapshot progress = FirstStart.embedding(index);
            return progress != null && progress.cached() == PASSAGES && model.holding();
        });
        assertEquals(PASSAGES + PLACES.length, index.indexing().total());
        assertEquals(PASSAGES, index.textsEmbedded());

        model.release();
        assertTrue(index.awaitSettled(Duration.ofMinutes(2)));
        given().get("/api/status").then().statusCode(200)
                .body("retrieval", equalTo("hybrid"))
                .body("vectors", equalTo("complete"))
                .body("generation", equalTo(3))
                .body("documents", equalTo(6 + PLACES.length))
                .body("passages", equalTo(PASSAGES + PLACES.length))
                .body("textsEmbedded", equalTo(PASSAGES + PLACES.length));
    }
}
