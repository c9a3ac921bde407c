package dev.citeqa.search;

import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.embed.Embedder;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.IndexConstants;
import dev.citeqa.index.NewsAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.QueryBuilder;

/**
 * Ranks passages for a question by BM25, by embedding similarity (HNSW kNN), or by both fused with Lucene's
 * reciprocal rank fusion. Results are then spread across articles, so that one long article cannot crowd
 * the others out of the top ranks.
 */
public final class PassageSearcher {

    /**
     * @param titleBoost weight of the title field against the body field in BM25
     * @param depth candidates taken from each ranked list before fusion and diversification
     * @param rrfK the rank constant of reciprocal rank fusion
     * @param maxPerArticle passages an article may place before every other article has had its turn
     */
    public record Settings(float titleBoost, int depth, int rrfK, int maxPerArticle) {}

    private static final TopDocs NO_HITS =
            new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0]);

    private final Embedder embedder;
    private final Settings settings;
    private final QueryBuilder queryBuilder = new QueryBuilder(NewsAnalyzer.forQuestions());

    public PassageSearcher(Embedder embedder, Settings settings) {
        this.embedder = embedder;
        this.settings = settings;
    }

    public List<PassageHit> search(CorpusIndex index, String query, int k, RetrievalMode mode) {
        String question = QuestionRewriter.normalise(query);
        int depth = Math.max(k, settings.depth());
        try {
            TopDocs ranked = switch (mode) {
                case bm25 -> bm25(index.searcher(), question, depth);
                case dense -> dense(index.searcher(), question, depth);
                case hybrid -> fuse(bm25(index.searcher(), question, depth), dense(index.searcher(), question, depth),
                        depth, settings.rrfK());
            };
            return diversify(index, ranked.scoreDocs, k);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reciprocal rank fusion, Lucene's own: each document scores the sum of 1 / (k + rank) over the lists
     * that hold it, so agreement between BM25 and dense outranks a high place in one list alone.
     */
    static TopDocs fuse(TopDocs lexical, TopDocs semantic, int depth, int k) {
        return TopDocs.rrf(depth, k, new TopDocs[] {lexical, semantic});
    }

    /** BM25 over passage bodies plus a weighted match on the article title. Null when no term is left. */
    Query lexicalQuery(String question) {
        Query body = queryBuilder.createBooleanQuery(IndexConstants.BODY, question);
        if (body == null) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(body, BooleanClause.Occur.SHOULD);
        Query title = queryBuilder.createBooleanQuery(IndexConstants.TITLE, question);
        if (title != null && settings.titleBoost() > 0) {
            query.add(new BoostQuery(title, settings.titleBoost()), BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    private TopDocs bm25(IndexSearcher searcher, String question, int depth) throws IOException {
        Query query = lexicalQuery(question);
        return query == null ? NO_HITS : searcher.search(query, depth);
    }

    private TopDocs dense(IndexSearcher searcher, String question, int depth) throws IOException {
        float[] vector = embedder.embed(question);
        TopDocs hits = searcher.search(new KnnFloatVectorQuery(IndexConstants.VECTOR, vector, depth), depth);
        // Lucene maps dot product d to (1 + d) / 2; report the cosine itself, which people know how to read.
        for (ScoreDoc hit : hits.scoreDocs) {
            hit.score = 2 * hit.score - 1;
        }
        return hits;
    }

    private List<PassageHit> diversify(CorpusIndex index, ScoreDoc[] ranked, int k) {
        List<PassageHit> first = new ArrayList<>();
        List<PassageHit> deferred = new ArrayList<>();
        Map<String, Integer> perArticle = new HashMap<>();
        for (ScoreDoc hit : ranked) {
            PassageHit passage = new PassageHit(index.passage(hit.doc), hit.score);
            int seen = perArticle.merge(passage.stored().passage().articleId(), 1, Integer::sum);
            (seen <= settings.maxPerArticle() ? first : deferred).add(passage);
            if (first.size() >= k) {
                break;
            }
        }
        first.addAll(deferred);
        return first.subList(0, Math.min(k, first.size()));
    }
}
