package dev.citeqa.embed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.citeqa.collection.FileNames;
import dev.citeqa.index.BuildProgress;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.lucene.util.VectorUtil;
import org.jboss.logging.Logger;

/**
 * Turns text into unit-length vectors with an in-process model, looking each text up in the
 * {@link EmbeddingCache} first. Index-time text is cached on disk. Questions are cached only briefly, in
 * memory: retrieval and the answerer both need the same question's vector, and a user who asks again (or a
 * page that retries) should not pay the model twice.
 */
public final class Embedder {

    private static final Logger LOG = Logger.getLogger(Embedder.class);
    /** Texts per model call; a stop request is noticed between two, so a batch is a second or two at most. */
    private static final int BATCH = 32;
    private static final int QUESTIONS_KEPT = 4096;
    /** Threads that help {@link #embedAheadAsIndexed}: one per core beside the asking thread, as the model is CPU-bound. */
    private static final int HELPERS = Runtime.getRuntime().availableProcessors() - 1;
    /** Daemon threads that end when idle, so that they never hold the JVM, nor a reloaded class loader, alive. */
    private static final ThreadPoolExecutor SIDE_BY_SIDE = new ThreadPoolExecutor(Math.max(1, HELPERS),
            Math.max(1, HELPERS), 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            Thread.ofPlatform().name("citeqa-sentences-", 0).daemon().factory());

    static {
        SIDE_BY_SIDE.allowCoreThreadTimeOut(true);
    }

    private final EmbeddingModel model;
    private final EmbeddingCache cache;
    private final int maxChars;
    private final Cache<String, float[]> questions = Caffeine.newBuilder().maximumSize(QUESTIONS_KEPT).build();
    private final AtomicLong modelCalls = new AtomicLong();
    private final AtomicLong indexTexts = new AtomicLong();
    private final AtomicLong notEmbedded = new AtomicLong();

    public Embedder(EmbeddingModel model, EmbeddingCache cache) {
        this(model, cache, 0);
    }

    /**
     * @param maxChars index-time texts longer than this are embedded by their start only (cut at a word
     *     boundary), which bounds the model's cost per text; 0 embeds every text whole
     */
    public Embedder(EmbeddingModel model, EmbeddingCache cache, int maxChars) {
        this.model = model;
        this.cache = cache;
        this.maxChars = maxChars;
    }

    /**
     * The model without the persistent cache, for an answerer beside an index that embeds nothing
     * ({@code citeqa.embedding.bm25-answers}): what it reads is embedded through the question cache, in memory, and
     * the build's methods ({@link #embedAll}, {@link #uncached}) refuse, as there is no build to keep vectors for.
     */
    public static Embedder forAnswersOnly(EmbeddingModel model, int maxChars) {
        return new Embedder(model, null, maxChars);
    }

    /**
     * No model at all, for BM25-only mode: nothing is embedded, no model is loaded (saving its start-up time
     * and memory), and asking for a vector is a programming error.
     */
    public static Embedder none() {
        return new Embedder(null, null);
    }

    /** False for {@link #none()}. */
    public boolean available() {
        return model != null;
    }

    public int dimension() {
        return model().dimension();
    }

    /** Texts the model has embedded since start-up; cache hits do not count. */
    public long modelCalls() {
        return modelCalls.get();
    }

    /** Index-time texts the model has embedded since start-up (questions not counted); cache hits do not count. */
    public long textsEmbedded() {
        return indexTexts.get();
    }

    /**
     * Index-time texts left out because the model could not embed them, since start-up. Such a text gets the
     * zero vector: similarity 0 with every question, and no place in the passage vector graph.
     */
    public long notEmbedded() {
        return notEmbedded.get();
    }

    /** Whether {@code vector} is the stand-in for a text the model could not embed. */
    public static boolean isNone(float[] vector) {
        for (float f : vector) {
            if (f != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * A question's vector; callers must not modify it, as it is shared through the cache. A question the model
     * cannot read (no letter or digit) gets the zero vector, which matches nothing, rather than an error.
     */
    public float[] embed(String text) {
        return questions.get(text, t -> {
            if (!embeddable(t)) {
                return new float[dimension()];
            }
            modelCalls.incrementAndGet();
            try {
                return unit(model().embed(t).content().vector());
            } catch (IllegalArgumentException e) {
                return new float[dimension()];
            }
        });
    }

    /**
     * The vector an index-time text gets (its start, see {@code maxChars}), worked out now through the question
     * cache: for a passage read that has no vector (not built yet, or an index that embeds nothing), or a sentence.
     * The persistent cache is the build's, and is left to it.
     */
    public float[] embedAsIndexed(String fullText) {
        return embed(start(fullText));
    }

    /**
     * Puts the vectors {@link #embedAsIndexed} gives {@code fullTexts} in the question cache, embedding those it
     * lacks side by side: asked one by one, as the answerer asks for its passages and sentences, they would wait for
     * each other. This thread and up to one helper per other core take the texts from one list, each embedded as
     * {@link #embed} embeds it alone (never as a batch of the model, whose pool an index build fills). It returns once
     * the list is taken: a helper still embedding a text holds that text's cache entry, which the answerer's call then
     * waits for; a helper queued behind other questions' helpers finds the list taken and stops. A failure of the
     * model stops the list, and is met again when the answerer asks for the text.
     */
    public void embedAheadAsIndexed(List<String> fullTexts) {
        if (!available()) {
            return;
        }
        List<String> missing = fullTexts.stream().map(this::start)
                .filter(t -> embeddable(t) && questions.getIfPresent(t) == null).distinct().toList();
        AtomicInteger next = new AtomicInteger();
        Runnable take = () -> {
            for (int i = next.getAndIncrement(); i < missing.size(); i = next.getAndIncrement()) {
                try {
                    embed(missing.get(i));
                } catch (RuntimeException modelFailure) {
                    next.set(missing.size());
                }
            }
        };
        for (int i = 0; i < Math.min(missing.size() - 1, HELPERS); i++) {
            SIDE_BY_SIDE.execute(take);
        }
        take.run();
    }

    private void requireBuildCache() {
        if (cache == null) {
            throw new IllegalStateException("An embedder for answers only keeps no vectors for an index build");
        }
    }

    private EmbeddingModel model() {
        if (model == null) {
            throw new IllegalStateException("No embedding model: BM25-only mode embeds nothing");
        }
        return model;
    }

    /**
     * Vectors for {@code texts}, in order, running the model only on texts missing from the cache. A text the
     * model cannot embed (nothing but punctuation, symbols or invisible characters; a text it rejects) is left
     * out rather than failing the whole build: it gets the zero vector, is not cached, and is counted in
     * {@link #notEmbedded}. Any other failure of the model is an error.
     */
    public List<float[]> embedAll(List<String> fullTexts) {
        return embedAll(fullTexts, null);
    }

    /**
     * As {@link #embedAll(List)}, counting each text in {@code progress} as it is found in the cache or embedded,
     * and giving up between two batches when the build is asked to stop. Each batch is appended to the cache as
     * soon as it is computed, so a build stopped half-way has lost at most one batch.
     */
    public List<float[]> embedAll(List<String> fullTexts, BuildProgress progress) {
        model();
        requireBuildCache();
        List<String> texts = fullTexts.stream().map(this::start).toList();
        LinkedHashSet<String> missing = new LinkedHashSet<>();
        Set<String> refused = new HashSet<>();
        for (String text : texts) {
            if (!embeddable(text)) {
                refused.add(text);
            } else if (cache.get(text) == null) {
                missing.add(text);
            }
        }
        long toCompute = texts.stream().filter(missing::contains).count();
        if (progress != null) {
            progress.cached(texts.size() - toCompute);
        }
        if (!missing.isEmpty()) {
            refused.addAll(compute(new ArrayList<>(missing), progress));
        }
        if (progress != null) {
            // A text met twice is embedded once; its second place is done with the first.
            progress.cached(toCompute - missing.size());
        }
        if (!refused.isEmpty()) {
            notEmbedded.addAndGet(refused.size());
            LOG.warnf("Left out %d texts the embedding model cannot read, such as \"%s\"", refused.size(),
                    excerpt(refused.iterator().next()));
        }
        float[] none = new float[model.dimension()];
        return texts.stream().map(t -> refused.contains(t) ? none : cache.get(t)).toList();
    }

    /** How many distinct texts of {@code fullTexts} the model would have to embed: those not in the cache. */
    public int uncached(List<String> fullTexts) {
        if (!available()) {
            return 0;
        }
        requireBuildCache();
        Set<String> missing = new HashSet<>();
        for (String text : fullTexts) {
            String start = start(text);
            if (embeddable(start) && cache.get(start) == null) {
                missing.add(start);
            }
        }
        return missing.size();
    }

    /**
     * What the model can read: a letter or a digit. Its tokenizer drops invisible characters, and a text
     * with no tokens left makes it throw.
     */
    static boolean embeddable(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** Embeds and caches {@code texts}; returns those the model refused. */
    private Set<String> compute(List<String> texts, BuildProgress progress) {
        long started = System.nanoTime();
        Set<String> refused = new HashSet<>();
        for (int from = 0; from < texts.size(); from += BATCH) {
            if (progress != null) {
                progress.check();
            }
            List<String> batch = texts.subList(from, Math.min(from + BATCH, texts.size()));
            Map<String, float[]> computed = embedBatch(batch, refused);
            modelCalls.addAndGet(batch.size());
            indexTexts.addAndGet(batch.size());
            try {
                cache.putAll(computed);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the embedding cache", e);
            }
            if (progress != null) {
                progress.embedded(batch.size());
            }
        }
        // With a progress, the console line tells it as it goes.
        LOG.logf(progress == null ? Logger.Level.INFO : Logger.Level.DEBUG, "Embedded %d new texts in %d ms (%d cached)",
                texts.size(),
                (System.nanoTime() - started) / 1_000_000, cache.size() - (texts.size() - refused.size()));
        return refused;
    }

    /**
     * One batch. The model rejects a whole batch for one text it cannot read (IllegalArgumentException), so
     * then each text is tried alone and only the rejected ones are refused. A vector that is not finite, or
     * not of the model's dimension, is refused too: it would poison every similarity it takes part in.
     */
    private Map<String, float[]> embedBatch(List<String> batch, Set<String> refused) {
        List<Embedding> embeddings;
        try {
            embeddings = model.embedAll(batch.stream().map(TextSegment::from).toList()).content();
        } catch (IllegalArgumentException e) {
            if (batch.size() == 1) {
                refused.add(batch.getFirst());
                return Map.of();
            }
            Map<String, float[]> computed = new LinkedHashMap<>();
            for (String text : batch) {
                computed.putAll(embedBatch(List.of(text), refused));
            }
            return computed;
        }
        Map<String, float[]> computed = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            float[] vector = embeddings.get(i).vector();
            if (vector.length == model.dimension() && isFinite(vector) && !isNone(vector)) {
                computed.put(batch.get(i), unit(vector));
            } else {
                refused.add(batch.get(i));
            }
        }
        return computed;
    }

    private static boolean isFinite(float[] vector) {
        for (float f : vector) {
            if (!Float.isFinite(f)) {
                return false;
            }
        }
        return true;
    }

    /** The start of a text for the log, its control characters escaped. */
    private static String excerpt(String text) {
        return FileNames.forLog(text.length() > 60 ? text.substring(0, 60) + "…" : text);
    }

    /** The text, or its start up to the last word boundary within {@code maxChars}. */
    String start(String text) {
        if (maxChars <= 0 || text.length() <= maxChars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', maxChars);
        return text.substring(0, cut > 0 ? cut : maxChars);
    }

    /**
     * Drops from the cache file the vectors of texts no longer indexed, once it holds more than twice as many as
     * {@code liveTexts} (an index's passages): each rewrite at least halves the file, so its cost is repaid by the
     * appends that grew it, and a folder whose stories come and go keeps a file of bounded size. Returns the
     * records dropped, 0 when the file was left alone.
     *
     * @param liveCount how many texts the index has, which decides, before they are read, whether to rewrite
     * @param liveTexts the texts, as {@link #embedAll} is given them, of every passage the index serves
     */
    public long compactCache(int liveCount, Supplier<Collection<String>> liveTexts) throws IOException {
        if (cache == null || cache.records() <= 2L * liveCount) {
            return 0;
        }
        Set<String> live = new HashSet<>();
        liveTexts.get().forEach(text -> live.add(start(text)));
        return cache.retainOnly(live);
    }

    /** Frees the memory of the index-time vectors once an index is built or opened; they stay on disk. */
    public void releaseCache() {
        if (cache != null) {
            cache.release();
        }
    }

    /** Unit length, so that Lucene's dot-product similarity is the cosine. */
    static float[] unit(float[] vector) {
        return VectorUtil.l2normalize(vector.clone(), false);
    }
}
