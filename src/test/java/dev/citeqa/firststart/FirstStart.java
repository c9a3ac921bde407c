package dev.citeqa.firststart;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.app.IndexService;
import dev.citeqa.index.BuildProgress;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** What the first-start tests share. */
public final class FirstStart {

    /**
     * Passages of {@code src/test/resources/web-corpus} with the default chunking (120 words, one sentence of
     * overlap): one embedded text each: 11.1 per 1,000 words (2,335 words).
     */
    static final int WEB_CORPUS_PASSAGES = 26;

    private FirstStart() {}

    /** Lets the model go, waits for the build to settle, and checks the index is complete in hybrid mode. */
    static void releaseAndAwaitVectors(SlowModelLoader model, IndexService index, int generation)
            throws InterruptedException {
        model.release();
        assertTrue(index.awaitSettled(Duration.ofMinutes(2)));
        given().get("/api/status").then().statusCode(200)
                .body("ready", equalTo(true))
                .body("retrieval", equalTo("hybrid"))
                .body("vectors", equalTo("complete"))
                .body("generation", equalTo(generation))
                .body("documents", equalTo(6))
                .body("passages", equalTo(WEB_CORPUS_PASSAGES))
                .body("textsEmbedded", equalTo(WEB_CORPUS_PASSAGES))
                .body("$", not(hasKey("indexing")));
    }

    /**
     * The build's progress while it embeds, or null: read once, as the build may move on between two reads and
     * leave no progress to read.
     */
    public static BuildProgress.Snapshot embedding(IndexService index) {
        BuildProgress.Snapshot progress = index.indexing();
        return progress != null && progress.phaseLabel().equals("embedding") ? progress : null;
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never saw: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** The data of the first server-sent event of that name. */
    static JsonPath event(String stream, String name) {
        String[] events = stream.split("\n\n");
        for (String event : events) {
            if (event.contains("event: " + name + "\n") || event.contains("event:" + name + "\n")) {
                String data = event.substring(event.indexOf("data:") + 5).strip();
                return new JsonPath(data);
            }
        }
        throw new AssertionError("no " + name + " event in " + stream);
    }

    /** The last chunk of an OpenAI-style stream, before [DONE]. */
    static JsonPath lastChunk(String stream) {
        String last = null;
        for (String line : stream.split("\n")) {
            if (line.startsWith("data:") && !line.contains("[DONE]")) {
                last = line.substring(5).strip();
            }
        }
        if (last == null) {
            throw new AssertionError("no chunk in " + stream);
        }
        return new JsonPath(last);
    }
}
