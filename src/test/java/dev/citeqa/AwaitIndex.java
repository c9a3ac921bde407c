package dev.citeqa;

import dev.citeqa.app.IndexService;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import java.time.Duration;
import java.util.Arrays;

/**
 * Before each {@code @QuarkusTest} method, waits until the index the service builds in the background is
 * complete, vectors included: most tests are about answering, not about the build. A test class that watches
 * the build itself carries {@link WatchesTheBuild}.
 */
public class AwaitIndex implements QuarkusTestBeforeEachCallback {

    private static final Duration LONGEST = Duration.ofMinutes(3);

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        // By name: the annotation may come from another class loader than this callback's.
        boolean watches = Arrays.stream(context.getTestInstance().getClass().getAnnotations())
                .anyMatch(a -> a.annotationType().getName().equals(WatchesTheBuild.class.getName()));
        if (watches) {
            return;
        }
        IndexService index = Arc.container().instance(IndexService.class).get();
        try {
            if (!index.awaitSettled(LONGEST)) {
                throw new IllegalStateException("the index was still building after " + LONGEST);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the index", e);
        }
    }
}
