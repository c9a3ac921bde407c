package dev.citeqa.app;

import dev.citeqa.embed.EmbeddingModels;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Loads the configured in-process model; a bean of its own so that tests can slow the model down. */
@ApplicationScoped
public class EmbeddingModelLoader {

    public EmbeddingModel load(EmbeddingModels choice) {
        return choice.load();
    }

    /**
     * The model, loaded and warmed up on a thread of its own: loading takes a second or two of CPU, which the
     * HTTP port must not wait for. The first use waits for it instead (a question, or the build's first batch,
     * both later than that).
     */
    public EmbeddingModel loadInBackground(EmbeddingModels choice) {
        CompletableFuture<EmbeddingModel> loading = new CompletableFuture<>();
        Thread.ofPlatform().name("citeqa-model-loader").daemon().start(() -> {
            try {
                EmbeddingModel model = load(choice);
                // The first inference initialises ONNX Runtime's kernels (about a second): not on a question.
                model.embed("warm-up");
                loading.complete(model);
            } catch (RuntimeException | Error e) {
                loading.completeExceptionally(e);
            }
        });
        return new Loading(loading, choice.dimension());
    }

    /** A model still loading: every call waits for it. */
    private record Loading(CompletableFuture<EmbeddingModel> model, int dimension) implements EmbeddingModel {

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
            return loaded().embed(text);
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return loaded().embedAll(segments);
        }
    }
}
