package dev.citeqa.index;

import dev.citeqa.collection.Article;

/** What listing an article needs: everything but its text. */
public record ArticleHeader(String id, String title, String date, String outlet) {

    public static ArticleHeader of(Article a) {
        return new ArticleHeader(a.id(), a.title(), a.date(), a.outlet());
    }
}
