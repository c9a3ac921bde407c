package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.config.CiteQaConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /api/admin/reindex} on a corpus folder the tests edit while the service runs. */
@QuarkusTest
@ExtendWith(LiveCorpus.SendsKey.class)
@TestProfile(LiveCorpus.OnRequest.class)
class AdminResourceTest {

    @Inject
    CiteQaConfig config;

    private Path corpus() {
        return Path.of(config.corpus().dir());
    }

    private static ValidatableResponse reindex() {
        return given().when().post("/api/admin/reindex")
                .then().contentType(ContentType.JSON);
    }

    private static JsonPath readiness() {
        return given().when().get("/q/health/ready").then().statusCode(200).extract().jsonPath()
                .setRootPath("checks.find { it.name == 'index' }.data");
    }

    @Test
    void reindexPicksUpAddedEditedAndDeletedFiles() throws IOException {
        JsonPath before = reindex().statusCode(200).extract().jsonPath();
        int documents = before.getInt("documents");
        long generation = before.getLong("generation");
        Path file = corpus().resolve("admin_added.txt");

        Files.writeString(file, "Lighthouse keeper retires\n\nThe keeper of the Gull Point lighthouse retired.");
        reindex().statusCode(200)
                .body("outcome", equalTo("updated"))
                .body("generation", equalTo((int) generation + 1))
                .body("documents", equalTo(documents + 1))
                .body("passages", greaterThan(documents))
                .body("durationMs", notNullValue())
                .body("error", equalTo(null));
        given().when().get("/api/articles/admin_added").then().statusCode(200)
                .body("title", equalTo("Lighthouse keeper retires"));
        JsonPath ready = readiness();
        assertEquals(generation + 1, ready.getLong("generation"));
        assertEquals(documents + 1, ready.getInt("documents"));
        assertEquals("updated", ready.getString("lastReindex"));

        Files.writeString(file, "Lighthouse keeper stays\n\nThe keeper of the Gull Point lighthouse changed her mind.");
        reindex().statusCode(200).body("outcome", equalTo("updated")).body("documents", equalTo(documents + 1));
        given().when().get("/api/articles/admin_added").then().statusCode(200)
                .body("title", equalTo("Lighthouse keeper stays"));

        Files.delete(file);
        reindex().statusCode(200).body("outcome", equalTo("updated")).body("documents", equalTo(documents));
        given().when().get("/api/articles/admin_added").then().statusCode(404);

        reindex().statusCode(200).body("outcome", equalTo("unchanged"));
        assertTrue(metrics().contains("citeqa_reindex_total{outcome=\"updated\"}"), "reindex outcomes are counted");
    }

    /** A file named after its headline, with a copy tool's " (1)": its name is its ID, in the URL and in citations. */
    @Test
    void anArticleNamedWithSpacesIsServedAndCited() throws IOException {
        Path file = corpus().resolve("Lighthouse keeper retires (1).txt");
        Files.writeString(file, "Lighthouse keeper retires\n\nThe keeper of the Gull Point lighthouse retired after "
                + "forty years.");
        try {
            reindex().statusCode(200).body("skipped.count", equalTo(0));
            given().when().get("/api/articles/{id}", "Lighthouse keeper retires (1)").then().statusCode(200)
                    .body("id", equalTo("Lighthouse keeper retires (1)"))
                    .body("title", equalTo("Lighthouse keeper retires"));
            given().contentType(ContentType.JSON)
                    .body(Map.of("question", "What happened at the Gull Point lighthouse?")).when().post("/api/ask").then().statusCode(200)
                    .body("citations[0].id", equalTo("Lighthouse keeper retires (1)"))
                    .body("answer", containsString("[Lighthouse keeper retires (1)]"));
        } finally {
            Files.deleteIfExists(file);
        }
        reindex().statusCode(200);
    }

    @Test
    void aFailedReindexKeepsServingTheOldIndexAndSaysWhy() throws IOException {
        int documents = reindex().statusCode(200).extract().jsonPath().getInt("documents");
        Path moved = corpus().resolveSibling("corpus-away");
        Files.move(corpus(), moved);
        try {
            reindex().statusCode(503)
                    .body("outcome", equalTo("failed"))
                    .body("error", containsString("is not a folder"))
                    .body("documents", equalTo(documents));
            JsonPath ready = readiness();
            assertEquals("failed", ready.getString("lastReindex"));
            // Readiness is open to everyone: with a key set, the error's text is for those who hold it.
            assertEquals("see /api/status (needs the API key)", ready.getString("lastReindexError"));
            assertEquals(documents, ready.getInt("documents"));
            // The status, which the page polls, says so too.
            given().when().get("/api/status").then().statusCode(200)
                    .body("ready", equalTo(true))
                    .body("error", containsString("The last reindex failed"))
                    // Nor does the status name a server path.
                    .body("error", containsString("IOException: citeqa.corpus.dir: '<corpus>' is not a folder"));
            given().when().get("/api/search?q=harbour expansion").then().statusCode(200)
                    .body("hits.size()", greaterThan(0));
            assertTrue(metrics().contains("citeqa_reindex_total{outcome=\"failed\"}"));
        } finally {
            Files.move(moved, corpus());
        }
        reindex().statusCode(200).body("documents", equalTo(documents));
        assertEquals("unchanged", readiness().getString("lastReindex"));
    }

    @Test
    void skippedFilesAreCountedByReasonInTheResponseAndTheReadinessCheck() throws IOException {
        List<Path> bad = List.of(corpus().resolve("admin_empty.txt"), corpus().resolve("admin_binary.txt"),
                corpus().resolve("admin_blank.txt"), corpus().resolve("admin [bad] name.txt"));
        Files.writeString(bad.get(0), "");
        Files.write(bad.get(1), new byte[] {'%', 'P', 'D', 'F', 0, 1, 2});
        Files.writeString(bad.get(2), "\n \u200B\n");
        Files.writeString(bad.get(3), "Brackets in a name would break citation markers.");
        try {
            JsonPath response = reindex().statusCode(200).extract().jsonPath();
            assertEquals(4, response.getInt("skipped.count"));
            assertEquals(Set.of("count", "byReason", "files"), response.getMap("skipped").keySet());
            assertEquals(Map.of("bad-name", 1, "binary", 1, "empty", 1, "whitespace-only", 1),
                    response.getMap("skipped.byReason"));
            assertEquals(List.of(Map.of("file", "admin [bad] name.txt", "reason", "bad-name"),
                    Map.of("file", "admin_binary.txt", "reason", "binary"),
                    Map.of("file", "admin_blank.txt", "reason", "whitespace-only"),
                    Map.of("file", "admin_empty.txt", "reason", "empty")), response.getList("skipped.files"));

            JsonPath ready = readiness();
            assertEquals(4, ready.getInt("skipped"));
            assertEquals("bad-name: 1, binary: 1, empty: 1, whitespace-only: 1", ready.getString("skippedByReason"));
            assertNull(ready.getString("skippedFiles"), "names are for those who hold the key");
        } finally {
            for (Path file : bad) {
                Files.deleteIfExists(file);
            }
        }
        reindex().statusCode(200).body("skipped.count", equalTo(0));
        assertEquals(0, readiness().getInt("skipped"));
    }

    /**
     * Readers hammer the service while articles come and go in several reindexes: every request is answered,
     * and every article list is a whole generation, never a partial one.
     */
    @Test
    void queriesDuringReindexesKeepGettingAnswers() throws Exception {
        int documents = reindex().statusCode(200).extract().jsonPath().getInt("documents");
        int batch = 200;
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger answered = new AtomicInteger();
        Set<String> failures = ConcurrentHashMap.newKeySet();
        Set<Integer> counts = ConcurrentHashMap.newKeySet();
        ExecutorService readers = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        running.add(readers.submit(() -> {
            while (!done.get()) {
                var r = given().contentType(ContentType.JSON)
                        .body(Map.of("question", "Who is the director of the Riverside Museum?"))
                        .when().post("/api/ask").then().extract();
                check(r.statusCode(), r.statusCode() == 200 && r.jsonPath().getBoolean("answered"), "ask", failures);
                answered.incrementAndGet();
            }
        }));
        running.add(readers.submit(() -> {
            while (!done.get()) {
                var r = given().when().get("/api/search?q=harbour expansion berths").then().extract();
                check(r.statusCode(), r.statusCode() == 200 && r.jsonPath().getInt("hits.size()") > 0, "search",
                        failures);
                answered.incrementAndGet();
            }
        }));
        running.add(readers.submit(() -> {
            while (!done.get()) {
                var r = given().when().get("/api/articles").then().extract();
                check(r.statusCode(), r.statusCode() == 200, "articles", failures);
                counts.add(r.jsonPath().getInt("count"));
                answered.incrementAndGet();
            }
        }));
        try {
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < batch; i++) {
                    Files.writeString(corpus().resolve("bulk_" + i + ".txt"), "Bulletin " + i + "\n\nThe county fair "
                            + "opened stall " + i + " on Monday. Visitors bought " + (i * 7 % 97) + " pies there.");
                }
                reindex().statusCode(200).body("documents", equalTo(documents + batch));
                for (int i = 0; i < batch; i++) {
                    Files.delete(corpus().resolve("bulk_" + i + ".txt"));
                }
                reindex().statusCode(200).body("documents", equalTo(documents));
            }
        } finally {
            done.set(true);
            readers.shutdown();
        }
        for (Future<?> f : running) {
            f.get();
        }
        assertEquals(Set.of(), failures);
        assertTrue(answered.get() > 10, "readers ran during the reindexes: " + answered.get());
        assertTrue(Set.of(documents, documents + batch).containsAll(counts), "whole generations only: " + counts);
    }

    private static void check(int status, boolean ok, String what, Set<String> failures) {
        if (!ok) {
            failures.add(what + " answered " + status);
        }
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
