package dev.citeqa.api;

import dev.citeqa.api.Views.ArticleList;
import dev.citeqa.api.Views.ArticleSummary;
import dev.citeqa.api.Views.ArticleView;
import dev.citeqa.app.IndexService;
import dev.citeqa.collection.NewsCollection;
import dev.citeqa.index.CorpusIndex;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The corpus as indexed: the article list, in pages, and each cleaned article for reading a cited source. */
@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    @Inject
    IndexService indexService;

    /** Articles per page when the client does not say, and the most it may ask for. */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    /** A title search longer than this is not someone typing into a search box. */
    static final int MAX_SEARCH_CHARS = 200;

    /**
     * One page of the articles, newest first (undated last), optionally only those whose title matches a
     * search; {@code count} is how many articles the whole list (or search) holds.
     *
     * @param q words that start words of the title; absent or blank lists every article
     * @param offset how many of the list to skip (default 0)
     * @param limit how many to return, 1 to 500 (default 100)
     */
    @GET
    public ArticleList list(
            @Parameter(description = "Words that start words of the title (up to 200 characters); absent or blank "
                    + "lists every article") @QueryParam("q") String q,
            @Parameter(description = "How many of the list to skip", schema = @Schema(type = SchemaType.INTEGER,
                    minimum = "0", defaultValue = "0")) @QueryParam("offset") String offset,
            @Parameter(description = "How many to return", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "500", defaultValue = "100")) @QueryParam("limit") String limit) {
        String search = q == null ? "" : QueryText.clean(q, "q");
        if (QueryText.longerThan(search, MAX_SEARCH_CHARS)) { // characters as people count them, as for questions
            throw ApiException.badRequest("\"q\" is longer than " + MAX_SEARCH_CHARS + " characters.");
        }
        int from = QueryNumber.of(offset, 0, 0, Integer.MAX_VALUE,
                "\"offset\" must be a whole number from 0 to " + Integer.MAX_VALUE + ".");
        int size = QueryNumber.of(limit, DEFAULT_LIMIT, 1, MAX_LIMIT,
                "\"limit\" must be a whole number from 1 to " + MAX_LIMIT + ".");
        var page = indexService.current().articles(search, from, size);
        return new ArticleList(page.count(), page.articles().stream().map(ArticleSummary::of).toList());
    }

    /**
     * Articles are read from the index, never from the corpus folder, so no ID can reach another file; an ID
     * outside the article alphabet (a slash, "..", a leading dot) is refused before any lookup all the same.
     */
    @GET
    @Path("{id}")
    public ArticleView get(@PathParam("id") String id) {
        ApiException notFound = ApiException.notFound("No article with ID \"" + id + "\".");
        if (!NewsCollection.isArticleId(id)) {
            throw notFound;
        }
        CorpusIndex index = indexService.current();
        // An ID in another case, or with its accents encoded another way (macOS writes names decomposed), is the
        // same article: the corpus holds at most one such (a second is skipped as duplicate-id).
        return index.article(id).or(() -> index.idSpelledAs(id).flatMap(index::article)).map(ArticleView::of)
                .orElseThrow(() -> notFound);
    }
}
