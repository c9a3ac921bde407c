package dev.citeqa.app;

import dev.citeqa.embed.EmbeddingModels;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** Loads the configured in-process model; a bean of its own so that tests can slow the model down. */
@ApplicationScoped
public class EmbeddingModelLoader {

    private static final Logger LOG = Logger.getLogger(EmbeddingModelLoader.class);
    /** A model call under way when the service is told to stop: a batch takes a second, a load a few. */
    static final Duration LONGEST_CALL = Duration.ofSeconds(3);

    @Inject
    PortOpen portOpen;

    private final ModelCalls calls = new ModelCalls();

    public EmbeddingModel load(EmbeddingModels choice) {
        return choice.load();
    }

    /**
     * The model, loaded and warmed up on a thread of its own once the HTTP port listens: loading takes a second
     * or two of CPU, which the port must not wait for. The first use waits for it instead (a question, or the
     * build's first batch, both later than that).
     */
    public EmbeddingModel loadInBackground(EmbeddingModels choice) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            calls.stopFirstOn("TERM");
            calls.stopFirstOn("INT");
        }
        CompletableFuture<EmbeddingModel> loading = new CompletableFuture<>();
        Thread.ofPlatform().name("citeqa-model-loader").daemon().start(() -> {
            try {
                portOpen.await();
                EmbeddingModel model = calls.call(() -> {
                    EmbeddingModel loaded = load(choice);
                    // The first inference initialises ONNX Runtime's kernels (about a second): not on a question.
                    loaded.embed("warm-up");
                    return loaded;
                });
                loading.complete(model);
            } catch (RuntimeException | Error e) {
                loading.completeExceptionally(e);
            }
        });
        return new Loading(loading, choice.dimension(), calls);
    }

    /**
     * Every call into the model, so that a stop can wait for those under way. ONNX Runtime frees its environment
     * in a shutdown hook of its own, which the JVM runs beside Quarkus's: a session being created or run then
     * crashes the process (SIGSEGV, an hs_err file in the working folder) instead of letting it end. So SIGTERM
     * and SIGINT first refuse new calls and wait for the running one, then exit as they would have.
     */
    static final class ModelCalls {
        private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
        private volatile boolean stopping;

        <T> T call(Supplier<T> call) {
            // Only a stop takes the write lock, and keeps it: once it is asked for, no call waits, none starts.
            if (stopping || !lock.readLock().tryLock()) {
                // The build gives up as when it is asked to stop; nothing half-done is kept.
                throw new CancellationException("the service is stopping");
            }
            try {
                if (stopping) {
                    throw new CancellationException("the service is stopping");
                }
                return call.get();
            } finally {
                lock.readLock().unlock();
            }
        }

        /** Refuses new calls and waits at most {@code wait} for those under way; true when none is left. */
        boolean stop(Duration wait) {
            stopping = true;
            try {
                // Held until the process ends: no call starts again.
                return lock.writeLock().tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** Puts this in front of the JVM's own handling of the signal (which runs the shutdown hooks). */
        void stopFirstOn(String name) {
            Signal signal = new Signal(name);
            SignalHandler[] previous = new SignalHandler[1];
            try {
                previous[0] = Signal.handle(signal, s -> {
                    if (!stop(LONGEST_CALL)) {
                        LOG.warnf("The embedding model is still busy after %d s; stopping anyway",
                                LONGEST_CALL.toSeconds());
                    }
                    if (previous[0] == SignalHandler.SIG_DFL) {
                        System.exit(128 + s.getNumber());
                    }
                    previous[0].handle(s);
                });
            } catch (IllegalArgumentException reservedByTheJvm) {
                // -Xrs: the JVM leaves the signal to the operating system, and so do we.
                return;
            }
            if (previous[0] == SignalHandler.SIG_IGN) {
                Signal.handle(signal, SignalHandler.SIG_IGN); // started to ignore it (nohup): keep it so
            }
        }
    }

    /** A model still loading: every call waits for it. */
    private record Loading(CompletableFuture<EmbeddingModel> model, int dimension, ModelCalls calls)
            implements EmbeddingModel {

        private EmbeddingModel loaded() {
            try {
                return model.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause
                        : new IllegalStateException("the embedding model could not be loaded", e.getCause());
            }
        }

        @Override
        public Response<Embedding> embed(String text) {
            EmbeddingModel loaded = loaded();
            return calls.call(() -> loaded.embed(text));
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            EmbeddingModel loaded = loaded();
            return calls.call(() -> loaded.embedAll(segments));
        }
    }
}
