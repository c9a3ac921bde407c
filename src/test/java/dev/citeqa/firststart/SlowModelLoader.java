package dev.citeqa.firststart;

import dev.citeqa.app.EmbeddingModelLoader;
import dev.citeqa.embed.EmbeddingModels;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured model, slowed down for the tests that watch an index build: indexing batches wait while the
 * model is held ({@code test.slow-model.held}, then {@link #allow} some or {@link #release()} all) and take {@code test.slow-model.delay-ms}
 * per text; the first {@code test.slow-model.failures} batches fail. Questions (single texts) are not slowed.
 * Enabled by {@link SlowModelProfile} only.
 */
@Alternative
@ApplicationScoped
public class SlowModelLoader extends EmbeddingModelLoader {

    @ConfigProperty(name = "test.slow-model.delay-ms", defaultValue = "0")
    long delayMillis;

    @ConfigProperty(name = "test.slow-model.held", defaultValue = "false")
    boolean heldAtStart;

    /** The first indexing batches that fail, as a model does when the machine runs out of memory. */
    @ConfigProperty(name = "test.slow-model.failures", defaultValue = "0")
    int failures;

    /** The first indexing batches let through a model held at start, so that a test can hold what comes after. */
    @ConfigProperty(name = "test.slow-model.allowed-at-start", defaultValue = "0")
    int allowedAtStart;

    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger passedAtStart = new AtomicInteger();

    private volatile Boolean held;
    private final AtomicInteger allowed = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();

    @Override
    public EmbeddingModel load(EmbeddingModels choice) {
        EmbeddingModel model = super.load(choice);
        return new EmbeddingModel() {
            @Override
            public Response<Embedding> embed(String text) {
                return model.embed(text);
            }

            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                try {
                    waiting.incrementAndGet();
                    try {
                        while (held() && !allowedOne()) {
                            Thread.sleep(20);
                        }
                    } finally {
                        waiting.decrementAndGet();
                    }
                    Thread.sleep(delayMillis * segments.size());
                    if (failed.getAndIncrement() < failures) {
                        throw new IllegalStateException("the model failed (test.slow-model.failures)");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                return model.embedAll(segments);
            }

            @Override
            public int dimension() {
                return model.dimension();
            }
        };
    }

    private boolean held() {
        return held == null ? heldAtStart : held;
    }

    /** Lets the held indexing batches go on. */
    public void release() {
        held = false;
    }

    /** Lets {@code batches} more indexing batches through while the model stays held. */
    public void allow(int batches) {
        allowed.addAndGet(batches);
    }

    /** Whether an indexing batch is in the model's hands, waiting to be let through. */
    public boolean holding() {
        return waiting.get() > 0;
    }

    private boolean allowedOne() {
        return passedAtStart.getAndIncrement() < allowedAtStart || allowed.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
