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
                max, d.articleWeight(), d.articleDepth(), d.articleMeaningShare(), d.wordLeaders(), d.wordLeaderSlack());
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
