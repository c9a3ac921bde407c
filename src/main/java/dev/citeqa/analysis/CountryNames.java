package dev.citeqa.analysis;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The forms a country's (or a union's) name takes in news, {@code analysis/country-names.txt}: "the U.S.",
 * "America", "the United States". American and British copy, and the people who ask about it, use different ones.
 */
public final class CountryNames {

    /** By the analysed term of a one-word form, the other forms of its line. */
    private static final Map<String, List<Form>> OTHER_FORMS = load();

    private CountryNames() {}

    /**
     * A form of a name. A one-word form is matched by its analysed {@code term}, as BM25 matches it ("U.S." and "US"
     * are the term "us"); a form of several words (whose term is null) by its plain words, in order.
     */
    public record Form(String term, List<String> words) {

        /** Whether a text of these analysed terms and plain words (in order) names it in this form. */
        public boolean in(Set<String> textTerms, List<String> plainWords) {
            return term != null ? textTerms.contains(term) : Collections.indexOfSubList(plainWords, words) >= 0;
        }

        /** The form's analysed terms: {"unit", "state"} for "united states". */
        public Set<String> terms() {
            return term != null ? Set.of(term) : Terms.ofText(String.join(" ", words));
        }
    }

    /** The other forms of the name a question's term is, or none when the term is no such name. */
    public static List<Form> otherForms(String term) {
        return OTHER_FORMS.getOrDefault(term, List.of());
    }

    private static Map<String, List<Form>> load() {
        Map<String, List<Form>> byTerm = new HashMap<>();
        WordLists.groups("country-names").forEach((words, line) -> {
            if (words.size() == 1) {
                byTerm.putIfAbsent(formOf(words).term(), line.stream()
                        .filter(other -> !other.equals(words)).map(CountryNames::formOf).toList());
            }
        });
        return Collections.unmodifiableMap(byTerm);
    }

    private static Form formOf(List<String> words) {
        if (words.size() > 1) {
            return new Form(null, words);
        }
        Set<String> terms = Terms.ofText(words.getFirst());
        if (terms.size() != 1) {
            throw new IllegalStateException("analysis/country-names.txt: \"" + words.getFirst()
                    + "\" is not one term of the index: " + terms);
        }
        return new Form(terms.iterator().next(), words);
    }
}
