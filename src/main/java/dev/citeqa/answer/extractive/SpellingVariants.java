package dev.citeqa.answer.extractive;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.citeqa.analysis.Anchors;
import dev.citeqa.analysis.CountryNames;
import dev.citeqa.analysis.EntityTagger;
import dev.citeqa.analysis.QuestionAnalysis.QuestionTerm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.util.automaton.CharacterRunAutomaton;
import org.apache.lucene.util.automaton.LevenshteinAutomata;

/**
 * A question word written another way in a text: a spelling variant of a name ("Medinski" for "Medinsky",
 * "Erdogan" for "Erdoğan"), another form of a country's name ("the U.S." for "America"), a capital for its country
 * ("Ukraine" for "Kyiv", and the other way round), or a country for the question's adjective of it ("the U.S." for
 * "American"). One per question, keeping each word's automaton at hand; the automata are shared between questions.
 */
final class SpellingVariants {

    /** Building a Levenshtein automaton costs more than the rest of scoring; names recur across questions. */
    private static final Cache<String, Variants> VARIANTS = Caffeine.newBuilder().maximumSize(10_000).build();

    private final Map<String, Variants> variants = new HashMap<>();

    /** Whether a text of these analysed terms and plain words (in order) writes the term in another form. */
    boolean in(QuestionTerm t, Set<String> terms, List<String> words) {
        Variants v = variants.computeIfAbsent(t.surface(), surface -> VARIANTS.get(surface, Variants::of));
        if (v.automaton() != null) {
            for (String word : words) {
                if (v.spells(word)) {
                    return true;
                }
            }
        }
        return anyIn(CountryNames.otherForms(t.term()), terms, words)
                || anyIn(CountryNames.capitalForms(t.term()), terms, words)
                || anyIn(CountryNames.countryOfAdjective(t.term()), terms, words);
    }

    private static boolean anyIn(List<CountryNames.Form> forms, Set<String> terms, List<String> words) {
        for (CountryNames.Form form : forms) {
            if (form.in(terms, words)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The spellings a question word may take ("Erdoğan", "Erdogan", "Erdogans"), built once per question word:
     * a Levenshtein automaton of the plain word, and the prefix a variant must share, which rules most words
     * out before the automaton runs. No automaton for short words and figures, which only match exactly.
     */
    private record Variants(String target, int prefix, CharacterRunAutomaton automaton) {

        /**
         * Whether {@code word} is a spelling variant of the name: the same beginning, then within one or two edits,
         * depending on length ("Medinsky" and "Medinski", "Turkey" and "Türkiye"). The beginning must match because
         * names that differ there are different names ("Western" and "Eastern"). Only for a word with an automaton.
         */
        boolean spells(String word) {
            // The first letter alone rules out most words, and costs less than comparing the whole prefix.
            return word.length() >= prefix && word.charAt(0) == target.charAt(0)
                    && word.regionMatches(0, target, 0, prefix) && automaton.run(word);
        }

        static Variants of(String surface) {
            String target = EntityTagger.plain(surface);
            if (target.length() < 5 || Anchors.isFigure(target)) {
                return new Variants(target, 0, null);
            }
            int prefix = Math.min(Math.max(3, target.length() / 2), target.length());
            return new Variants(target, prefix, new CharacterRunAutomaton(
                    new LevenshteinAutomata(target, true).toAutomaton(target.length() >= 6 ? 2 : 1)));
        }
    }
}
