package dev.citeqa.answer.extractive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.analysis.QuestionAnalysis.QuestionTerm;
import dev.citeqa.analysis.Terms;
import org.junit.jupiter.api.Test;

/** A question word written another way in a text: a name's spelling, a country's other name. */
class SpellingVariantsTest {

    private final SpellingVariants spellings = new SpellingVariants();

    /** The term of the question whose surface is {@code surface}. */
    private static QuestionTerm term(String question, String surface) {
        return QuestionAnalysis.of(question).terms().stream().filter(t -> t.surface().equals(surface)).findFirst()
                .orElseThrow();
    }

    private boolean in(QuestionTerm t, String text) {
        return spellings.in(t, Terms.ofText(text), AnalysedSentence.plainWords(text));
    }

    @Test
    void aNameWithinAnEditOrTwoOfTheSameBeginningIsTheName() {
        QuestionTerm medinsky = term("Who is Medinsky?", "Medinsky");
        assertTrue(in(medinsky, "Vladimir Medinski led the delegation."));
        assertTrue(in(term("What did Erdoğan say?", "Erdoğan"), "Erdogan spoke to reporters."));
        assertTrue(in(term("Where is Turkey?", "Turkey"), "Türkiye hosted the talks."));
        assertFalse(in(medinsky, "Peskov spoke for the Kremlin."));
        // Names that differ at the beginning are different names.
        assertFalse(in(term("Who won the Western Conference?", "Western"), "Eastern teams lost."));
    }

    @Test
    void aShortWordOrAFigureHasNoVariants() {
        // One edit and the same beginning, which a longer word's variant may have.
        assertFalse(in(term("Where is Gaza?", "Gaza"), "Gazan officials spoke."));
        assertFalse(in(term("Did 150,000 people march?", "150,000"), "About 150500 people marched."));
    }

    @Test
    void aCountryIsNamedInItsOtherForms() {
        assertTrue(in(term("Who leads America?", "America"), "The U.S. president spoke."));
        assertFalse(in(term("Who leads America?", "America"), "The French president spoke."));
    }

    @Test
    void aCapitalNamesItsCountryAndTheCountryItsCapital() {
        assertTrue(in(term("Who heads Kyiv's negotiating team?", "Kyiv's"), "Ukraine sent its defence minister."));
        assertTrue(in(term("Who leads Ukraine's team?", "Ukraine's"), "Kyiv sent its defence minister."));
        assertFalse(in(term("Who heads Kyiv's negotiating team?", "Kyiv's"), "Russia sent its defence minister."));
    }

    @Test
    void anAdjectiveOfTheQuestionIsNamedByItsCountry() {
        assertTrue(in(term("Who is the American president?", "American"), "U.S. President Donald Trump spoke."));
        assertTrue(in(term("Who is the British foreign secretary?", "British"), "The U.K. foreign secretary said."));
        assertFalse(in(term("Who is the British foreign secretary?", "British"), "The French foreign minister said."));
    }
}
