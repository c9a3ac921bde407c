package dev.citeqa.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;

/**
 * CiteQA's own field in OpenAI-shaped responses ({@code "citeqa"}): the retrieval that found the passages
 * ({@code bm25} while the vectors are being built) and the build under way, if any.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CiteQaInfo(RetrievalMode retrieval, IndexingView indexing) {}
