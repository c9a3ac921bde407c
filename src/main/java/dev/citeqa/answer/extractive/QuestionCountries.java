package dev.citeqa.answer.extractive;

import dev.citeqa.analysis.CountryNames;
import dev.citeqa.analysis.EntityTagger;
import dev.citeqa.analysis.EntityTagger.Entity;
import dev.citeqa.analysis.EntityTagger.Kind;
import dev.citeqa.analysis.KnownPlaces;
import dev.citeqa.analysis.NewsPatterns;
import dev.citeqa.analysis.WordLists;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The countries a question names, and what they say of a phrase in a retrieved sentence: a country the question
 * names in another form is no answer ("the United States" for "US"), nor is a name that restates the question for
 * another country ("Russian Foreign Minister …" for "Turkey's foreign minister"). One instance per question.
 */
final class QuestionCountries {

    /** Words that name a country, adjectives of nationality mostly, and the country: "russian russia". */
    private static final Map<String, String> COUNTRY_WORDS = WordLists.pairs("country-adjectives");
    private static final Set<String> COUNTRIES = Set.copyOf(COUNTRY_WORDS.values());
    private static final Pattern WORD = Pattern.compile(NewsPatterns.WORD);

    /** The countries the question names, by name or adjective ("turkey" for "Turkey's"); null when not known. */
    private final Set<String> asked;
    /** The other forms of the countries the question names, as terms: {"united", "state"} for its "US". */
    private final List<Set<String>> otherForms;
    /** The question's distinct terms. */
    private final Set<String> questionTerms;
    /** By each question term that names a country, its other forms of one word, adjectives too. */
    private final Map<String, List<CountryNames.Form>> oneWordForms;

    QuestionCountries(String questionText, Set<String> questionTerms) {
        this.asked = named(questionText);
        this.otherForms = questionTerms.stream().flatMap(t -> CountryNames.otherForms(t).stream())
                .map(CountryNames.Form::terms).toList();
        this.questionTerms = questionTerms;
        this.oneWordForms = questionTerms.stream().filter(t -> !CountryNames.formsWithAdjectives(t).isEmpty())
                .collect(Collectors.toMap(t -> t, t -> CountryNames.formsWithAdjectives(t).stream()
                        .filter(form -> form.words().size() == 1).toList()));
    }

    /**
     * The countries a text names by a word of {@code analysis/country-adjectives.txt}, or by the country's name;
     * null when it names a country that list does not know ("UK", "United States"), of which nothing can be said.
     */
    static Set<String> named(String text) {
        Set<String> countries = new HashSet<>();
        List<String> words = WORD.matcher(text).results()
                .map(m -> EntityTagger.plain(m.group())).toList();
        for (int i = 0; i < words.size(); i++) {
            String country = COUNTRY_WORDS.getOrDefault(words.get(i), COUNTRIES.contains(words.get(i)) ? words.get(i)
                    : null);
            if (country != null) {
                countries.add(country);
            } else if (KnownPlaces.isCountry(words.get(i))
                    || i + 1 < words.size() && KnownPlaces.isCountry(words.get(i) + " " + words.get(i + 1))) {
                return null;
            }
        }
        return countries;
    }

    /**
     * "Russian Foreign Minister Sergey Lavrov" for "Who is Turkey's foreign minister?": a name that restates
     * {@code shared} of the question's words (here the role) of another country than the one the question names
     * answers someone else's question. Only the words before a person's name count ("Rep. Jim Jordan" names no
     * country). Asked for a place, another country is what is asked for, and is left alone.
     */
    boolean restatedForAnother(Entity e, long shared) {
        if (asked == null || asked.isEmpty() || shared == 0
                || e.kind() != Kind.PERSON && e.kind() != Kind.ORGANIZATION) {
            return false;
        }
        String words = e.kind() == Kind.PERSON ? EntityTagger.titleOf(e.text()) : e.text();
        Set<String> countries = named(words);
        return countries != null && !countries.isEmpty() && Collections.disjoint(countries, asked);
    }

    /**
     * How many of the question's countries a phrase names in another form of one word, where it lacks the question's
     * own: 1 for "Russian Foreign Minister Sergey Lavrov" when asked "Who is Russia's foreign minister?". The phrase
     * shares those words with the question as surely as the ones it spells alike.
     *
     * @param phraseTerms the phrase's analysed terms
     * @param phrase the phrase's text
     */
    long sharedInOtherForm(Set<String> phraseTerms, String phrase) {
        if (oneWordForms.isEmpty()) {
            return 0;
        }
        List<String> words = AnalysedSentence.plainWords(phrase);
        return oneWordForms.entrySet().stream().filter(e -> !phraseTerms.contains(e.getKey())
                && e.getValue().stream().anyMatch(form -> form.in(phraseTerms, words))).count();
    }

    /**
     * "the United States" for a question that says "US": whether a phrase is a country the question names, in
     * another form ({@link CountryNames}), with nothing of its own beside the question's words. "United" alone, an
     * airline, is no form of it, nor is "the United States Postal Service".
     */
    boolean isQuestionsCountry(Entity e, Function<String, Set<String>> termsOf) {
        if (otherForms.isEmpty()) {
            return false;
        }
        Set<String> terms = termsOf.apply(e.text());
        return otherForms.stream().anyMatch(form -> terms.containsAll(form)
                && terms.stream().allMatch(t -> form.contains(t) || questionTerms.contains(t)));
    }
}
