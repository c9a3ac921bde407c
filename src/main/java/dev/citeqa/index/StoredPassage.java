package dev.citeqa.index;

import dev.citeqa.collection.Article;
import dev.citeqa.collection.Passage;

/**
 * A passage as read back from the index, with its article and embedding. Its sentences have no stored
 * embeddings: the answerer embeds the few it weighs closely, on demand and through the embedding cache.
 *
 * @param vector the passage's own embedding, or null when the index has none; shared by every reader of the passage
 *     (the index keeps passages decoded), so callers must not modify it
 */
public record StoredPassage(Article article, Passage passage, float[] vector) {}
