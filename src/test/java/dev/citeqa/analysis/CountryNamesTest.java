package dev.citeqa.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountryNamesTest {

    private static boolean names(String question, String text) {
        return names(question, text, CountryNames::otherForms);
    }

    private static boolean namesAsCapital(String question, String text) {
        return names(question, text, CountryNames::capitalForms);
    }

    /** Whether one of the forms of the question's first term is in the text. */
    private static boolean names(String question, String text, Function<String, List<CountryNames.Form>> forms) {
        String term = Terms.ofQuestion(question).getFirst().term();
        Set<String> terms = Terms.ofText(text);
        List<String> words = List.of(text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+"));
        return forms.apply(term).stream().anyMatch(form -> form.in(terms, words));
    }

    @Test
    void eachFormOfALineNamesTheOthers() {
        assertTrue(names("America", "banned in the U.S. on Tuesday"));
        assertTrue(names("America", "the United States and its allies"));
        assertTrue(names("US", "across America"));
        assertTrue(names("U.S.", "the United States"));
        assertTrue(names("Britain", "the UK government"));
        assertTrue(names("UK", "Great Britain"));
        assertTrue(names("EU", "the European Union"));
    }

    @Test
    void wordsOfAFormOutOfOrderOrAnotherCountryDoNotName() {
        assertFalse(names("America", "the states of the united front"));
        assertFalse(names("America", "in France"));
        assertFalse(names("Britain", "the United States"));
    }

    @Test
    void aTermThatNamesNoCountryHasNoOtherForms() {
        assertEquals(List.of(), CountryNames.otherForms("appl"));
        assertEquals(List.of(), CountryNames.otherForms("usa"));
    }

    @Test
    void theUsHasTwoOtherForms() {
        assertEquals(List.of(new CountryNames.Form("america", List.of("america")),
                new CountryNames.Form(null, List.of("united", "states"))),
                CountryNames.otherForms("us"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Kyiv      | the Ukraine delegation",
        "Kiev      | talks with Ukraine",
        "Ukraine   | officials in Kyiv said",
        "London    | the UK government",
        "London    | Great Britain",
        "Britain   | talks in London",
        "Seoul     | South Korea's president",
        "Brussels  | the European Union",
    })
    void aCapitalStandsForItsCountryAndTheCountryForItsCapital(String question, String text) {
        assertTrue(namesAsCapital(question, text));
    }

    @Test
    void aCapitalIsNoFormOfItsCountryNorOfAnother() {
        // An adjective says no more of the capital than of the country (coverage does not count it).
        assertFalse(namesAsCapital("Moscow", "Russian officials"));
        assertFalse(namesAsCapital("Moscow", "Ukraine's officials"));
        assertFalse(namesAsCapital("Seoul", "North Korea's missiles"));
        // The capital is not among the country's other forms, which would make "Kyiv" the question's own country.
        assertEquals(List.of(), CountryNames.otherForms("kyiv"));
        assertFalse(CountryNames.otherForms("ukrain").stream().anyMatch(form -> "kyiv".equals(form.term())));
        // Ambiguous names are left out: Washington is a state and a surname as often.
        assertEquals(List.of(), CountryNames.capitalForms("washington"));
    }

    @Test
    void anAdjectiveOfTheQuestionIsNamedByItsCountry() {
        assertTrue(names("American president", "U.S. President Donald Trump", CountryNames::countryOfAdjective));
        assertTrue(names("American jobs", "jobs in the United States", CountryNames::countryOfAdjective));
        assertTrue(names("British minister", "a UK minister", CountryNames::countryOfAdjective));
        assertFalse(names("British minister", "a minister of France", CountryNames::countryOfAdjective));
        // Not for a country news names in one form, mostly written as its adjective is.
        assertEquals(List.of(), CountryNames.countryOfAdjective("japanes"));
        // Only that way round: a country the question names is not named by a story's adjective of it.
        assertEquals(List.of(), CountryNames.countryOfAdjective("russia"));
        assertEquals(List.of(), CountryNames.countryOfAdjective("us"));
        assertFalse(CountryNames.otherForms("us").stream().anyMatch(form -> form.words().equals(List.of("american"))));
    }
}
