package dev.citeqa.embed;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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
    private static final int BATCH = 64;
    private static final int QUESTIONS_KEPT = 4096;

    private final EmbeddingModel model;
    private final EmbeddingCache cache;
    private final int maxChars;
    private final Cache<String, float[]> questions = Caffeine.newBuilder().maximumSize(QUESTIONS_KEPT).build();
    private final AtomicLong modelCalls = new AtomicLong();

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

    /** A question's vector; callers must not modify it, as it is shared through the cache. */
    public float[] embed(String text) {
        return questions.get(text, t -> {
            modelCalls.incrementAndGet();
            return unit(model().embed(t).content().vector());
        });
    }

    private EmbeddingModel model() {
        if (model == null) {
            throw new IllegalStateException("No embedding model: BM25-only mode embeds nothing");
        }
        return model;
    }

    /** Vectors for {@code texts}, in order, running the model only on texts missing from the cache. */
    public List<float[]> embedAll(List<String> fullTexts) {
        model();
        List<String> texts = fullTexts.stream().map(this::start).toList();
        LinkedHashSet<String> missing = new LinkedHashSet<>();
        for (String text : texts) {
            if (cache.get(text) == null) {
                missing.add(text);
            }
        }
        if (!missing.isEmpty()) {
            compute(new ArrayList<>(missing));
        }
        return texts.stream().map(cache::get).toList();
    }

    private void compute(List<String> texts) {
        long started = System.nanoTime();
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<String> batch = texts.subList(from, Math.min(from + BATCH, texts.size()));
            List<Embedding> embeddings = model.embedAll(batch.stream().map(TextSegment::from).toList()).content();
            Map<String, float[]> computed = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                computed.put(batch.get(i), unit(embeddings.get(i).vector()));
            }
            modelCalls.addAndGet(batch.size());
            try {
                cache.putAll(computed);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the embedding cache", e);
            }
            if (texts.size() > BATCH) {
                LOG.infof("Embedded %d of %d texts", Math.min(from + BATCH, texts.size()), texts.size());
            }
        }
        LOG.infof("Embedded %d new texts in %d ms (%d cached)", texts.size(),
                (System.nanoTime() - started) / 1_000_000, cache.size() - texts.size());
    }

    /** The text, or its start up to the last word boundary within {@code maxChars}. */
    String start(String text) {
        if (maxChars <= 0 || text.length() <= maxChars) {
            return text;
        }
        int cut = text.lastIndexOf(' ', maxChars);
        return text.substring(0, cut > 0 ? cut : maxChars);
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
