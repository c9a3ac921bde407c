package dev.citeqa.search;

import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.IndexConstants;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * The second stage of the cascade: ranks whole articles and mixes that into the passage ranking, so that an
 * article whose one passage holds the answer is not outranked by articles that repeat the question's words in
 * one place. A passage scores {@code (1 - w) × passage / best passage + w × article}, the article's score
 * being 0 to 1 and zero for an article not among the best {@code depth}. The passages of top articles that the
 * passage ranking did not reach are added, by their BM25 score, so that a well-ranked article always brings
 * its best passage.
 *
 * <p>An article's words are its full text ranked by F2EXP ({@link CorpusIndex}), as a share of the best
 * article's score. In dense and hybrid retrieval its meaning counts too: its best passage's embedding similarity
 * among the dense candidates (MaxP), scaled from the lowest of those articles (0) to the highest (1), and the two
 * are mixed by {@code meaningShare}. Ranked by words alone, a corpus of one-passage articles saw the article
 * stage repeat BM25 with most of the weight, and the meaning that dense and hybrid retrieval bring was lost. A
 * convex mix, not reciprocal rank fusion: the rank scores of a handful of articles are nearly equal, and would
 * not tell them apart.
 *
 * <p>Ranked on the local index whatever the backend: it always holds the articles.
 */
final class ArticleRanker {

    /** Passages of each top article added when the passage ranking missed them. */
    private static final int PASSAGES_PER_ARTICLE = 3;

    private final float weight;
    private final int depth;
    private final float meaningShare;

    /**
     * @param weight the article's share {@code w} of a passage's score, 0 to turn the stage off
     * @param depth articles ranked
     * @param meaningShare the share of an article's score that its meaning gives, when meanings are compared
     */
    ArticleRanker(float weight, int depth, float meaningShare) {
        this.weight = weight;
        this.depth = depth;
        this.meaningShare = meaningShare;
    }

    /**
     * The best articles for the question's words over {@link IndexConstants#ARTICLE_TEXT}, best first; none when
     * the stage is off or {@code articleQuery} is null (a question without lexical terms). Searched once per
     * question, however many passage rankings {@link #rerank} mixes them into.
     */
    ScoreDoc[] top(CorpusIndex index, Query articleQuery) throws IOException {
        return weight <= 0 || articleQuery == null ? new ScoreDoc[0]
                : index.searcher().search(articleQuery, depth).scoreDocs;
    }

    /**
     * @param articles the question's best articles, {@link #top}
     * @param passageQuery the BM25 passage query, to find the passages of top articles that {@code passages}
     *     lacks; null when the question has no lexical terms, or {@code passages} holds every passage it matches
     * @param passages the passage ranking so far, best first
     * @param semantic the passages nearest the question in meaning, best first, scored by cosine similarity;
     *     null to rank articles by their words alone
     */
    TopDocs rerank(CorpusIndex index, ScoreDoc[] articles, Query passageQuery, TopDocs passages, TopDocs semantic)
            throws IOException {
        if (articles.length == 0) {
            return passages;
        }
        Map<String, Float> articleScore = articleScores(index, articles, semantic);
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

    /** Each ranked article's score, 0 to 1: its words, and its meaning when {@code semantic} is given. */
    private Map<String, Float> articleScores(CorpusIndex index, ScoreDoc[] articles, TopDocs semantic) {
        float wordsShare = semantic == null ? 1 : 1 - meaningShare;
        Map<String, Float> score = new HashMap<>();
        for (ScoreDoc hit : articles) {
            score.putIfAbsent(index.articleId(hit.doc), wordsShare * hit.score / articles[0].score);
        }
        if (semantic == null || semantic.scoreDocs.length == 0) {
            return score;
        }
        // MaxP: an article's meaning is its nearest passage's, and the list is best first.
        Map<String, Float> meaning = new LinkedHashMap<>();
        for (ScoreDoc hit : semantic.scoreDocs) {
            meaning.putIfAbsent(index.articleId(hit.doc), hit.score);
            if (meaning.size() == depth) {
                break;
            }
        }
        float highest = semantic.scoreDocs[0].score;
        float lowest = meaning.values().stream().reduce(Float::min).orElse(highest);
        meaning.forEach((id, similarity) -> score.merge(id,
                meaningShare * (highest > lowest ? (similarity - lowest) / (highest - lowest) : 1), Float::sum));
        // An article at the bottom on both counts is not ranked: its passages are not worth adding.
        score.values().removeIf(s -> s <= 0);
        float top = score.values().stream().reduce(Float::max).orElse(1f);
        score.replaceAll((id, s) -> s / top);
        return score;
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
