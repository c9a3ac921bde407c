package dev.citeqa.answer.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.analysis.EntityTagger.Entity;
import dev.citeqa.analysis.EntityTagger.Kind;
import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.collection.Sentence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionVerbTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Who beat 16-year-old darts prodigy Luke Littler to become the world champion?|beat",
        "Which Democratic congressperson called for new elections in Israel?|call",
        "Which island nation recently elected a new leader?|elect",
        "Who was named Director of the Year at the festival?|name",
        "Which MP has been appointed to lead the inquiry?|appoint",
        "Which actor is suing Disney over the firing?|su",
        // The wh-phrase is the object, or no verb in the past follows it.
        "Who did Emmanuel Macron appoint as prime minister?|",
        "Which country is the top exporter of goods to the US?|",
        "Where did the NATO ministers meet?|",
        "Who leads the Russian delegation?|",
        // A capitalised word, or one with a hyphen, is no verb.
        "Who is Ding Liren?|",
        "Which New York-based bank collapsed?|collaps",
    })
    void aQuestionWhoseWhPhraseIsItsSubjectNamesItsVerb(String question, String verb) {
        QuestionVerb found = QuestionVerb.of(QuestionAnalysis.of(question));
        assertEquals(verb, found == null ? null : found.term());
    }

    @Test
    void aNameBeforeTheVerbInTheQuestionsVoiceIsItsSubject() {
        QuestionVerb beat = QuestionVerb.of(QuestionAnalysis.of("Who beat Luke Littler in the final?"));
        assertTrue(beat.hasSubject(sentence("Luke Humphries beat Luke Littler 7-4."), name("Luke Humphries", 0)));
        // After the verb, a name is its object.
        assertFalse(beat.hasSubject(sentence("Luke Humphries beat Luke Littler 7-4."), name("Luke Littler", 20)));
        // Before a verb in the passive, a name is no subject of the active question; the agent after "by" is.
        QuestionVerb headed = QuestionVerb.of(QuestionAnalysis.of("Who headed the Russian team?"));
        String passive = "The Russian team was headed by presidential adviser Vladimir Medinsky.";
        assertFalse(headed.hasSubject(sentence(passive), name("Russian", 4)));
        assertTrue(headed.hasSubject(sentence(passive), name("Vladimir Medinsky", passive.indexOf("Vladimir"))));
        // Asked in the passive, the name before the passive verb is the one.
        QuestionVerb named = QuestionVerb.of(QuestionAnalysis.of("Who was named coach of the year?"));
        assertTrue(named.passive());
        assertTrue(named.hasSubject(sentence("Billy Donovan was named coach of the year."), name("Billy Donovan", 0)));
        assertFalse(named.hasSubject(sentence("Adam Silver named Billy Donovan coach of the year."),
                name("Adam Silver", 0)));
    }

    private static AnalysedSentence sentence(String text) {
        return AnalysedSentence.of(new Sentence(text, 0, text.length()));
    }

    private static Entity name(String text, int start) {
        return new Entity(Kind.PERSON, text, start, start + text.length());
    }
}
