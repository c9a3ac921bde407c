package dev.citeqa.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CountryNamesTest {

    private static boolean names(String question, String text) {
        String term = Terms.ofQuestion(question).getFirst().term();
        Set<String> terms = Terms.ofText(text);
        List<String> words = List.of(text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+"));
        return CountryNames.otherForms(term).stream().anyMatch(form -> form.in(terms, words));
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
}
