package dev.citeqa.index;

import dev.citeqa.analysis.TermStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.BytesRef;

/**
 * The index's term statistics as one question's answer reads them: for each of its terms, its frequency in the
 * passages and whether any passage or title has it. Not for sharing between threads. A term's passage frequency is
 * looked up once ({@link #known} and {@link #idf} both ask for it), and each segment's terms are walked with one enum
 * per field for the whole question, where Lucene's own {@code IndexReader#docFreq} makes one for every look-up (the
 * counts are the same).
 */
final class QuestionTermStats implements TermStats {

    /** Words one edit away that are weighed, in Lucene's order: more than one is seldom. */
    private static final int CANDIDATES = 5;

    private final IndexReader reader;
    private final int passages;
    private final FieldTerms body;
    private final FieldTerms title;
    private final Map<String, Integer> bodyFreq = new HashMap<>();

    QuestionTermStats(IndexReader reader, int passages) {
        this.reader = reader;
        this.passages = passages;
        this.body = new FieldTerms(reader.leaves(), IndexConstants.BODY);
        this.title = new FieldTerms(reader.leaves(), IndexConstants.TITLE);
    }

    @Override
    public int docFreq(String term) {
        return bodyFreq.computeIfAbsent(term, body::docFreq);
    }

    @Override
    public int passages() {
        return passages;
    }

    @Override
    public boolean known(String term) {
        return docFreq(term) > 0 || title.docFreq(term) > 0;
    }

    @Override
    public String nearestWord(String word, int minArticles) {
        DirectSpellChecker checker = new DirectSpellChecker();
        checker.setMaxEdits(1);
        // The checker keeps words in more articles than its threshold, deleted ones (an edited article's old
        // version, until a merge) counted too: each is counted again among the live ones below.
        checker.setThresholdFrequency(minArticles - 1);
        try {
            SuggestWord[] nearest = checker.suggestSimilar(new Term(IndexConstants.ARTICLE_WORDS, word), CANDIDATES,
                    reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            IndexSearcher live = new IndexSearcher(reader);
            // Lucene's order: the most like the word for its length, then the most used. Ranked by use alone, a
            // real-news question with a typo was read back as asked 173 times in 193 against 179.
            for (SuggestWord candidate : nearest) {
                Term term = new Term(IndexConstants.ARTICLE_WORDS, candidate.string);
                if (live.count(new TermQuery(term)) >= minArticles) {
                    return candidate.string;
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One field's terms in each segment, each segment's enum made when first needed. */
    private static final class FieldTerms {

        private final List<LeafReaderContext> leaves;
        private final String field;
        private final TermsEnum[] enums;

        FieldTerms(List<LeafReaderContext> leaves, String field) {
            this.leaves = leaves;
            this.field = field;
            this.enums = new TermsEnum[leaves.size()];
        }

        /** The documents of all segments that have the term, deleted ones too, as {@code IndexReader#docFreq}. */
        int docFreq(String term) {
            BytesRef bytes = new BytesRef(term);
            int docFreq = 0;
            try {
                for (int i = 0; i < enums.length; i++) {
                    if (enums[i] == null) {
                        Terms terms = leaves.get(i).reader().terms(field);
                        enums[i] = terms == null ? TermsEnum.EMPTY : terms.iterator();
                    }
                    if (enums[i].seekExact(bytes)) {
                        docFreq += enums[i].docFreq();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return docFreq;
        }
    }
}
