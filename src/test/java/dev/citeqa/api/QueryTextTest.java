package dev.citeqa.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryTextTest {

    /** Spaces of every width, and characters that show nothing: a question of only these is blank. */
    @ParameterizedTest
    @ValueSource(strings = {"\u00A0\u00A0", "\u2007", "\u202F", "\u3000", "\u2003", "\u200B", "\u2060", "\u00AD",
            "\u034F", "\uFE0F", "\u3164", "\u115F", "\u2800", "\u200D", "\u00A0\u3164\u2800\n\t"})
    void invisibleTextIsBlank(String question) {
        assertEquals("", QueryText.clean(question, "question"));
    }

    @Test
    void spacesBecomeOneFormatCharactersGoAndFillersInsideTextStay() {
        // Fillers stay where there is text, as the articles' own text keeps them: a quoted phrase still matches.
        assertEquals("Who is Mark Rutte\u034F\uFE0F?", QueryText.clean("Who\u00A0is Mark\u202FRut\u200Bte\u034F\uFE0F?",
                "q"));
        assertEquals("Rutte", QueryText.clean("Rut\u200Dte", "q"));
    }

    @Test
    void aRunOfCombiningMarksStopsAtThirty() {
        String thirty = "\u0301".repeat(30);
        assertEquals("e" + thirty + " and a\u0301\u0308", QueryText.clean("e" + "\u0301".repeat(7_999)
                + " and a\u0301\u0308", "question"));
        assertEquals("e" + thirty, QueryText.clean("e" + thirty, "question"));
    }

    /** Each of these is one character to a reader, though two to four UTF-16 units. */
    @ParameterizedTest
    @ValueSource(strings = {"\uD83C\uDDEB\uD83C\uDDF7", "\uD83D\uDC4D\uD83C\uDFFD", "e\u0301",
            "\u2764\uFE0F", "\uD83D\uDE00"})
    void aCharacterIsWhatAReaderCounts(String character) {
        assertFalse(QueryText.longerThan(character.repeat(10), 10));
        assertTrue(QueryText.longerThan(character.repeat(11), 10));
        assertTrue(QueryText.longerThan(character.repeat(10) + "a", 10));
    }

    @Test
    void aCharacterCountsAsFourCodePointsAtMost() {
        // One grapheme cluster to BreakIterator, but not one character's worth of text to search or to a model.
        assertTrue(QueryText.longerThan("a" + "\u0301".repeat(10_000), 2000));
        assertFalse(QueryText.longerThan(("e" + "\u0301".repeat(3)).repeat(500), 500));
    }
}
