package dev.citeqa.index;

import dev.citeqa.collection.Article;
import dev.citeqa.collection.Passage;
import java.util.List;

/**
 * A passage as read back from the index, with its article.
 *
 * @param sentenceVectors always empty: sentences are no longer embedded (a passage's own vector is in the
 *     graph); kept for the answerer, which then judges sentences on words
 */
public record StoredPassage(Article article, Passage passage, List<float[]> sentenceVectors) {}
