package dev.citeqa.analysis;

/**
 * What the answerer needs to know of the corpus's words: how rare a term is. The index supplies it; tests
 * supply a few counts of their own.
 */
public interface TermStats {

    /** Passages whose text has {@code term} (an analysed term). */
    int docFreq(String term);

    /** Passages in all. */
    int passages();

    /** Whether any passage or title has {@code term}. */
    boolean known(String term);

    /**
     * The article word nearest {@code word} (lower case, accents removed, as {@link Spelling#wordAnalyzer()} gives
     * it): one edit away and in at least {@code minArticles} articles, as Lucene's spell checker ranks them; or null.
     */
    default String nearestWord(String word, int minArticles) {
        return null;
    }

    /** BM25's inverse document frequency: a term no passage has gets the highest weight. */
    default double idf(String term) {
        int n = Math.max(1, passages());
        int df = docFreq(term);
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }
}
