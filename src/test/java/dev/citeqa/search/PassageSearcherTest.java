package dev.citeqa.search;

import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.config.CiteQaConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.TestModels;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.embed.Embedder;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.IndexConstants;
import dev.citeqa.index.TinyCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Arrays;
import java.util.function.IntFunction;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Retrieval over the {@link TinyCorpus}, in each mode. */
@Tag("model")
class PassageSearcherTest {

    private static Path root;
    private static CorpusIndex index;
    private static PassageSearcher searcher;

    @BeforeAll
    static void buildIndex() throws IOException {
        root = Files.createTempDirectory("citeqa-search");
        Embedder embedder = TestModels.embedder(root.resolve("data"));
        index = TinyCorpus.openIndex(root, embedder);
        searcher = new PassageSearcher(embedder, perArticle(2));
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static List<String> articleIds(String query, int k, RetrievalMode mode) {
        return searcher.search(index, query, k, mode).stream().map(h -> h.stored().passage().articleId()).toList();
    }

    @Test
    void bm25FindsExactlyThePassagesWithTheQueryTerms() {
        // "resurface" and "avenues" occur in one passage of one article only.
        assertEquals(List.of("roads_2021"), articleIds("resurface avenues", 10, RetrievalMode.bm25));
        // "budget" is in both Springfield stories, nowhere else.
        assertEquals(2, articleIds("budget", 10, RetrievalMode.bm25).size());
    }

    @Test
    void bm25RanksTheExactYearFirst() {
        assertEquals("roads_2019",
                articleIds("How much did Springfield approve for road repairs in 2019?", 5, RetrievalMode.bm25).get(0));
        assertEquals("roads_2021",
                articleIds("How much did Springfield approve for road repairs in 2021?", 5, RetrievalMode.bm25).get(0));
    }

    @Test
    void aParaphraseWithNoSharedWordIsFoundByDenseAndHybridButNotBm25() {
        String question = "Which medicine did the doctor give for the illness?";
        assertFalse(articleIds(question, 10, RetrievalMode.bm25).contains("clinic"),
                "no content word in common, so BM25 cannot match");
        assertEquals("clinic", articleIds(question, 10, RetrievalMode.dense).get(0));
        assertEquals("clinic", articleIds(question, 10, RetrievalMode.hybrid).get(0));
    }

    @Test
    void namesWeighUpOnlyBesideADenseList() {
        PassageSearcher.Settings d = PassageSearcher.Settings.of(CiteQaConfig.defaults().retrieval());
        PassageSearcher searcher = new PassageSearcher(TestModels.embedder(root.resolve("data")), d);
        assertEquals(new QueryTerms.Boosts(1f, 2f), searcher.boosts(RetrievalMode.bm25));
        assertEquals(new QueryTerms.Boosts(2f, 2f), searcher.boosts(RetrievalMode.hybrid));
        assertEquals(new QueryTerms.Boosts(2f, 2f), searcher.boosts(RetrievalMode.dense));
    }

    @Test
    void wholeArticlesWeighNamesAsBm25AloneDoesInEveryMode() throws IOException {
        PassageSearcher.Settings d = PassageSearcher.Settings.of(CiteQaConfig.defaults().retrieval());
        PassageSearcher searcher = new PassageSearcher(TestModels.embedder(root.resolve("data")), d);
        QueryTerms terms = QueryTerms.of(index, QuestionAnalysis.of("How much did Springfield approve in 2019?"));
        String article = searcher.articleQuery(terms).toString();
        assertEquals(terms.query(IndexConstants.ARTICLE_TEXT, searcher.boosts(RetrievalMode.bm25)).toString(), article);
        // The passage list of hybrid retrieval doubles the name; the article query does not.
        assertFalse(terms.query(IndexConstants.ARTICLE_TEXT, searcher.boosts(RetrievalMode.hybrid)).toString()
                .equals(article));
    }

    /** The default settings, but with {@code max} passages per article before the others have had their turn. */
    private static PassageSearcher.Settings perArticle(int max) {
        PassageSearcher.Settings d = PassageSearcher.Settings.of(CiteQaConfig.defaults().retrieval());
        return new PassageSearcher.Settings(d.titleBoost(), d.anchorBoost(), d.bm25NameBoost(), d.depth(), d.rrfK(),
                max, d.articleWeight(), d.articleDepth(), d.articleMeaningShare(), d.wordLeaders(), d.wordLeaderSlack(),
                d.askedYearBoost());
    }

    @Test
    void hybridKeepsTheArticlesWordsRankFirstNearTheTop() throws IOException {
        String query = "Springfield road repairs budget harbour museum";
        PassageSearcher.Settings d = PassageSearcher.Settings.of(CiteQaConfig.defaults().retrieval());
        // Passages alone (no whole-article stage), so that only the fusion and the word leaders order them.
        IntFunction<PassageSearcher.Settings> leaders = n -> new PassageSearcher.Settings(d.titleBoost(),
                d.anchorBoost(), d.bm25NameBoost(), d.depth(), d.rrfK(), 1, 0f, d.articleDepth(),
                d.articleMeaningShare(), n, 2, d.askedYearBoost());
        Embedder embedder = TestModels.embedder(root.resolve("data"));
        List<String> byWords = ids(new PassageSearcher(embedder, leaders.apply(2)).search(index, query, 10,
                RetrievalMode.bm25));
        // A dense list blind to the two best stories by words: each other story is in both lists and outranks them.
        Ranker blind = new Ranker() {
            @Override
            public TopDocs lexical(CorpusIndex index, Query q, int depth) throws IOException {
                return Ranker.LUCENE.lexical(index, q, depth);
            }

            @Override
            public TopDocs nearest(CorpusIndex index, float[] vector, int depth) throws IOException {
                ScoreDoc[] all = index.searcher().search(new TermQuery(new Term(IndexConstants.KIND,
                        IndexConstants.KIND_PASSAGE)), 1000).scoreDocs;
                ScoreDoc[] others = Arrays.stream(all)
                        .filter(h -> !byWords.subList(0, 2).contains(index.articleId(h.doc))).toArray(ScoreDoc[]::new);
                return new TopDocs(new TotalHits(others.length, TotalHits.Relation.EQUAL_TO), others);
            }
        };
        List<String> fused = ids(new PassageSearcher(embedder, leaders.apply(0), blind).search(index, query, 10,
                RetrievalMode.hybrid));
        assertTrue(fused.indexOf(byWords.get(0)) > 2 && fused.indexOf(byWords.get(1)) > 3, fused + " by " + byWords);
        List<String> kept = ids(new PassageSearcher(embedder, leaders.apply(2), blind).search(index, query, 10,
                RetrievalMode.hybrid));
        assertEquals(byWords.get(0), kept.get(2), kept + " by " + byWords);
        assertEquals(byWords.get(1), kept.get(3), kept + " by " + byWords);
        assertEquals(Set.copyOf(fused), Set.copyOf(kept), "the same stories, in another order");
    }

    private static List<String> ids(List<PassageHit> hits) {
        return hits.stream().map(h -> h.stored().passage().articleId()).toList();
    }

    @Test
    void oneLongArticleDoesNotFillTheTopRanks() {
        // Every passage of the long story matches "cargo ships" too, so by score alone it takes the top 5.
        String query = "harbour expansion berths cargo ships";
        PassageSearcher undiversified =
                new PassageSearcher(TestModels.embedder(root.resolve("data")), perArticle(100));
        List<String> byScore = undiversified.search(index, query, 5, RetrievalMode.bm25).stream()
                .map(h -> h.stored().passage().articleId()).toList();
        assertEquals(List.of("harbour_long", "harbour_long", "harbour_long", "harbour_long", "harbour_long"), byScore);

        List<String> top5 = articleIds(query, 5, RetrievalMode.bm25);
        assertEquals(List.of("harbour_long", "harbour_long", "harbour_short"), top5.subList(0, 3),
                "two passages of the long story, then the other story's turn");
        // With no other article left, the rest of the long story follows rather than nothing.
        assertEquals(5, top5.size());
    }

    @Test
    void theAnswererAlsoReadsTheTopPassagesThatDiversityDeferred() {
        String query = "harbour expansion berths cargo ships";
        List<String> shown = searcher.search(index, query, 5, RetrievalMode.bm25).stream()
                .map(h -> h.stored().passage().key()).toList();
        List<String> read = searcher.searchForAnswering(index, QuestionAnalysis.of(query), 5, RetrievalMode.bm25).stream()
                .map(h -> h.stored().passage().key()).toList();
        assertEquals(shown, read.subList(0, 5), "the diversified ranking comes first, unchanged");
        PassageSearcher undiversified =
                new PassageSearcher(TestModels.embedder(root.resolve("data")), perArticle(100));
        for (PassageHit best : undiversified.search(index, query, 5, RetrievalMode.bm25)) {
            assertTrue(read.contains(best.stored().passage().key()), best.stored().passage().key() + " in " + read);
        }
        assertEquals(read.size(), Set.copyOf(read).size(), "no passage twice");
    }

    @Test
    void aQueryOfOnlyStopWordsFindsNothingLexically() {
        assertEquals(List.of(), articleIds("who is the one?", 10, RetrievalMode.bm25));
        // Punctuation alone names nothing, in any mode; the embedding model would refuse the empty text.
        assertEquals(List.of(), articleIds("?! …", 10, RetrievalMode.hybrid));
    }

    @Test
    void resultsCarryOffsetsIntoTheSourceFile() throws IOException {
        PassageHit hit = searcher.search(index, "resurface avenues", 1, RetrievalMode.bm25).get(0);
        String source = Files.readString(root.resolve("corpus/roads_2021.txt"));
        String original = source.substring(hit.stored().passage().start(), hit.stored().passage().end());
        assertEquals(hit.stored().passage().text(), original.replaceAll("\\s+", " "));
    }
}
