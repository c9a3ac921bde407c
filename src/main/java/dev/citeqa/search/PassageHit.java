package dev.citeqa.search;

import dev.citeqa.index.StoredPassage;

/**
 * A retrieved passage and its score in the mode that ranked it: BM25, cosine similarity (dense), or the
 * reciprocal-rank-fusion sum (hybrid). Scores of different modes are not comparable.
 */
public record PassageHit(StoredPassage stored, float score) {}
