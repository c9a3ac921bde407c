package dev.citeqa.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.citeqa.app.IndexService;
import dev.citeqa.app.Reindex;
import dev.citeqa.app.SkipReport;
import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.index.CorpusIndex;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Whether questions can be asked yet and how they are answered, with the index build's progress: what the chat
 * page polls while the index builds. Always 200, also while no index serves.
 */
@Path("/api/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    @Inject
    IndexService indexService;

    @Inject
    CiteQaConfig config;

    /**
     * @param ready whether questions can be asked: some index serves
     * @param retrieval how questions are answered now: {@code bm25} while vectors are being built, then
     *     {@code mode}; absent while not ready
     * @param mode the configured retrieval mode
     * @param vectors {@code pending} or {@code complete}; absent in BM25 mode
     * @param textsEmbedded texts the model embedded for indexing since start-up
     * @param indexing the build running now, absent when none runs
     * @param error why no index could be built, why the last reindex failed (the index serving may lag the
     *     folder), or why adding the vectors failed
     * @param skipped the corpus entries the serving index left out, as the readiness check counts them: the
     *     page says why a folder yields no article
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Status(boolean ready, RetrievalMode retrieval, RetrievalMode mode, String vectors,
            Long generation, Integer documents, Integer passages, long textsEmbedded, IndexingView indexing,
            String error, SkipReport skipped) {}

    @GET
    public Status status() {
        return of(indexService, config.retrieval().mode());
    }

    static Status of(IndexService indexService, RetrievalMode mode) {
        IndexingView indexing = IndexingView.of(indexService.indexing());
        CorpusIndex index = indexService.isReady() ? indexService.current() : null;
        if (index == null) {
            return new Status(false, null, mode, null, null, null, null, indexService.textsEmbedded(), indexing,
                    indexService.buildError(), null);
        }
        String vectors = index.pendingArticles() > 0 ? "pending" : index.hasVectors() ? "complete" : null;
        return new Status(true, indexService.retrieval(), mode, vectors, index.generation(), index.articleCount(),
                index.passageCount(), indexService.textsEmbedded(), indexing, error(indexService),
                new SkipReport(index.skipped()));
    }

    /** The page shows it: a failed reindex was said only by the readiness check, which the page does not read. */
    private static String error(IndexService indexService) {
        Reindex last = indexService.lastReindex();
        if (last != null && Reindex.FAILED.equals(last.outcome())) {
            return "The last reindex failed, so the index may lag the corpus folder: " + last.error();
        }
        return indexService.vectorError();
    }
}
