package dev.citeqa.collection;

import dev.citeqa.analysis.Words;
import dev.citeqa.config.CiteQaConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts an article's sentences into overlapping passages of about {@code maxWords} words: consecutive
 * sentences are added while the passage stays within the bound, and a longer sentence stands alone. The bound
 * is in words rather than sentences because news sentences range from three words to sixty; the overlap is in
 * sentences, so that a fact that spans a passage edge is whole in one of them.
 */
public final class PassageChunker {

    private final int maxWords;
    private final int maxSentences;
    private final int overlap;

    /**
     * @param maxWords a passage ends before it would pass this many words
     * @param maxSentences a passage ends at this many sentences; 0 for no bound but the words
     * @param overlap sentences each passage shares with the one before it
     */
    public PassageChunker(int maxWords, int maxSentences, int overlap) {
        if (maxWords < 1 || maxSentences < 0 || overlap < 0 || maxSentences > 0 && overlap >= maxSentences) {
            throw new IllegalArgumentException("citeqa.chunk.words must be >= 1, citeqa.chunk.sentences >= 0 and "
                    + "citeqa.chunk.overlap in 0..sentences-1, got " + maxWords + ", " + maxSentences + " and "
                    + overlap);
        }
        this.maxWords = maxWords;
        this.maxSentences = maxSentences;
        this.overlap = overlap;
    }

    /** The chunker the configuration asks for. */
    public static PassageChunker of(CiteQaConfig.Chunk chunk) {
        return new PassageChunker(chunk.words(), chunk.sentences(), chunk.overlap());
    }

    /**
     * Words, sentences and overlap, as "120/0/1": part of the settings an index records, so that an index cut
     * otherwise is rebuilt.
     */
    public String settings() {
        return maxWords + "/" + maxSentences + "/" + overlap;
    }

    /** Passages of at most {@code sentences} sentences, whatever their length: for tests and benchmarks. */
    public static PassageChunker ofSentences(int sentences, int overlap) {
        return new PassageChunker(Integer.MAX_VALUE, sentences, overlap);
    }

    public List<Passage> chunk(String articleId, List<Sentence> sentences) {
        List<Passage> passages = new ArrayList<>();
        int from = 0;
        while (from < sentences.size()) {
            int to = from + 1;
            long words = words(sentences.get(from));
            while (to < sentences.size() && (maxSentences == 0 || to - from < maxSentences)
                    && words + words(sentences.get(to)) <= maxWords) {
                words += words(sentences.get(to));
                to++;
            }
            passages.add(new Passage(articleId, passages.size(), sentences.subList(from, to)));
            if (to == sentences.size()) {
                break;
            }
            // A passage of fewer sentences than the overlap still moves on by one.
            from = Math.max(from + 1, to - overlap);
        }
        return passages;
    }

    /** Words between spaces of every kind, as the parser counts them, and those of scripts without spaces. */
    private static int words(Sentence s) {
        return Boilerplate.wordCount(s.text()) + Words.unspaced(s.text());
    }
}
