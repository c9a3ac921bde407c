package dev.citeqa.app;

import dev.citeqa.collection.CorpusWatcher;
import dev.citeqa.collection.NewsCollection;
import dev.citeqa.collection.PassageChunker;
import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.embed.Embedder;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.IndexGenerator;
import dev.citeqa.index.IndexManager;
import dev.citeqa.search.Ranker;
import dev.citeqa.search.opensearch.OpenSearchBackend;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Owns the open index for the life of the service. It is built or brought up to date at start-up, before
 * the HTTP port opens, so that the first request already finds it; afterwards a reindex (on request, or when
 * the corpus folder changes) builds the next generation beside it and swaps it in with one volatile write.
 */
@ApplicationScoped
public class IndexService {

    private static final Logger LOG = Logger.getLogger(IndexService.class);

    /** Bumped whenever the index layout changes, so that old indexes are rebuilt rather than misread. */
    static final int SCHEMA_VERSION = 9;

    @Inject
    CiteQaConfig config;

    @Inject
    Embedder embedder;

    @Inject
    Ranker ranker;

    @Inject
    MeterRegistry registry;

    private IndexManager manager;
    private CorpusWatcher watcher;
    private volatile CorpusIndex current;
    private volatile Reindex last;
    private final Set<CorpusIndex> retired = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "citeqa-index-closer");
        thread.setDaemon(true);
        return thread;
    });

    void onStart(@Observes StartupEvent event) {
        CiteQaConfig.Chunk chunk = config.chunk();
        PassageChunker chunker = new PassageChunker(chunk.words(), chunk.sentences(), chunk.overlap());
        String settings = "schema=" + SCHEMA_VERSION + ";chunk=" + chunk.words() + "/" + chunk.sentences() + "/"
                + chunk.overlap() + ";maxFileBytes=" + config.corpus().maxFileBytes() + ";hardLinks="
                + config.corpus().followHardLinks() + ";embedding="
                + (embedder.available() ? CiteQaBeans.embeddingSettings(config) : "none");
        Path corpus = Path.of(config.corpus().dir());
        NewsCollection.Rules rules = new NewsCollection.Rules(config.corpus().maxFileBytes(),
                config.corpus().followHardLinks());
        manager = new IndexManager(Path.of(config.data().dir()), corpus, rules, settings,
                new IndexGenerator(chunker, embedder, config.embedding().quantized()));
        // Before indexing, so that a file changed while the index is built is noticed afterwards; one listing
        // serves both the watcher and the index's check that the folder is unchanged.
        List<String> listing = CorpusWatcher.listing(corpus);
        watcher = config.corpus().watch() ? new CorpusWatcher(corpus, listing, () -> reindex().ok()) : null;
        long started = System.nanoTime();
        try {
            IndexManager.Opened opened = manager.openOrBuild(NewsCollection.listingFingerprint(listing));
            current = opened.index();
            follow(current);
            record(Reindex.succeeded(opened.outcome(), opened.index(), millisSince(started)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open or build the index: " + e.getMessage(), e);
        } finally {
            embedder.releaseCache();
        }
        if (watcher != null) {
            watcher.start(config.corpus().watchInterval());
        }
    }

    /**
     * Brings the index in step with the corpus folder. Requests keep using the current index meanwhile; the new
     * one replaces it only once it is committed. On failure the current index keeps serving and the outcome
     * says why. One reindex runs at a time; a caller arriving meanwhile waits, then finds little left to do.
     */
    public synchronized Reindex reindex() {
        long started = System.nanoTime();
        CorpusIndex serving = current();
        try {
            IndexManager.Opened opened = manager.refresh(serving);
            if (opened.index() != serving) {
                current = opened.index();
                follow(current);
                retire(serving);
            }
            return record(Reindex.succeeded(opened.outcome(), opened.index(), millisSince(started)));
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Reindex failed; still serving %s (generation %d)", serving.path(), serving.generation());
            return record(Reindex.failed(serving, millisSince(started), e, Path.of(config.corpus().dir())));
        } finally {
            embedder.releaseCache();
        }
    }

    /** A search cluster gets a copy of each new index, in the background: it may be down meanwhile. */
    private void follow(CorpusIndex index) {
        if (ranker instanceof OpenSearchBackend cluster) {
            cluster.follow(index);
        }
    }

    private Reindex record(Reindex reindex) {
        last = reindex;
        Counter.builder("citeqa.reindex")
                .description("Reindexes (start-up, admin request, corpus change) by outcome")
                .tag("outcome", reindex.outcome())
                .register(registry)
                .increment();
        return reindex;
    }

    /**
     * Requests take the index once and may use it until they answer, so a replaced index is closed only after
     * the longest a request can take: two model calls (condense, answer) at their timeouts, plus a margin.
     * Counting users instead would have every caller hand the index back, for no gain a delay does not give.
     */
    private void retire(CorpusIndex old) {
        retired.add(old);
        Duration longestRequest = max(config.openai().timeout(), config.ollama().timeout()).multipliedBy(2)
                .plusSeconds(30);
        closer.schedule(() -> {
            if (retired.remove(old)) {
                try {
                    manager.discard(old);
                } catch (IOException | RuntimeException e) {
                    LOG.warnf(e, "Cannot remove the replaced index %s; the next start removes it", old.path());
                }
            }
        }, longestRequest.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
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

    /** The last reindex, at start-up or since; null before the first. */
    public Reindex lastReindex() {
        return last;
    }

    /** Every corpus file the serving index left out, with the reason, sorted by file name. */
    public List<NewsCollection.Skipped> skipped() {
        return current().skipped();
    }

    @PreDestroy
    void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
        closer.shutdownNow();
        // Replaced indexes are closed but left on disk: the next start removes them.
        for (CorpusIndex old : retired) {
            old.close();
        }
        if (current != null) {
            current.close();
            manager.markCleanStop();
        }
    }

    /** Asked for the index before it was opened. */
    public static final class IndexNotReadyException extends RuntimeException {
        IndexNotReadyException() {
            super("The index is not open yet");
        }
    }
}
