package dev.citeqa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A stop (SIGTERM, SIGINT) waits for the model call under way, so that ONNX Runtime's own shutdown hook never
 * frees what a running call uses, and refuses the calls after it.
 */
class ModelCallsTest {

    private final EmbeddingModelLoader.ModelCalls calls = new EmbeddingModelLoader.ModelCalls();
    private final CountDownLatch inside = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** A call that runs until released, on a thread of its own. */
    private CompletableFuture<String> callUnderWay() throws InterruptedException {
        CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> calls.call(() -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "embedded";
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        return call;
    }

    @Test
    void aStopWaitsForTheCallUnderWayThenRefusesNewOnes() throws Exception {
        CompletableFuture<String> call = callUnderWay();
        CompletableFuture<Boolean> stop = CompletableFuture.supplyAsync(() -> calls.stop(Duration.ofSeconds(30)));
        Thread.sleep(200);
        assertFalse(stop.isDone(), "the stop waits while the model runs");

        release.countDown();
        assertTrue(stop.get(10, TimeUnit.SECONDS), "none left under way");
        assertEquals("embedded", call.get(), "the call under way ends normally");
        assertThrows(CancellationException.class, () -> calls.call(() -> "too late"));
    }

    @Test
    void aStopWaitsNoLongerThanItsLimit() throws Exception {
        CompletableFuture<String> call = callUnderWay();
        long started = System.nanoTime();
        assertFalse(calls.stop(Duration.ofMillis(300)));
        assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos());
        release.countDown();
        call.get(10, TimeUnit.SECONDS);
    }

    @Test
    void callsRunWhileNoStopIsAsked() {
        assertEquals("vector", calls.call(() -> "vector"));
    }
}
