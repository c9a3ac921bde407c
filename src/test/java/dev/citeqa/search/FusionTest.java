package dev.citeqa.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.junit.jupiter.api.Test;

/** Reciprocal rank fusion on hand-made rankings, where the right order can be worked out on paper. */
class FusionTest {

    private static TopDocs ranking(int... docs) {
        ScoreDoc[] scoreDocs = new ScoreDoc[docs.length];
        for (int i = 0; i < docs.length; i++) {
            // Raw scores differ wildly between BM25 and cosine; fusion must only look at ranks.
            scoreDocs[i] = new ScoreDoc(docs[i], 1000f - i * 100);
        }
        return new TopDocs(new TotalHits(docs.length, TotalHits.Relation.EQUAL_TO), scoreDocs);
    }

    private static int[] order(TopDocs fused) {
        return Arrays.stream(fused.scoreDocs).mapToInt(d -> d.doc).toArray();
    }

    @Test
    void agreementBeatsOneFirstPlace() {
        // Doc 2 is second in both lists: 2/(60+2) beats doc 1's and doc 3's single 1/(60+1).
        TopDocs fused = PassageSearcher.fuse(ranking(1, 2, 4), ranking(3, 2, 5), 10, 60);
        assertEquals(2, fused.scoreDocs[0].doc);
        assertEquals(2.0 / 62, fused.scoreDocs[0].score, 1e-6);
    }

    @Test
    void aDocumentInOneListKeepsItsRelativeOrder() {
        TopDocs fused = PassageSearcher.fuse(ranking(7, 8, 9), ranking(), 10, 60);
        assertArrayEquals(new int[] {7, 8, 9}, order(fused));
    }

    @Test
    void aSmallKRewardsTopRanksMore() {
        // With k = 1, first place in one list (1/2) beats fourth place in both (2/5).
        TopDocs smallK = PassageSearcher.fuse(ranking(1, 10, 11, 4), ranking(12, 13, 14, 4), 10, 1);
        assertEquals(1, smallK.scoreDocs[0].doc);
        // With k = 60 the same two fourth places (2/64) beat a single first place (1/61).
        TopDocs largeK = PassageSearcher.fuse(ranking(1, 10, 11, 4), ranking(12, 13, 14, 4), 10, 60);
        assertEquals(4, largeK.scoreDocs[0].doc);
    }

    @Test
    void depthCutsTheFusedList() {
        assertEquals(2, PassageSearcher.fuse(ranking(1, 2, 3), ranking(4, 5, 6), 2, 60).scoreDocs.length);
    }

    @Test
    void aWholeExactBm25ListHoldsEveryMatchSoTheArticleStageAddsNone() {
        TopDocs lexical = ranking(1, 2, 3);
        assertTrue(PassageSearcher.holdsEveryMatch(lexical, lexical));
        // Fused with a dense list, every BM25 passage still in the cut list.
        assertTrue(PassageSearcher.holdsEveryMatch(PassageSearcher.fuse(lexical, ranking(4, 2), 10, 60), lexical));
    }

    @Test
    void aMatchBeyondTheListOrCutFromItIsStillToBeLookedFor() {
        // BM25 matched five passages and returned three.
        TopDocs cut = new TopDocs(new TotalHits(5, TotalHits.Relation.EQUAL_TO), ranking(1, 2, 3).scoreDocs);
        assertFalse(PassageSearcher.holdsEveryMatch(cut, cut));
        // Counted only up to a bound: there may be more.
        TopDocs bounded = new TopDocs(new TotalHits(3, TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO),
                ranking(1, 2, 3).scoreDocs);
        assertFalse(PassageSearcher.holdsEveryMatch(bounded, bounded));
        // The fused list's depth cut passage 3 off.
        TopDocs lexical = ranking(1, 2, 3);
        assertFalse(PassageSearcher.holdsEveryMatch(PassageSearcher.fuse(lexical, ranking(4, 5), 2, 60), lexical));
        // No BM25 list at all (dense retrieval).
        assertFalse(PassageSearcher.holdsEveryMatch(ranking(1, 2), null));
    }

    /** Passage d belongs to article "a" + d / 10: docs 10 and 11 are two passages of article a1. */
    private static int[] leaders(TopDocs ranked, TopDocs byWords) {
        ScoreDoc[] kept = PassageSearcher.keepLeaders(ranked.scoreDocs, byWords.scoreDocs, 2, 2, d -> "a" + d / 10);
        return Arrays.stream(kept).mapToInt(d -> d.doc).toArray();
    }

    @Test
    void theArticlesWordsRankFirstKeepAPlaceNearTheTop() {
        // Words alone rank article a7 first and a8 second; fused with meanings they fell to sixth and seventh.
        TopDocs fused = ranking(10, 20, 30, 40, 50, 70, 80, 81, 11);
        TopDocs byWords = ranking(70, 80, 10);
        // a7 moves up to third, then a8's best passage to fourth; the passages they pass keep their order, and so
        // do a8's second and a1's second.
        assertArrayEquals(new int[] {10, 20, 70, 80, 30, 40, 50, 81, 11}, leaders(fused, byWords));
        ScoreDoc[] kept = PassageSearcher.keepLeaders(fused.scoreDocs, byWords.scoreDocs, 2, 2, d -> "a" + d / 10);
        // A moved passage takes the score of the one it displaced, so that scores still fall down the list.
        assertEquals(800f, kept[2].score);
        assertEquals(800f, kept[3].score);
        assertEquals(800f, kept[4].score);
    }

    @Test
    void aLeaderHighEnoughAlreadyStaysAndOneTheFusionLostIsAdded() {
        // a9, first by words, is not in the fused list at all: it comes in third. a1, second by words, is then fourth,
        // which its place allows.
        assertArrayEquals(new int[] {20, 30, 90, 10, 40}, leaders(ranking(20, 30, 10, 40), ranking(90, 10)));
        // A leader at the lowest place it may have stays as it is, score and all.
        ScoreDoc[] kept = PassageSearcher.keepLeaders(ranking(20, 30, 40, 10, 50).scoreDocs, ranking(20, 10).scoreDocs,
                2, 2, d -> "a" + d / 10);
        assertArrayEquals(new int[] {20, 30, 40, 10, 50}, Arrays.stream(kept).mapToInt(d -> d.doc).toArray());
        assertEquals(700f, kept[3].score);
        // A list shorter than the place a leader may fall to gets it at its end, scored no higher than its last.
        ScoreDoc[] shortList = PassageSearcher.keepLeaders(ranking(20, 30).scoreDocs, ranking(90).scoreDocs, 2, 2,
                d -> "a" + d / 10);
        assertArrayEquals(new int[] {20, 30, 90}, Arrays.stream(shortList).mapToInt(d -> d.doc).toArray());
        assertEquals(900f, shortList[2].score);
        // No leaders asked for, or none found by words: the list is as fused.
        assertArrayEquals(new int[] {20, 30, 40, 50},
                Arrays.stream(PassageSearcher.keepLeaders(ranking(20, 30, 40, 50).scoreDocs,
                        ranking(50).scoreDocs, 0, 2, d -> "a" + d / 10)).mapToInt(d -> d.doc).toArray());
        assertArrayEquals(new int[] {20, 30, 40, 50}, leaders(ranking(20, 30, 40, 50), ranking()));
    }
}
