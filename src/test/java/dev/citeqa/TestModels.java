package dev.citeqa;

import dev.citeqa.embed.Embedder;
import dev.citeqa.embed.EmbeddingCache;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real embedding model, loaded once per test JVM: loading takes a second or two. A test class using it
 * must carry {@code @Tag("model")}, which runs it in a JVM of its own (see the surefire set-up in pom.xml).
 */
public final class TestModels {

    private static EmbeddingModel model;

    private TestModels() {}

    public static synchronized EmbeddingModel model() {
        if (model == null) {
            model = new BgeSmallEnV15QuantizedEmbeddingModel();
        }
        return model;
    }

    /** An embedder with its own cache file in {@code dir}. */
    public static Embedder embedder(Path dir) {
        try {
            Files.createDirectories(dir);
            return new Embedder(model(), EmbeddingCache.open(dir.resolve("embeddings.bin"), model().dimension()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
