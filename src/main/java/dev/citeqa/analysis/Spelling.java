package dev.citeqa.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * A question's misspelled words, put right from the corpus's own words ("resturants" to "restaurants"), so that a
 * typo does not lose the story. Search engines correct a query from their index the same way; here the correction is
 * made before anything reads the question, and the response says what was read instead.
 *
 * <p>A word is corrected only when nothing else explains it: it is English letters ({@link Settings#minLetters()} or
 * more, not all capitals, which an acronym is), no passage or title has its term, it is not an English word
 * ({@code analysis/english-words.txt}: "gross" is spelled right in a folder that never says it), and one word of the
 * folder, in {@link Settings#minArticles()} articles or more, is one edit away (a letter added, dropped, changed or
 * two swapped, as most typing errors are, Damerau 1964). A name inside the question (a capitalised word that does not
 * open it) is not rewritten, as a name the folder lacks may be one letter from another ("Milei", "Miles"): the
 * answerer then says that no article names it, and the question with the folder's spelling is offered instead ("Did
 * you mean …?"). A question with more than {@link Settings#maxWords()} such words is taken as written: it is in
 * another language, or not words at all, and each look-up costs about a millisecond.
 */
public final class Spelling {

    /**
     * @param enabled whether questions are corrected at all
     * @param minLetters shorter words are left alone: one edit turns most short words into others
     * @param minArticles how many articles must have the word a correction reads, so that one article's own typo
     *     is not offered as the right spelling
     * @param maxWords more words than this that need a look-up, and the question is taken as written
     */
    public record Settings(boolean enabled, int minLetters, int minArticles, int maxWords) {
        public static final Settings OFF = new Settings(false, Integer.MAX_VALUE, Integer.MAX_VALUE, 0);
    }

    /** One word read as another: {@code from} as the question wrote it, {@code to} as it was read. */
    public record Correction(String from, String to) {}

    /**
     * The question as read, the words it reads differently from the question as asked (none, mostly), and the
     * question with the folder's spelling of its names too, when a name was left as written (else null).
     */
    public record Corrected(String text, List<Correction> corrections, String suggested) {

        public Corrected {
            corrections = List.copyOf(corrections);
        }

        public static Corrected none(String text) {
            return new Corrected(text, List.of(), null);
        }
    }

    /**
     * A word of the question that no article has and that is no English word: a typo, or a name; {@code folded} is
     * the word as the index holds words.
     */
    private record Unknown(NewsAnalyzer.Token token, String word, String folded) {

        /** A capitalised word inside the question, which may be a name the folder lacks. */
        boolean name() {
            return !token.opening() && Character.isUpperCase(word.codePointAt(0));
        }
    }

    private static final NewsAnalyzer TERMS = NewsAnalyzer.forText();
    private static final Analyzer WORD_ANALYZER = wordAnalyzer();

    private Spelling() {}

    /**
     * How the words of articles are indexed for correction (the index's {@code ARTICLE_WORDS}) and how a question's
     * word is looked up there: lower case, accents and possessives removed, never stemmed, as a correction must
     * be a word to put in the question.
     */
    public static Analyzer wordAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream words = new ASCIIFoldingFilter(new LowerCaseFilter(new EnglishPossessiveFilter(source)));
                return new TokenStreamComponents(source, words);
            }
        };
    }

    /** {@code question} with its misspelled words corrected from {@code corpus}'s words. */
    public static Corrected correct(String question, TermStats corpus, Settings settings) {
        if (!settings.enabled()) {
            return Corrected.none(question);
        }
        List<Unknown> unknown = new ArrayList<>();
        for (NewsAnalyzer.Token token : TERMS.tokens(question)) {
            String word = withoutPossessive(token.surface());
            if (candidate(word, settings) && !corpus.known(token.term())) {
                String folded = folded(word);
                if (isEnglishLetters(folded) && !EnglishWords.contains(folded)) {
                    unknown.add(new Unknown(token, word, folded));
                }
            }
        }
        if (unknown.isEmpty() || unknown.size() > settings.maxWords()) {
            return Corrected.none(question);
        }
        StringBuilder text = new StringBuilder(question);
        StringBuilder suggested = new StringBuilder(question);
        List<Correction> corrections = new ArrayList<>();
        boolean named = false;
        // From the end, so that a replacement of another length leaves the earlier offsets right.
        for (Unknown u : unknown.reversed()) {
            String nearest = corpus.nearestWord(u.folded(), settings.minArticles());
            if (nearest == null || !isEnglishLetters(nearest)) {
                continue;
            }
            String read = inCaseOf(u.word(), nearest);
            int start = u.token().start();
            suggested.replace(start, start + u.word().length(), read);
            if (u.name()) {
                named = true;
            } else {
                text.replace(start, start + u.word().length(), read);
                corrections.add(0, new Correction(u.word(), read));
            }
        }
        return new Corrected(text.toString(), corrections, named ? suggested.toString() : null);
    }

    /** "Delawere's" is the word "Delawere"; the tokenizer keeps the possessive in the token's stretch. */
    private static String withoutPossessive(String surface) {
        for (String possessive : new String[] {"'s", "\u2019s", "'", "\u2019"}) {
            if (surface.endsWith(possessive)) {
                return surface.substring(0, surface.length() - possessive.length());
            }
        }
        return surface; // "couldn't", with its apostrophe inside, is no candidate
    }

    private static boolean candidate(String word, Settings settings) {
        if (word.codePointCount(0, word.length()) < settings.minLetters()
                || !word.chars().allMatch(Character::isLetter)) {
            return false;
        }
        return !word.equals(word.toUpperCase(Locale.ROOT));
    }

    private static boolean isEnglishLetters(String word) {
        return !word.isEmpty() && word.chars().allMatch(c -> c >= 'a' && c <= 'z');
    }

    /** The word as the index holds words: "Erdoğan" as "erdogan". */
    static String folded(String word) {
        try (TokenStream stream = WORD_ANALYZER.tokenStream("", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            String first = stream.incrementToken() ? term.toString() : "";
            stream.end();
            return first;
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
    }

    /** A capitalised word's correction is capitalised; the indexed words are all lower case. */
    private static String inCaseOf(String word, String nearest) {
        return Character.isUpperCase(word.codePointAt(0))
                ? nearest.substring(0, 1).toUpperCase(Locale.ROOT) + nearest.substring(1) : nearest;
    }
}
