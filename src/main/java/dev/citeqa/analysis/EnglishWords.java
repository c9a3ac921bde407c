package dev.citeqa.analysis;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * English words of five letters or more ({@code analysis/english-words.txt}, with the British spellings of
 * {@code analysis/british-spellings.txt}): a word here is spelled right wherever it stands. Loaded on the first
 * look-up, as most services never make one.
 */
public final class EnglishWords {

    private EnglishWords() {}

    /** Whether {@code word}, in lower case and without accents, is an English word of five letters or more. */
    public static boolean contains(String word) {
        return Words.ALL.contains(word);
    }

    private static final class Words {
        static final Set<String> ALL = load();

        private static Set<String> load() {
            Set<String> words = new HashSet<>(WordLists.load("english-words"));
            // A British spelling is spelled right too, though the list is American.
            WordLists.pairs("british-spellings").keySet()
                    .forEach(british -> words.add(british.toLowerCase(Locale.ROOT)));
            return Set.copyOf(words);
        }
    }
}
