package dev.citeqa.search;

import dev.citeqa.index.CorpusIndex;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.lucene.search.ScoreDoc;

/**
 * The last stage of the ranking (in hybrid, of both its lists, before the word leaders keep their places): when the
 * question names a year ("Which Oreo cookie was launched in 2024?"), a passage of a story dated in that year scores
 * a share more. A folder of news keeps several years' stories on one subject, and the year is how the question
 * tells them apart; the word "2024" alone seldom does, as a story rarely repeats its own year, while last year's
 * story may well name the next. A boost, not a filter: a story of another year that matches much better still
 * wins, and an undated story keeps its score.
 *
 * <p>A share rather than an added amount, so that a story of the year that hardly matches the question stays
 * down, among the passages no one reads. Replayed on the ranked lists of real news, news1000 and snippets
 * (docs/evaluation.md, "A year the question names"), a share of 10 % to 30 % gained on each and lost on none; 20 %,
 * the middle, is the default.
 */
final class AskedYearRanker {

    private final float boost;

    /** @param boost the share a passage of a story of an asked year adds to its score; 0 turns the stage off */
    AskedYearRanker(float boost) {
        this.boost = boost;
    }

    /**
     * The stage for one question: in hybrid it reranks two lists of mostly the same articles, and each article's date
     * is looked up once for both.
     *
     * @param years the years the question names
     * @return what raises, in a ranking best first, the passages of stories of an asked year, best first again
     *     (equal scores keep their order); the identity when the question names no year or the stage is off
     */
    UnaryOperator<ScoreDoc[]> forQuestion(CorpusIndex index, Set<Integer> years) {
        if (boost <= 0 || years.isEmpty()) {
            return UnaryOperator.identity();
        }
        // By article, from the date's doc values: a ranking holds a few dozen articles, and no passage is read.
        Map<String, Boolean> asked = new HashMap<>();
        return ranked -> {
            ScoreDoc[] out = new ScoreDoc[ranked.length];
            for (int i = 0; i < ranked.length; i++) {
                ScoreDoc hit = ranked[i];
                boolean ofYear = asked.computeIfAbsent(index.articleId(hit.doc),
                        id -> index.articleDate(id).map(date -> years.contains(date.getYear())).orElse(false));
                // A score at or below zero (a dense list's cosine can be) would only fall further if multiplied.
                out[i] = new ScoreDoc(hit.doc, ofYear && hit.score > 0 ? hit.score * (1 + boost) : hit.score,
                        hit.shardIndex);
            }
            // Stable: a merge sort on objects.
            Arrays.sort(out, (a, b) -> Float.compare(b.score, a.score));
            return out;
        };
    }
}
