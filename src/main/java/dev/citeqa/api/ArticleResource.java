package dev.citeqa.api;

import dev.citeqa.api.Views.ArticleList;
import dev.citeqa.api.Views.ArticleSummary;
import dev.citeqa.api.Views.ArticleView;
import dev.citeqa.app.IndexService;
import dev.citeqa.collection.NewsCollection;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The corpus as indexed: the article list, and each cleaned article for reading a cited source. */
@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleResource {

    @Inject
    IndexService indexService;

    @GET
    public ArticleList list() {
        var articles = indexService.current().articles().stream().map(ArticleSummary::of).toList();
        return new ArticleList(articles.size(), articles);
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
        return indexService.current().article(id).map(ArticleView::of).orElseThrow(() -> notFound);
    }
}
