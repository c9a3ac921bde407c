package dev.citeqa.answer.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.analysis.EntityTagger.Entity;
import dev.citeqa.analysis.EntityTagger.Kind;
import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.analysis.Terms;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuestionCountriesTest {

    @Test
    void aTextNamesCountriesByNameOrAdjectiveOrOnesTheListDoesNotKnow() {
        assertEquals(Set.of("turkey"), QuestionCountries.named("Who is Turkey's foreign minister?"));
        assertEquals(Set.of("turkey", "russia", "netherlands"),
                QuestionCountries.named("Türkiye's envoy met Russian officials in the Netherlands'."));
        // A country the list does not hold: nothing can be said.
        assertNull(QuestionCountries.named("Who is the UK's ambassador to Russia?"));
        assertNull(QuestionCountries.named("Who is the United States ambassador to Russia?"));
    }

    @Test
    void aNameThatRestatesTheQuestionsWordsForAnotherCountryIsToldApart() {
        QuestionCountries turkey = countries("Who is Turkey's foreign minister?");
        assertTrue(turkey.restatedForAnother(person("Russian Foreign Minister Sergey Lavrov"), 2));
        assertFalse(turkey.restatedForAnother(person("Turkish Foreign Minister Hakan Fidan"), 2));
        // Only the words before a person's name count, and a name that shares nothing restates nothing.
        assertFalse(turkey.restatedForAnother(person("Rep. Jim Jordan"), 1));
        assertFalse(turkey.restatedForAnother(person("Russian Foreign Minister Sergey Lavrov"), 0));
        // Only a person or an organisation restates the question: a place is no one's office.
        assertFalse(turkey.restatedForAnother(new Entity(Kind.PLACE, "Russia", 0, 6), 1));
        // Of a country the list does not know, nothing is said.
        assertFalse(countries("Who is the UK's ambassador to Russia?")
                .restatedForAnother(person("Russian Ambassador Andrei Kelin"), 1));
    }

    @Test
    void theQuestionsCountryInAnotherFormIsTheQuestionsOwn() {
        QuestionCountries us = countries("Which state did the US sue?");
        assertTrue(us.isQuestionsCountry(new Entity(Kind.PLACE, "the United States", 0, 17), Terms::ofText));
        assertFalse(us.isQuestionsCountry(new Entity(Kind.ORGANIZATION, "United", 0, 6), Terms::ofText));
        assertFalse(us.isQuestionsCountry(new Entity(Kind.ORGANIZATION, "the United States Postal Service", 0, 32),
                Terms::ofText));
        // Beside the country's own words, only the question's: "the United States government" restates the question.
        assertTrue(countries("Which state did the US government sue?").isQuestionsCountry(
                new Entity(Kind.ORGANIZATION, "the United States government", 0, 28), Terms::ofText));
        assertFalse(us.isQuestionsCountry(new Entity(Kind.ORGANIZATION, "the United States government", 0, 28),
                Terms::ofText));
        assertFalse(countries("Which state was sued?")
                .isQuestionsCountry(new Entity(Kind.PLACE, "the United States", 0, 17), Terms::ofText));
    }

    @Test
    void aPhraseNamesTheQuestionsCountryByItsAdjectiveAsAWord() {
        assertEquals(1, shared("Who is Russia's foreign minister?", "Russian Foreign Minister Sergey Lavrov"));
        assertEquals(1, shared("Who is the French foreign minister?", "France's Foreign Minister"));
        assertEquals(1, shared("Who heads Türkiye's delegation?", "Turkish Foreign Minister Hakan Fidan"));
        // The question's own word is counted as it is, not again in another form.
        assertEquals(0, shared("Who is the Russian foreign minister?", "Russian Foreign Minister Sergey Lavrov"));
        // Words, not stems: "France" stems as "francs" and "Frances" do. A name's other forms are stems ("U.S.").
        assertEquals(0, shared("Who is the French foreign minister?", "Swiss francs"));
        assertEquals(0, shared("Who is the French foreign minister?", "Frances Haugen"));
        assertEquals(1, shared("Who is America's top diplomat?", "U.S. Secretary of State Marco Rubio"));
        // Georgia is an American state as often, and Jordan a surname: their adjectives are no forms of them.
        assertEquals(0, shared("Who is Georgia's governor?", "Georgian President Salome Zourabichvili"));
    }

    private static long shared(String question, String phrase) {
        return countries(question).sharedInOtherForm(Terms.ofText(phrase), phrase);
    }

    private static QuestionCountries countries(String question) {
        Set<String> terms = new HashSet<>();
        QuestionAnalysis.of(question).terms().forEach(t -> terms.add(t.term()));
        return new QuestionCountries(question, terms);
    }

    private static Entity person(String text) {
        return new Entity(Kind.PERSON, text, 0, text.length());
    }
}
