package dev.citeqa.analysis;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The index's own analysis chain applied to questions and sentences, so that the answerer matches words
 * exactly as BM25 did ("talks" and "talk", "Erdoğan" and "Erdogan").
 */
public final class Terms {

    private static final NewsAnalyzer TEXT = NewsAnalyzer.forText();
    private static final NewsAnalyzer QUESTION = NewsAnalyzer.forQuestions();

    private Terms() {}

    public static List<NewsAnalyzer.Token> ofQuestion(String text) {
        return QUESTION.tokens(text);
    }

    public static List<NewsAnalyzer.Token> ofSentence(String text) {
        return TEXT.tokens(text);
    }

    public static Set<String> ofText(String text) {
        return new LinkedHashSet<>(TEXT.terms(text));
    }
}
