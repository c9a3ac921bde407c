package dev.citeqa.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The in-process embedding models that ship with the application, by the name {@code citeqa.embedding.model}
 * takes. The name also keys the embedding cache and the index fingerprint, so switching models re-embeds.
 */
public enum EmbeddingModels {

    /** The default: better retrieval on the evaluation sets. */
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", BgeSmallEnV15QuantizedEmbeddingModel.class, PoolingMode.CLS),

    /** About twice as fast on a CPU (6 layers instead of 12), with the same 384 dimensions. */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", AllMiniLmL6V2QuantizedEmbeddingModel.class, PoolingMode.MEAN);

    private static final int DIMENSION = 384;

    private final String id;
    /** LangChain4j's class for the model: its artifact holds the weights and tokenizer, named after the id. */
    private final Class<?> artifact;
    private final PoolingMode pooling;

    EmbeddingModels(String id, Class<?> artifact, PoolingMode pooling) {
        this.id = id;
        this.artifact = artifact;
        this.pooling = pooling;
    }

    public String id() {
        return id;
    }

    /** The size of its vectors, known without loading it. */
    public int dimension() {
        return DIMENSION;
    }

    /**
     * Loads the model's ONNX weights and tokenizer from the classpath (a second or two).
     *
     * <p>LangChain4j's own model classes open their session with ONNX Runtime's defaults: every call spreads
     * over all cores and its threads spin while they wait. Their batch embedding already runs one call per
     * core, and the service runs one call per request, so on a small machine those threads fight the callers
     * and each other. Measured side by side on 2 cores (docs/performance.md), one thread per call without
     * spinning embeds index-time text about twice as fast and answers more questions per second. The session
     * is built here, on the same weights, tokenizer and pooling, because the stock classes take no options.
     */
    public EmbeddingModel load() {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                InputStream weights = resource(id + ".onnx");
                InputStream tokenizer = resource(id + "-tokenizer.json")) {
            options.setIntraOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession session = environment.createSession(weights.readAllBytes(), options);
            return new SingleThreadedModel(new OnnxBertBiEncoder(environment, session, tokenizer, pooling));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + id + " model from its artifact", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the " + id + " model", e);
        }
    }

    /**
     * LangChain4j's own class for the model, with ONNX Runtime's default threading: what {@link #load()} is
     * compared with, by the benchmark and by the test that proves the two embed alike.
     */
    public EmbeddingModel loadStock() {
        try {
            return (EmbeddingModel) artifact.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + artifact.getName(), e);
        }
    }

    private InputStream resource(String name) throws IOException {
        InputStream in = artifact.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the classpath");
        }
        return in;
    }

    public static EmbeddingModels named(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("citeqa.embedding.model must be one of "
                        + Arrays.stream(values()).map(EmbeddingModels::id).collect(Collectors.joining(", "))
                        + ", not " + id));
    }

    /** LangChain4j's in-process model around our session; a null executor gives batches one thread per core. */
    private static final class SingleThreadedModel extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        SingleThreadedModel(OnnxBertBiEncoder encoder) {
            super(null);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return DIMENSION;
        }
    }
}
