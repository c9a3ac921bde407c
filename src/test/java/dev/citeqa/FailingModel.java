package dev.citeqa;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;

/** An embedding model that fails every call, as a broken native library, an out-of-memory or a failed load would. */
public final class FailingModel implements EmbeddingModel {

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        throw new IllegalStateException("model failure");
    }

    @Override
    public int dimension() {
        return 384;
    }
}
