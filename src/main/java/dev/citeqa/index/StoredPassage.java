package dev.citeqa.index;

import dev.citeqa.collection.Article;
import dev.citeqa.collection.Passage;
import java.util.List;

/**
 * A passage as read back from the index, with its article and the embeddings of its sentences (in sentence
 * order).
 */
public record StoredPassage(Article article, Passage passage, List<float[]> sentenceVectors) {}
