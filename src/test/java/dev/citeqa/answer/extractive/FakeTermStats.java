package dev.citeqa.answer.extractive;

import dev.citeqa.analysis.TermStats;
import java.util.Map;

/** Document frequencies given by hand, over a corpus of {@code passages} passages. */
record FakeTermStats(int passages, Map<String, Integer> docFreqs) implements TermStats {

    @Override
    public int docFreq(String term) {
        return docFreqs.getOrDefault(term, 0);
    }

    @Override
    public boolean known(String term) {
        return docFreq(term) > 0;
    }
}
