package dev.citeqa.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The index's own analysis chain applied to questions and sentences, so that the answerer matches words
 * exactly as BM25 did ("talks" and "talk", "Erdoğan" and "Erdogan").
 */
public final class Terms {

    private static final NewsAnalyzer TEXT = NewsAnalyzer.forText();
    private static final NewsAnalyzer QUESTION = NewsAnalyzer.forQuestions();

    /**
     * {@code analysis/question-forms.txt}: phrases whose words a question's terms leave out. One word boundary before
     * them all, as each phrase has one: Java tries each alternative at each place, and five in six places are inside a
     * word, where one failed check now spares the thirty-odd phrases (the pattern cost a question about 27 µs).
     */
    private static final Pattern QUESTION_FORMS = Pattern.compile("\\b(?:" + WordLists.load("question-forms").stream()
            .map(phrase -> Pattern.quote(phrase).replace(" ", "\\E\\s+\\Q"))
            .collect(Collectors.joining("|")) + ")\\b", Pattern.CASE_INSENSITIVE);

    /** {@code analysis/news-synonyms.txt}: each stem to the stems of the words news writes in its place. */
    private static final Map<String, Set<String>> SYNONYMS = synonyms();

    private Terms() {}

    /** The question's terms, without the words of its question forms ("this week", "the name of"). */
    public static List<NewsAnalyzer.Token> ofQuestion(String text) {
        List<NewsAnalyzer.Token> kept = new ArrayList<>(QUESTION.tokens(text));
        Matcher form = QUESTION_FORMS.matcher(text);
        while (form.find()) {
            int start = form.start();
            int end = form.end();
            // By its start: "week's" is one token, and its possessive is no part of the phrase.
            kept.removeIf(t -> t.start() >= start && t.start() < end);
        }
        return kept;
    }

    public static List<NewsAnalyzer.Token> ofSentence(String text) {
        return TEXT.tokens(text);
    }

    public static Set<String> ofText(String text) {
        return new LinkedHashSet<>(TEXT.terms(text));
    }

    /**
     * Another form of the word, or a word news writes in its place ({@link #SYNONYMS}): "ministri" and "minist",
     * "speak" and "spokesman".
     */
    public static boolean related(String a, String b) {
        return relatedForm(a, b) || SYNONYMS.getOrDefault(a, Set.of()).contains(b);
    }

    /** "ministri" and "minist": stems sharing a long prefix are usually forms of one word. */
    public static boolean relatedForm(String a, String b) {
        int shared = 0;
        while (shared < Math.min(a.length(), b.length()) && a.charAt(shared) == b.charAt(shared)) {
            shared++;
        }
        return shared >= 5 && shared >= 0.75 * Math.min(a.length(), b.length());
    }

    private static Map<String, Set<String>> synonyms() {
        Map<String, Set<String>> synonyms = new HashMap<>();
        for (String group : WordLists.load("news-synonyms")) {
            Set<String> stems = new LinkedHashSet<>();
            for (String word : group.split("\\s+")) {
                stems.addAll(TEXT.terms(word));
            }
            for (String stem : stems) {
                synonyms.computeIfAbsent(stem, k -> new HashSet<>()).addAll(stems);
            }
        }
        synonyms.replaceAll((stem, others) -> Set.copyOf(others));
        return Map.copyOf(synonyms);
    }
}
