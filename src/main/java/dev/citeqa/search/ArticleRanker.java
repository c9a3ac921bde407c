package dev.citeqa.search;

import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.IndexConstants;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * The second stage of the cascade: ranks whole articles by BM25 over their full text and mixes that into the
 * passage ranking, so that an article whose one passage holds the answer is not outranked by articles that
 * repeat the question's words in one place. A passage scores
 * {@code (1 - w) × passage / best passage + w × article / best article}; its article's share is zero when the
 * article is not among the best {@code depth}. The passages of those articles that the passage ranking did not
 * reach are added, by their BM25 score, so that a well-ranked article always brings its best passage.
 *
 * <p>Ranked on the local index whatever the backend: it always holds the articles.
 */
final class ArticleRanker {

    /** Passages of each top article added when the passage ranking missed them. */
    private static final int PASSAGES_PER_ARTICLE = 3;

    private final float weight;
    private final int depth;

    /**
     * @param weight the article's share {@code w} of a passage's score, 0 to turn the stage off
     * @param depth articles ranked
     */
    ArticleRanker(float weight, int depth) {
        this.weight = weight;
        this.depth = depth;
    }

    /**
     * @param articleQuery BM25 over {@link IndexConstants#ARTICLE_TEXT}
     * @param passageQuery the BM25 passage query, to find the passages of top articles that {@code passages}
     *     lacks; null when the question has no lexical terms
     * @param passages the passage ranking so far, best first
     */
    TopDocs rerank(CorpusIndex index, Query articleQuery, Query passageQuery, TopDocs passages) throws IOException {
        if (weight <= 0 || articleQuery == null) {
            return passages;
        }
        ScoreDoc[] articles = index.searcher().search(articleQuery, depth).scoreDocs;
        if (articles.length == 0) {
            return passages;
        }
        Map<String, Float> articleScore = new HashMap<>();
        for (ScoreDoc hit : articles) {
            articleScore.putIfAbsent(index.articleId(hit.doc), hit.score / articles[0].score);
        }
        List<ScoreDoc> candidates = new ArrayList<>(List.of(passages.scoreDocs));
        float best = passages.scoreDocs.length == 0 ? 1 : passages.scoreDocs[0].score;
        if (passageQuery != null) {
            Set<Integer> seen = new HashSet<>();
            candidates.forEach(hit -> seen.add(hit.doc));
            for (ScoreDoc hit : withinArticles(index, passageQuery, articleScore.keySet())) {
                if (seen.add(hit.doc)) {
                    // Below every passage the ranking reached: what lifts it is its article.
                    candidates.add(new ScoreDoc(hit.doc, 0));
                }
            }
        }
        List<ScoreDoc> mixed = new ArrayList<>(candidates.size());
        for (ScoreDoc hit : candidates) {
            float article = articleScore.getOrDefault(index.articleId(hit.doc), 0f);
            mixed.add(new ScoreDoc(hit.doc, (1 - weight) * hit.score / best + weight * article));
        }
        // Stable: equal scores keep the passage ranking's order.
        mixed.sort((a, b) -> Float.compare(b.score, a.score));
        return new TopDocs(passages.totalHits, mixed.toArray(ScoreDoc[]::new));
    }

    private static ScoreDoc[] withinArticles(CorpusIndex index, Query passageQuery, Set<String> ids)
            throws IOException {
        List<BytesRef> terms = ids.stream().map(BytesRef::new).toList();
        Query within = new BooleanQuery.Builder()
                .add(passageQuery, BooleanClause.Occur.MUST)
                .add(new TermInSetQuery(IndexConstants.ARTICLE_ID, terms), BooleanClause.Occur.FILTER)
                .build();
        return index.searcher().search(within, ids.size() * PASSAGES_PER_ARTICLE).scoreDocs;
    }
}
