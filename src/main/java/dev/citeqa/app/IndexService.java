package dev.citeqa.app;

import dev.citeqa.collection.PassageChunker;
import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.embed.Embedder;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.IndexGenerator;
import dev.citeqa.index.IndexManager;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Owns the open index for the life of the service. It is built or reused at start-up, before the HTTP
 * port opens, so that the first request already finds it.
 */
@ApplicationScoped
public class IndexService {

    /** Bumped whenever the index layout changes, so that old indexes are rebuilt rather than misread. */
    static final int SCHEMA_VERSION = 4;

    @Inject
    CiteQaConfig config;

    @Inject
    Embedder embedder;

    private volatile CorpusIndex current;
    private volatile IndexManager.Outcome outcome;

    void onStart(@Observes StartupEvent event) {
        PassageChunker chunker = new PassageChunker(config.chunk().sentences(), config.chunk().overlap());
        String settings = "schema=" + SCHEMA_VERSION + ";chunk=" + config.chunk().sentences() + "/"
                + config.chunk().overlap() + ";maxFileBytes=" + config.corpus().maxFileBytes() + ";embedding="
                + (embedder.available() ? CiteQaBeans.EMBEDDING_MODEL : "none");
        IndexManager manager = new IndexManager(Path.of(config.data().dir()), Path.of(config.corpus().dir()),
                config.corpus().maxFileBytes(), settings, new IndexGenerator(chunker, embedder));
        try {
            IndexManager.Opened opened = manager.openOrBuild();
            current = opened.index();
            outcome = opened.outcome();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open or build the index: " + e.getMessage(), e);
        } finally {
            embedder.releaseCache();
        }
    }

    /** The open index; throws {@link IndexNotReadyException} while there is none. */
    public CorpusIndex current() {
        CorpusIndex index = current;
        if (index == null) {
            throw new IndexNotReadyException();
        }
        return index;
    }

    public boolean isReady() {
        return current != null;
    }

    public IndexManager.Outcome outcome() {
        return outcome;
    }

    @PreDestroy
    void close() throws IOException {
        if (current != null) {
            current.close();
        }
    }

    /** Asked for the index before it was opened. */
    public static final class IndexNotReadyException extends RuntimeException {
        IndexNotReadyException() {
            super("The index is not open yet");
        }
    }
}
