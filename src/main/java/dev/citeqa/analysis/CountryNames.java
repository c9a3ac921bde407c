package dev.citeqa.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The forms a country's (or a union's) name takes in news, {@code analysis/country-names.txt}: "the U.S.",
 * "America", "the United States"; American and British copy, and the people who ask about it, use different ones.
 * And its adjective, {@code analysis/country-adjectives.txt}: "Russia's foreign minister" is the "Russian Foreign
 * Minister".
 */
public final class CountryNames {

    /**
     * Countries whose name is as often something else's in news, so that their adjective is no form of it: Georgia (an
     * American state), Jordan (a surname: "Rep. Jim Jordan"). Read before the forms are built.
     */
    private static final Set<String> NOT_FORMS = Set.of("georgia", "jordan");

    /** By the analysed term of a one-word form, the other forms of its line. */
    private static final Map<String, List<Form>> OTHER_FORMS = load(false);
    /** As {@link #OTHER_FORMS}, with each country's adjectives among its forms. */
    private static final Map<String, List<Form>> WITH_ADJECTIVES = load(true);
    /** By a capital's term, its country's forms; by the term of a country's one-word form, its capital. */
    private static final Map<String, List<Form>> CAPITALS = loadCapitals();
    /** By an adjective's term, the forms of its country of {@code country-names.txt}: "us", "america" … for "american". */
    private static final Map<String, List<Form>> COUNTRIES_OF_ADJECTIVES = loadCountriesOfAdjectives();

    private CountryNames() {}

    /**
     * A form of a name. A one-word form is matched by its analysed {@code term}, as BM25 matches it ("U.S." and "US"
     * are the term "us"); a form of several words, or a country's adjective (whose term is null), by its plain words,
     * in order.
     */
    public record Form(String term, List<String> words) {

        /** Whether a text of these analysed terms and plain words (in order) names it in this form. */
        public boolean in(Set<String> textTerms, List<String> plainWords) {
            return term != null ? textTerms.contains(term) : Collections.indexOfSubList(plainWords, words) >= 0;
        }

        /** The form's analysed terms: {"united", "state"} for "united states". */
        public Set<String> terms() {
            return term != null ? Set.of(term) : Terms.ofText(String.join(" ", words));
        }
    }

    /** The other forms of the name a question's term is, or none when the term is no such name. */
    public static List<Form> otherForms(String term) {
        return OTHER_FORMS.getOrDefault(term, List.of());
    }

    /**
     * {@link #otherForms}, and the country's adjectives, or the country an adjective is of: "russian" for "russia",
     * "france" for "french". An adjective says the country as surely as the name where a title or a mention is asked
     * for ("Russian Foreign Minister" for "Russia's foreign minister"), but not that a story is about it ("Japan's
     * Himawari-8 satellite" in a story of Tonga's eruption), so coverage does not count it.
     */
    public static List<Form> formsWithAdjectives(String term) {
        return WITH_ADJECTIVES.getOrDefault(term, List.of());
    }

    /**
     * The capital a country's name stands for, or the country a capital's does, in {@code analysis/capital-cities.txt}:
     * "ukraine" for "kyiv", and "kyiv" and "kiev" for "ukraine". Not among {@link #otherForms}, which also say that a
     * phrase is the question's own country and so no answer to it: asked "Which city in Ukraine was struck?", "Kyiv"
     * may be the answer.
     */
    public static List<Form> capitalForms(String term) {
        return CAPITALS.getOrDefault(term, List.of());
    }

    /**
     * The forms of the country an adjective is of, for the countries of {@code analysis/country-names.txt}, which news
     * names in forms that share nothing with the adjective: a question's "American president" is the "U.S. President"
     * of a story, its "British minister" the "UK minister". Only that way round: a story's adjective does not say that
     * it is about the country a question names ({@link #formsWithAdjectives}). Nor for other countries, whose name
     * and adjective news mostly writes alike ("Russia", "Russian"): there a country named in passing ("Japan" in a
     * timeline) would stand for the question's "Japanese island", which the story is not about.
     */
    public static List<Form> countryOfAdjective(String term) {
        return COUNTRIES_OF_ADJECTIVES.getOrDefault(term, List.of());
    }

    private static Map<String, List<Form>> loadCountriesOfAdjectives() {
        Map<String, List<Form>> byTerm = new HashMap<>();
        WordLists.pairs("country-adjectives").forEach((adjective, country) -> {
            Set<String> terms = Terms.ofText(adjective);
            Set<String> countryTerms = Terms.ofText(country);
            if (terms.size() != 1 || countryTerms.size() != 1) {
                return;
            }
            String countryTerm = countryTerms.iterator().next();
            if (OTHER_FORMS.containsKey(countryTerm) && !terms.contains(countryTerm)) {
                List<Form> forms = new ArrayList<>(List.of(formOf(List.of(country))));
                forms.addAll(OTHER_FORMS.get(countryTerm));
                byTerm.put(terms.iterator().next(), List.copyOf(forms));
            }
        });
        return Collections.unmodifiableMap(byTerm);
    }

    private static Map<String, List<Form>> loadCapitals() {
        Map<String, List<Form>> byTerm = new HashMap<>();
        Set<List<List<String>>> lines = new LinkedHashSet<>(WordLists.groups("capital-cities").values());
        for (List<List<String>> line : lines) {
            if (line.size() != 2 || line.getFirst().size() != 1) {
                throw new IllegalStateException("analysis/capital-cities.txt: not \"capital | country\": " + line);
            }
            Form capital = formOf(line.getFirst());
            Form country = formOf(line.get(1));
            List<Form> countryForms = new ArrayList<>(List.of(country));
            if (country.term() != null) {
                countryForms.addAll(otherForms(country.term()));
            }
            byTerm.computeIfAbsent(capital.term(), t -> new ArrayList<>()).addAll(countryForms);
            for (Form form : countryForms) {
                if (form.term() != null) {
                    byTerm.computeIfAbsent(form.term(), t -> new ArrayList<>()).add(capital);
                }
            }
        }
        byTerm.replaceAll((term, forms) -> List.copyOf(forms));
        return Collections.unmodifiableMap(byTerm);
    }

    private static Map<String, List<Form>> load(boolean adjectives) {
        // Each line of country-names.txt, with the adjectives of country-adjectives.txt joined to the line of their
        // country ("russian" to "russia", "british" to "uk | britain | …"), or making one of their own.
        Map<List<String>, List<List<String>>> lines = new LinkedHashMap<>(WordLists.groups("country-names"));
        // The adjectives, and the countries that only they bring, are matched as words, not stems: "France" and
        // "French" stem to "franc" and "french", and "francs" and "Frances" to "franc" too.
        Set<List<String>> asWords = new HashSet<>();
        WordLists.pairs("country-adjectives").forEach((adjective, country) -> {
            if (!adjectives || NOT_FORMS.contains(country) || adjective.equals(country)) {
                return;
            }
            List<List<String>> line = new ArrayList<>(lines.getOrDefault(List.of(country), List.of()));
            for (List<String> form : List.of(List.of(country), List.of(adjective))) {
                if (!line.contains(form)) {
                    line.add(form);
                    asWords.add(form);
                }
            }
            line.forEach(form -> lines.put(form, List.copyOf(line)));
        });
        Map<String, List<Form>> byTerm = new HashMap<>();
        lines.forEach((words, line) -> {
            if (words.size() == 1) {
                byTerm.putIfAbsent(formOf(words).term(), line.stream().filter(other -> !other.equals(words))
                        .map(other -> asWords.contains(other) ? new Form(null, other) : formOf(other)).toList());
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
