package dev.citeqa.collection;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an article's sentences into overlapping windows. Overlap keeps a fact that spans a window edge
 * whole in at least one passage; windows of a few sentences keep BM25 length normalisation meaningful.
 */
public final class PassageChunker {

    private final int size;
    private final int overlap;

    public PassageChunker(int size, int overlap) {
        if (size < 1 || overlap < 0 || overlap >= size) {
            throw new IllegalArgumentException(
                    "citeqa.chunk.sentences must be >= 1 and citeqa.chunk.overlap in 0..sentences-1, got "
                            + size + " and " + overlap);
        }
        this.size = size;
        this.overlap = overlap;
    }

    public List<Passage> chunk(String articleId, List<Sentence> sentences) {
        List<Passage> passages = new ArrayList<>();
        int step = size - overlap;
        for (int from = 0; from < sentences.size(); from += step) {
            int to = Math.min(from + size, sentences.size());
            passages.add(new Passage(articleId, passages.size(), sentences.subList(from, to)));
            if (to == sentences.size()) {
                break;
            }
        }
        return passages;
    }
}
