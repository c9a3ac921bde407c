package dev.citeqa.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.embed.Embedder;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.IndexConstants;
import dev.citeqa.index.TinyCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.similarities.AxiomaticF2EXP;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The article stage on the {@link TinyCorpus}, with hand-made passage and meaning rankings: the lexical side is
 * real (F2EXP over whole articles, {@link CorpusIndex}), the meaning side is given, so the expected order can be
 * worked out on paper.
 */
class ArticleRankerTest {

    private static Path root;
    private static CorpusIndex index;

    @BeforeAll
    static void buildIndex() throws IOException {
        root = Files.createTempDirectory("citeqa-articles");
        index = TinyCorpus.openIndex(root, Embedder.none());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    /** A passage of the article. */
    private static int passageOf(String articleId) throws IOException {
        return index.searcher().search(new TermQuery(new Term(IndexConstants.ARTICLE_ID, articleId)), 1)
                .scoreDocs[0].doc;
    }

    private static TopDocs ranking(int[] docs, float[] scores) {
        ScoreDoc[] hits = new ScoreDoc[docs.length];
        for (int i = 0; i < docs.length; i++) {
            hits[i] = new ScoreDoc(docs[i], scores[i]);
        }
        return new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), hits);
    }

    private static List<String> order(TopDocs ranked) {
        List<String> ids = new ArrayList<>();
        for (ScoreDoc hit : ranked.scoreDocs) {
            String id = index.articleId(hit.doc);
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The question over whole articles. */
    private static Query articleQuery(String question) {
        return QueryTerms.of(index, QuestionAnalysis.of(question))
                .query(IndexConstants.ARTICLE_TEXT, new QueryTerms.Boosts(2f, 2f));
    }

    /**
     * The stage on two passages for "resurface avenues", whose words only roads_2021 has: the clinic passage
     * scoring {@code clinicScore} against roads_2021's 1, and, when {@code withMeaning}, a dense side that finds
     * the clinic story far nearer in meaning (0.9 against 0.5).
     */
    private static TopDocs rerank(float weight, float meaningShare, float clinicScore, boolean withMeaning)
            throws IOException {
        int clinic = passageOf("clinic");
        int roads = passageOf("roads_2021");
        TopDocs passages = ranking(new int[] {clinic, roads}, new float[] {clinicScore, 1f});
        TopDocs meaning = withMeaning ? ranking(new int[] {clinic, roads}, new float[] {0.9f, 0.5f}) : null;
        ArticleRanker stage = new ArticleRanker(weight, 20, meaningShare);
        return stage.rerank(index, stage.top(index, articleQuery("resurface avenues")), null, passages, meaning);
    }

    @Test
    void byWordsAloneTheArticleThatSharesMoreWordsWins() throws IOException {
        // Its article score lifts roads_2021 over an equal clinic passage.
        assertEquals(List.of("roads_2021", "clinic"), order(rerank(0.7f, 0.3f, 1f, false)));
    }

    /** Each article's score for {@code query} as a share of the best, ranked by {@code similarity}. */
    private static Map<String, Float> articleShares(Query query, Similarity similarity) throws IOException {
        IndexSearcher searcher = new IndexSearcher(index.searcher().getIndexReader());
        searcher.setSimilarity(similarity);
        ScoreDoc[] hits = searcher.search(query, 20).scoreDocs;
        Map<String, Float> shares = new HashMap<>();
        for (ScoreDoc hit : hits) {
            shares.putIfAbsent(index.articleId(hit.doc), hit.score / hits[0].score);
        }
        return shares;
    }

    @Test
    void articlesAreRankedByF2exp() throws IOException {
        Query query = articleQuery("harbour expansion cargo berths");
        TopDocs passages = ranking(new int[] {passageOf("harbour_long"), passageOf("harbour_short")},
                new float[] {1f, 1f});
        Map<String, Float> f2exp = articleShares(query, new AxiomaticF2EXP(0.5f, 0.35f));
        Map<String, Float> bm25 = articleShares(query, new BM25Similarity());
        // The two weigh the long article's length differently, so the test tells them apart.
        assertTrue(Math.abs(f2exp.get("harbour_short") - bm25.get("harbour_short")) > 0.03f, f2exp + " " + bm25);
        // With the article's share at 1, a passage scores its article's share of the best.
        ArticleRanker stage = new ArticleRanker(1f, 20, 0.3f);
        TopDocs wordsAlone = stage.rerank(index, stage.top(index, query), null, passages, null);
        assertEquals(f2exp.get("harbour_short"), scoreOf(wordsAlone, "harbour_short"), 1e-6f);
        // Mixed with meaning (here equal for both, so each gets the whole meaning share), the words are F2EXP's too.
        TopDocs meaning = ranking(new int[] {passageOf("harbour_long"), passageOf("harbour_short")},
                new float[] {0.8f, 0.8f});
        TopDocs hybrid = stage.rerank(index, stage.top(index, query), null, passages, meaning);
        float top = 0.7f * f2exp.get("harbour_long") + 0.3f;
        assertEquals((0.7f * f2exp.get("harbour_short") + 0.3f) / top, scoreOf(hybrid, "harbour_short"), 1e-6f);
    }

    private static float scoreOf(TopDocs ranked, String articleId) {
        for (ScoreDoc hit : ranked.scoreDocs) {
            if (index.articleId(hit.doc).equals(articleId)) {
                return hit.score;
            }
        }
        throw new AssertionError(articleId + " not ranked");
    }

    @Test
    void inHybridAnArticleNearestInMeaningCanOutweighItsWords() throws IOException {
        // roads_2021: words 1 × 0.3 + meaning 0 = 0.3; clinic: words 0 + meaning 1 × 0.7 = 0.7.
        TopDocs ranked = rerank(0.7f, 0.7f, 1f, true);
        assertEquals(List.of("clinic", "roads_2021"), order(ranked));
        // Normalised by the best article (0.7): clinic's passage scores 0.3 × 1 + 0.7 × 1.
        assertEquals(1.0f, ranked.scoreDocs[0].score, 1e-6f);
        // roads_2021's: 0.3 × 1 + 0.7 × 0.3 / 0.7.
        assertEquals(0.6f, ranked.scoreDocs[1].score, 1e-6f);
    }

    @Test
    void aSmallMeaningShareLeavesTheWordsInCharge() throws IOException {
        // roads_2021: 0.7 from its words; clinic: 0.3 from its meaning.
        assertEquals(List.of("roads_2021", "clinic"), order(rerank(0.7f, 0.3f, 1f, true)));
    }

    @Test
    void aWeightOfZeroLeavesThePassageRankingAsItIs() throws IOException {
        assertEquals(List.of("clinic", "roads_2021"), order(rerank(0f, 0.3f, 2f, true)));
    }

    /** Doc and score of each hit, to compare two rankings whole. */
    private static List<String> hits(TopDocs ranked) {
        List<String> out = new ArrayList<>();
        for (ScoreDoc hit : ranked.scoreDocs) {
            out.add(hit.doc + ":" + hit.score);
        }
        return out;
    }

    @Test
    void withEveryBm25MatchRankedTheSearchForMissingPassagesChangesNothing() throws IOException {
        String question = "council road repairs budget";
        Query passageQuery = QueryTerms.of(index, QuestionAnalysis.of(question))
                .query(IndexConstants.BODY, new QueryTerms.Boosts(1f, 2f));
        ArticleRanker stage = new ArticleRanker(0.7f, 20, 0.3f);
        TopDocs every = index.searcher().search(passageQuery, 1_000);
        assertTrue(every.scoreDocs.length > 1, "the question matches several passages");
        assertTrue(PassageSearcher.holdsEveryMatch(every, every));
        ScoreDoc[] articles = stage.top(index, articleQuery(question));
        assertEquals(hits(stage.rerank(index, articles, passageQuery, every, null)),
                hits(stage.rerank(index, articles, null, every, null)));
        // Cut to its first passage, the list lacks matches, and the search brings the top articles' passages back.
        TopDocs first = index.searcher().search(passageQuery, 1);
        assertFalse(PassageSearcher.holdsEveryMatch(first, first));
        assertTrue(stage.rerank(index, articles, passageQuery, first, null).scoreDocs.length
                > stage.rerank(index, articles, null, first, null).scoreDocs.length);
    }
}
