package dev.citeqa.app;

import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Opens once the HTTP port listens. The start's background work (the index build, loading the embedding
 * model) waits for it: on two cores, parsing a corpus beside Quarkus's own start-up held the port up by seconds,
 * and the port is what tells a person the service is there.
 */
@ApplicationScoped
public class PortOpen {

    /** Without an HTTP server (a command such as the evaluation) nothing opens the gate: this much, then go. */
    static final Duration AT_MOST = Duration.ofSeconds(3);

    private final CountDownLatch open = new CountDownLatch(1);

    void listening(@ObservesAsync HttpServerStart event) {
        open.countDown();
    }

    /** Waits until the port listens, or {@link #AT_MOST}. */
    public void await() {
        try {
            open.await(AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
