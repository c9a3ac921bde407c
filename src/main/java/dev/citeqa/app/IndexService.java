package dev.citeqa.app;

import dev.citeqa.collection.CorpusWatcher;
import dev.citeqa.collection.NewsCollection;
import dev.citeqa.collection.PassageChunker;
import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.embed.Embedder;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.index.BuildProgress;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.DataFolderLock;
import dev.citeqa.index.IndexGenerator;
import dev.citeqa.index.IndexManager;
import dev.citeqa.search.PassageSearcher;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Owns the open index for the life of the service. Start-up only schedules the work, so the HTTP port opens
 * at once whatever the corpus size: a background thread opens the index left by the last run or builds one.
 * A build that has many texts to embed commits the words first, so that BM25 answers within a minute, and
 * adds the vectors in a second generation; the configured retrieval mode takes over once every article has
 * them. A reindex (on request, or when the corpus folder changes) builds the next generation beside the
 * serving one and swaps it in with one volatile write; it takes precedence over a vector pass, which it stops
 * and starts again afterwards (what the model embedded stays in the embedding cache). Stopping the service
 * stops any build within a second or two: generations are only ever published whole.
 */
@ApplicationScoped
public class IndexService {

    private static final Logger LOG = Logger.getLogger(IndexService.class);

    @Inject
    CiteQaConfig config;

    @Inject
    Embedder embedder;

    @Inject
    Ranker ranker;

    @Inject
    MeterRegistry registry;

    @Inject
    PortOpen portOpen;

    private IndexManager manager;
    private DataFolderLock folderLock;
    private volatile CorpusWatcher watcher;
    private volatile CorpusIndex current;
    private volatile Reindex last;
    /** Why the index could not be opened or built at start-up, while none serves; null otherwise. */
    private volatile String buildError;
    /** Why the last vector pass failed; null after one succeeds. */
    private volatile String vectorError;
    /** Vector passes failed in a row, which sets the wait before the next try. */
    private int vectorFailures;
    /** The next try of a failed vector pass, if one waits: one at a time, however many passes failed. */
    private java.util.concurrent.ScheduledFuture<?> vectorRetry;
    private volatile boolean firstBuildOver;
    private volatile boolean vectorPassRunning;
    private volatile boolean closing;
    private final BuildProgress progress = new BuildProgress();
    /** One writer at a time: the start-up build, a reindex or a vector pass. */
    private final ReentrantLock writing = new ReentrantLock();
    private final List<Consumer<CorpusIndex>> published = new CopyOnWriteArrayList<>();
    private ExecutorService builder;
    private ConsoleProgress console;
    private final Set<CorpusIndex> retired = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "citeqa-index-closer");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * The settings that decide what is indexed, for the index fingerprint: a change rebuilds the index. Whether the
     * answerers compare meanings is not among them ({@code citeqa.embedding.bm25-answers}): it changes no index.
     */
    static String indexSettings(CiteQaConfig config) {
        return "chunk=" + PassageChunker.of(config.chunk()).settings()
                + ";maxFileBytes=" + config.corpus().maxFileBytes() + ";hardLinks=" + config.corpus().followHardLinks()
                + ";embedding=" + (CiteQaBeans.embeds(config) ? CiteQaBeans.embeddingSettings(config) : "none");
    }

    void onStart(@Observes StartupEvent event) {
        PassageChunker chunker = PassageChunker.of(config.chunk());
        String settings = indexSettings(config);
        NewsCollection.Rules rules = new NewsCollection.Rules(config.corpus().maxFileBytes(),
                config.corpus().followHardLinks());
        if (config.embedding().inlineTexts() < 0) {
            throw new IllegalArgumentException("citeqa.embedding.inline-texts must not be negative");
        }
        if (!config.embedding().retryAfter().isPositive()) {
            throw new IllegalArgumentException("citeqa.embedding.retry-after must be longer than 0");
        }
        folderLock = DataFolderLock.acquire(Path.of(config.data().dir()));
        manager = new IndexManager(Path.of(config.data().dir()), Path.of(config.corpus().dir()), rules, settings,
                new IndexGenerator(chunker, embedder, org.apache.lucene.store.FSDirectory::open,
                        config.embedding().quantized(), config.embedding().inlineTexts(), progress));
        console = new ConsoleProgress(progress, this::servingNote);
        console.start();
        builder = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "citeqa-indexer");
            thread.setDaemon(true); // never holds the JVM open: a generation is published whole or not at all
            return thread;
        });
        builder.execute(this::firstBuild);
    }

    /** Opens or builds the index, starts watching the folder, then adds any vectors the index lacks. */
    private void firstBuild() {
        Path corpus = Path.of(config.corpus().dir());
        long started = System.nanoTime();
        writing.lock();
        try {
            progress.phase(BuildProgress.Phase.LISTING, 0);
            portOpen.await();
            // Before indexing, so that a file changed while the index is built is noticed afterwards; one
            // listing serves both the watcher and the index's check that the folder is unchanged.
            List<String> listing = CorpusWatcher.listing(corpus);
            if (config.corpus().watch()) {
                watcher = new CorpusWatcher(corpus, listing, () -> reindex().ok());
            }
            // The last run's index, if its settings hold, answers while the folder's changes since are indexed.
            IndexManager.Opened opened = manager.openOrBuild(NewsCollection.listingFingerprint(listing),
                    this::publish);
            if (opened.index() != current) {
                swap(current, opened.index()); // swap retires the one serving meanwhile, if any
            }
            record(Reindex.succeeded(opened.outcome(), opened.index(), millisSince(started)));
        } catch (CancellationException e) {
            LOG.info("Index build stopped; the next start goes on from the embedding cache");
            return;
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            // Out of memory too (a file larger than the heap allows, its size limit raised): said, not a thread gone.
            if (closing) {
                // Stopping interrupts the build (a lock being waited for, a file being read): no fault of the index,
                // and the reason the service stops, logged after this, is what the user needs to read.
                LOG.infof("Index build stopped as the service stops (%s)", e);
                return;
            }
            buildError = Reindex.failed(null, millisSince(started), e, corpus, Path.of(config.data().dir())).error();
            LOG.errorf(e, "Cannot open or build the index; nothing can be answered until the corpus folder can "
                    + "be indexed");
        } finally {
            firstBuildOver = true;
            progress.idle();
            writing.unlock();
            embedder.releaseCache();
            // Even after an Error: an index may serve already (the last run's), and must follow the folder.
            CorpusWatcher folder = watcher;
            if (folder != null && !closing) {
                folder.start(config.corpus().watchInterval());
            }
        }
        addVectors();
    }

    /**
     * Embeds, in new generations, the articles the serving index holds without vectors; on the builder thread.
     * Gives up when a reindex or the shutdown asks (a reindex schedules it again).
     */
    private void addVectors() {
        while (!closing) {
            CorpusIndex serving = current;
            if (serving == null || serving.pendingArticles() == 0 || !embedder.available()) {
                return;
            }
            writing.lock();
            vectorPassRunning = true;
            try {
                if (current != serving) {
                    continue; // a reindex replaced it meanwhile: look again
                }
                progress.check();
                IndexManager.Opened opened = manager.addVectors(serving);
                swap(serving, opened.index());
                vectorError = null;
                vectorFailures = 0;
                retryVectors(null);
            } catch (CancellationException e) {
                // A signal stops the model's calls (EmbeddingModelLoader) before this service hears of it.
                String why = closing ? "shutting down" : progress.stopping() ? "a reindex comes first"
                        : Objects.toString(e.getMessage(), "cancelled");
                LOG.infof("Vector pass stopped (%s); the embedding cache keeps what was embedded", why);
                return;
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                Duration wait = retryWait(config.embedding().retryAfter(), ++vectorFailures);
                vectorError = Reindex.relative(e.toString(), Path.of(config.corpus().dir()),
                        Path.of(config.data().dir()));
                LOG.errorf(e, "Adding vectors failed; BM25 keeps answering from %s, and the vectors are tried again "
                        + "in %d s", serving.path(), wait.toSeconds());
                retryVectors(wait);
                return;
            } finally {
                vectorPassRunning = false;
                progress.idle();
                writing.unlock();
                embedder.releaseCache();
            }
        }
    }

    /** The wait before the next vector pass after {@code failures} in a row: doubled each time, at most an hour. */
    static Duration retryWait(Duration first, int failures) {
        Duration most = Duration.ofHours(1);
        Duration wait = first;
        for (int i = 1; i < failures && wait.compareTo(most) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(most) < 0 ? wait : most;
    }

    /**
     * Schedules the next try after {@code wait}, replacing any waiting one, or (null) cancels it. A reindex
     * meanwhile starts its own pass; the try then finds nothing pending, or runs after it. On the builder thread.
     */
    private void retryVectors(Duration wait) {
        if (vectorRetry != null) {
            vectorRetry.cancel(false);
            vectorRetry = null;
        }
        if (wait == null) {
            return;
        }
        try {
            vectorRetry = closer.schedule(this::scheduleVectors, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // The service is stopping; the next start adds them.
        }
    }

    private void scheduleVectors() {
        CorpusIndex serving = current;
        if (!closing && builder != null && serving != null && serving.pendingArticles() > 0
                && embedder.available()) {
            try {
                builder.execute(this::addVectors);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // The service is stopping; the next start adds them.
            }
        }
    }

    /**
     * Brings the index in step with the corpus folder. Requests keep using the current index meanwhile; the new
     * one replaces it only once it is committed. On failure the current index keeps serving and the outcome
     * says why. One reindex runs at a time; a caller arriving meanwhile waits, then finds little left to do. A
     * vector pass running is stopped first and started again afterwards.
     */
    public Reindex reindex() {
        if (vectorPassRunning) {
            progress.stop();
        }
        writing.lock();
        long started = System.nanoTime();
        CorpusIndex serving = current;
        try {
            if (!closing) {
                progress.resume();
            }
            IndexManager.Opened opened = serving == null
                    ? manager.openOrBuild(NewsCollection.listingFingerprint(Path.of(config.corpus().dir())))
                    : manager.refresh(serving);
            if (opened.index() != serving) {
                swap(serving, opened.index());
            }
            buildError = null;
            if (opened.index().pendingArticles() == 0) {
                // What the vector pass failed on is no longer pending (its file went, or this reindex embedded it).
                vectorError = null;
                vectorFailures = 0;
            }
            return record(Reindex.succeeded(opened.outcome(), opened.index(), millisSince(started)));
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            if (serving == null) {
                LOG.errorf(e, "Reindex failed; there is still no index");
            } else {
                LOG.errorf(e, "Reindex failed; still serving %s (generation %d)", serving.path(),
                        serving.generation());
            }
            return record(Reindex.failed(serving, millisSince(started), e, Path.of(config.corpus().dir()),
                    Path.of(config.data().dir())));
        } finally {
            progress.idle();
            writing.unlock();
            embedder.releaseCache();
            scheduleVectors();
        }
    }

    private void swap(CorpusIndex old, CorpusIndex replacement) {
        publish(replacement);
        if (old != null) {
            retire(old);
        }
    }

    private void publish(CorpusIndex index) {
        current = index;
        follow(index);
        for (Consumer<CorpusIndex> listener : published) {
            listener.accept(index);
        }
    }

    /** Calls {@code listener} with each index that starts serving, and now with the serving one if any. */
    public void whenPublished(Consumer<CorpusIndex> listener) {
        published.add(listener);
        CorpusIndex index = current;
        if (index != null) {
            listener.accept(index);
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
            throw new IndexNotReadyException(progress.snapshot(), buildError);
        }
        return index;
    }

    public boolean isReady() {
        return current != null;
    }

    /** The retrieval questions get now: the configured mode, or BM25 while vectors are missing; null before any index. */
    public RetrievalMode retrieval() {
        CorpusIndex index = current;
        return index == null ? null : PassageSearcher.retrievalFor(index, config.retrieval().mode());
    }

    /** The build running now (start-up, reindex or vector pass), or null when none is. */
    public BuildProgress.Snapshot indexing() {
        return progress.snapshot();
    }

    /** Why no index could be opened or built, while none serves; null otherwise. */
    public String buildError() {
        return current == null ? buildError : null;
    }

    /** Why the last vector pass failed (BM25 answers meanwhile); null when none failed since one succeeded. */
    public String vectorError() {
        return vectorError;
    }

    /** Texts the embedding model embedded for indexing since start-up. */
    public long textsEmbedded() {
        return embedder.available() ? embedder.textsEmbedded() : 0;
    }

    /**
     * Whether the background work is over: the first build done (or failed) and no vectors left to add that
     * could be added. Tests and the evaluation wait for this.
     */
    public boolean settled() {
        if (!firstBuildOver || progress.active() || writing.isLocked()) {
            return false;
        }
        CorpusIndex index = current;
        return index == null || index.pendingArticles() == 0 || !embedder.available() || vectorError != null
                || closing;
    }

    /** Waits until {@link #settled()}; false when {@code timeout} passed first. */
    public boolean awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!settled()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** The last reindex, at start-up or since; null before the first. */
    public Reindex lastReindex() {
        return last;
    }

    /** Every corpus file the serving index left out, with the reason, sorted by file name. */
    public List<NewsCollection.Skipped> skipped() {
        return current().skipped();
    }

    /** For the console line: what questions get meanwhile. */
    private String servingNote() {
        RetrievalMode retrieval = retrieval();
        if (retrieval == null) {
            return "questions wait for the word index";
        }
        return retrieval == config.retrieval().mode() ? "answering with " + retrieval
                : "answering with " + retrieval + " until the vectors are in";
    }

    /**
     * Stops any build within a couple of seconds: it is asked to stop between two steps (a batch of the
     * model, an article written), and interrupted if it has not after two seconds.
     */
    @PreDestroy
    void close() throws IOException {
        closing = true;
        progress.stop();
        CorpusWatcher folder = watcher;
        if (folder != null) {
            folder.close();
        }
        if (console != null) {
            console.close();
        }
        boolean stopped = true;
        if (builder != null) {
            builder.shutdown();
            try {
                if (!builder.awaitTermination(2, TimeUnit.SECONDS)) {
                    builder.shutdownNow();
                    builder.awaitTermination(1, TimeUnit.SECONDS);
                }
                stopped = builder.isTerminated() && writing.tryLock(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = false;
            }
        }
        closer.shutdownNow();
        try {
            // Replaced indexes are closed but left on disk: the next start removes them.
            for (CorpusIndex old : retired) {
                old.close();
            }
            if (current != null) {
                current.close();
                if (stopped) {
                    manager.markCleanStop();
                }
            }
        } finally {
            if (!stopped) {
                LOG.warn("An index build had not stopped when the service did; the next start checks the index");
            }
            // Released whatever happened: a service started next in this JVM (a dev-mode reload) needs it.
            if (folderLock != null) {
                folderLock.close();
            }
        }
    }

    /** Asked for the index before it was opened. */
    public static final class IndexNotReadyException extends RuntimeException {

        private final transient BuildProgress.Snapshot indexing;
        private final String buildError;

        IndexNotReadyException(BuildProgress.Snapshot indexing, String buildError) {
            super("The index is not open yet");
            this.indexing = indexing;
            this.buildError = buildError;
        }

        /** The build under way, or null. */
        public BuildProgress.Snapshot indexing() {
            return indexing;
        }

        /** Why the build failed, or null. */
        public String buildError() {
            return buildError;
        }
    }
}
