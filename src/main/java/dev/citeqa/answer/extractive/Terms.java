package dev.citeqa.answer.extractive;

import dev.citeqa.index.NewsAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * The index's own analysis chain applied to questions and sentences, so that the answerer matches words
 * exactly as BM25 did ("talks" and "talk", "Erdoğan" and "Erdogan").
 */
final class Terms {

    /** An analysed term and the text it came from. */
    record Token(String term, String surface, int start, int end) {}

    private static final Analyzer TEXT = NewsAnalyzer.forText();
    private static final Analyzer QUESTION = NewsAnalyzer.forQuestions();

    private Terms() {}

    static List<Token> ofQuestion(String text) {
        return tokens(QUESTION, text);
    }

    static List<Token> ofSentence(String text) {
        return tokens(TEXT, text);
    }

    static Set<String> ofText(String text) {
        Set<String> terms = new LinkedHashSet<>();
        for (Token t : tokens(TEXT, text)) {
            terms.add(t.term());
        }
        return terms;
    }

    static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), text.substring(offset.startOffset(), offset.endOffset()),
                        offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing in memory cannot fail", e);
        }
        return tokens;
    }
}
