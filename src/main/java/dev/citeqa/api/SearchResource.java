package dev.citeqa.api;

import dev.citeqa.analysis.Spelling;
import dev.citeqa.api.Views.PassageView;
import dev.citeqa.api.Views.SearchResponse;
import dev.citeqa.app.IndexService;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.search.PassageSearcher;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Ranked passages for a query, without answering: for integrations and for measuring retrieval. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    @Inject
    IndexService indexService;

    @Inject
    PassageSearcher searcher;

    @Inject
    CiteQaConfig config;

    @Inject
    Spelling.Settings spelling;

    /**
     * @param k how many passages, 1 to 100 (default 10)
     * @param mode bm25, dense or hybrid; the configured mode when absent
     */
    @GET
    public SearchResponse search(
            @Parameter(required = true, description = "What to search for, up to citeqa.question.max-chars characters")
            @QueryParam("q") String q,
            @Parameter(description = "How many passages", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "100", defaultValue = "10")) @QueryParam("k") String k,
            @Parameter(description = "The retrieval; the configured mode when absent", schema = @Schema(
                    type = SchemaType.STRING, enumeration = {"bm25", "dense", "hybrid"})) @QueryParam("mode") String mode) {
        String query = q == null ? "" : QueryText.clean(q, "q");
        if (query.isEmpty()) {
            throw ApiException.badRequest("Query parameter \"q\" is required.");
        }
        if (QueryText.longerThan(query, config.question().maxChars())) {
            throw ApiException.badRequest("\"q\" is longer than " + config.question().maxChars() + " characters.");
        }
        int count = QueryNumber.of(k, 10, 1, 100, "\"k\" must be a whole number from 1 to 100.");
        RetrievalMode retrievalMode = parseMode(mode);
        CorpusIndex index = indexService.current();
        if (retrievalMode != RetrievalMode.bm25 && !index.hasVectors() && index.pendingArticles() == 0
                && index.passageCount() > 0) {
            throw ApiException.badRequest("\"mode\" " + retrievalMode + " needs embeddings, and this service runs in "
                    + "BM25 mode, which embeds nothing (citeqa.retrieval.mode=bm25).");
        }
        // While the vectors are being built, BM25 is the only retrieval that finds every article.
        RetrievalMode used = PassageSearcher.retrievalFor(index, retrievalMode);
        Spelling.Corrected read = Spelling.correct(query, index.termStats(), spelling);
        var hits = searcher.search(index, read.text(), count, used).stream()
                .map(PassageView::of)
                .toList();
        return new SearchResponse(query, read.corrections(), read.suggested(), retrievalMode.name(), used, hits,
                IndexingView.of(indexService.indexing()));
    }

    private RetrievalMode parseMode(String mode) {
        if (mode == null || mode.isBlank()) {
            return config.retrieval().mode();
        }
        try {
            return RetrievalMode.valueOf(mode.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("\"mode\" must be bm25, dense or hybrid.");
        }
    }
}
