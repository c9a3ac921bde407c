package dev.citeqa.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;

/**
 * CiteQA's own field in OpenAI-shaped responses ({@code "citeqa"}): the retrieval that found the passages
 * ({@code bm25} while the vectors are being built), the build under way, if any, and, when the configured
 * language model failed and the built-in answerer answered instead, {@code fallback: true} and why: an OpenAI
 * client otherwise cannot tell that its model was never used.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CiteQaInfo(RetrievalMode retrieval, IndexingView indexing, Boolean fallback, String fallbackReason) {

    public CiteQaInfo(RetrievalMode retrieval, IndexingView indexing) {
        this(retrieval, indexing, null, null);
    }
}
