package dev.citeqa.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The words of an article title as the article list's search matches them: lower case, accents folded, dots
 * dropped ("U.S." is "us"), and neither stemmed nor stop-worded. Someone looking for an article types the
 * start of a word of its title, so each word of a search matches a title word by prefix, which a stem
 * would get in the way of ("ukrain" is not a prefix of the stem "ukrainian").
 */
public final class TitleTerms {

    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
        }
    };

    private TitleTerms() {}

    /** The distinct words of {@code text}, in order. */
    public static List<String> of(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream(IndexConstants.ARTICLE_TITLE_TERMS, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String word = term.toString().replace(".", "");
                if (!word.isEmpty() && !terms.contains(word)) {
                    terms.add(word);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
        return terms;
    }
}
