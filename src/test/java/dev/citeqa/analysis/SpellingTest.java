package dev.citeqa.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.citeqa.analysis.Spelling.Correction;
import dev.citeqa.analysis.Spelling.Corrected;
import dev.citeqa.analysis.Spelling.Settings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which words of a question are read as others, and how the question then reads. */
class SpellingTest {

    private static final Settings ON = new Settings(true, 5, 2, 3);

    /**
     * A folder about Delaware's new alcohol law: the words below are its own, each in enough articles, and the
     * nearest-word look-up answers as the index would for the misspellings these tests make.
     */
    private static final TermStats FOLDER = new TermStats() {
        private final Set<String> words = Set.of("what", "time", "can", "delaware", "restaurants", "start",
                "serving", "alcohol", "under", "new", "law", "turkey", "foreign", "minister", "governor", "nato",
                "2024");
        private final Map<String, String> nearest = Map.of("delawere", "delaware", "resturants", "restaurants",
                "alchohol", "alcohol", "foriegn", "foreign", "contest", "content", "natoo", "nato");

        @Override
        public int docFreq(String term) {
            return known(term) ? 3 : 0;
        }

        @Override
        public int passages() {
            return 100;
        }

        @Override
        public boolean known(String term) {
            return words.stream().anyMatch(word -> Terms.ofText(word).contains(term));
        }

        @Override
        public String nearestWord(String word, int minArticles) {
            return nearest.get(word);
        }
    };

    @Test
    void misspelledWordsAreReadAsTheFoldersOwn() {
        Corrected read = Spelling.correct("Delawere resturants: what time can they start serving alchohol?", FOLDER,
                ON);
        assertEquals("Delaware restaurants: what time can they start serving alcohol?", read.text());
        assertEquals(List.of(new Correction("Delawere", "Delaware"), new Correction("resturants", "restaurants"),
                new Correction("alchohol", "alcohol")), read.corrections());
        assertNull(read.suggested(), "every word was read as the folder spells it");
    }

    @Test
    void aNameInsideTheQuestionIsOfferedNotRewritten() {
        // "Delawere" may be a name the folder lacks, one letter from one it has: the question is read as written,
        // and the folder's spelling offered.
        Corrected read = Spelling.correct("What time can Delawere resturants start serving alcohol?", FOLDER, ON);
        assertEquals("What time can Delawere restaurants start serving alcohol?", read.text());
        assertEquals(List.of(new Correction("resturants", "restaurants")), read.corrections());
        assertEquals("What time can Delaware restaurants start serving alcohol?", read.suggested());
    }

    @Test
    void aWordSpelledRightIsLeftAlone() {
        // In no article, but English: "contest" is not a misspelled "content".
        assertEquals(Corrected.none("Who won the mayoral contest?"),
                Spelling.correct("Who won the mayoral contest?", FOLDER, ON));
        // Known from its stem: "Turkeys" is the folder's "turkey" inflected.
        assertEquals(List.of(new Correction("foriegn", "foreign")),
                Spelling.correct("Who is Turkeys foriegn minister?", FOLDER, ON).corrections());
        // A contraction the folder never writes is no misspelling of "could".
        assertEquals(Corrected.none("Why couldn't the governor act?"),
                Spelling.correct("Why couldn't the governor act?", FOLDER, ON));
    }

    @Test
    void shortWordsAcronymsAndFiguresAreLeftAlone() {
        Settings longer = new Settings(true, 9, 2, 3);
        assertEquals(List.of(new Correction("resturants", "restaurants")),
                Spelling.correct("delawere resturants", FOLDER, longer).corrections(), "under nine letters");
        assertEquals(List.of(), Spelling.correct("What did NATOO say?", FOLDER, ON).corrections(), "all capitals");
        assertEquals(List.of(), Spelling.correct("What did natoo2 say?", FOLDER, ON).corrections(), "a figure");
    }

    @Test
    void aPossessiveStaysAndCaseFollowsTheQuestion() {
        assertEquals("Delaware's governor: can delaware bars serve alcohol?",
                Spelling.correct("Delawere's governor: can delawere bars serve alchohol?", FOLDER, ON).text());
        assertEquals("Who is Delaware\u2019s governor?",
                Spelling.correct("Who is Delawere\u2019s governor?", FOLDER, ON).suggested());
    }

    @Test
    void aWordWithNothingNearIsLeftAsWritten() {
        // No word of the folder is one edit from it: a name the folder lacks, which the answerer then says so of.
        assertEquals(Corrected.none("Which Botswanan president spoke?"),
                Spelling.correct("Which Botswanan president spoke?", FOLDER, ON));
    }

    @Test
    void manyUnknownWordsAreAnotherLanguageNotTypos() {
        String question = "resturants alchohol foriegn delawere";
        assertEquals(4, Spelling.correct(question, FOLDER, new Settings(true, 5, 2, 4)).corrections().size());
        assertEquals(Corrected.none(question), Spelling.correct(question, FOLDER, ON), "more than three to look up");
    }

    @Test
    void turnedOffNothingIsCorrected() {
        assertEquals(Corrected.none("Delawere resturants"), Spelling.correct("Delawere resturants", FOLDER,
                Settings.OFF));
    }
}
