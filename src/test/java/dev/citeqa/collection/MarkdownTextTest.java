package dev.citeqa.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkdownTextTest {

    /** What a reader sees: the filler is invisible, so the marks are gone and every offset is kept. */
    private static String seen(String text) {
        String hidden = MarkdownText.withInlineMarksHidden(text);
        assertEquals(text.length(), hidden.length(), "offsets are the file's");
        return hidden.replace(String.valueOf(SourceView.FILLER), "");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "The [Harbor City council](https://harbor.example/council) voted.|The Harbor City council voted.",
        "Mayor [Ellen Park](https://example.com/park \"Her page\") spoke.|Mayor Ellen Park spoke.",
        "See [the notes](#notes) and [budget](/budget).|See the notes and budget.",
        "The vote was **6-1**, __not close__.|The vote was 6-1, not close.",
        "It was *just* fine, _officials said_.|It was just fine, officials said."})
    void marksReadAsTheirWords(String markdown, String text) {
        assertEquals(text, seen(markdown));
    }

    @Test
    void anImageIsNothing() {
        assertEquals("", seen("![Pier at dusk](https://img.example/pier.jpg)").strip());
    }

    /** Plain news has asterisks, underscores and brackets too; only marks that hug their words are read as marks. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Results* were final; see the *footnote",
        "The file my_report_final was saved.",
        "Prices rose 5 * 3 times.",
        "He said [sic] it was fine.",
        "The court [in Paris](ruled) on Monday."})
    void plainTextStaysAsItIs(String text) {
        assertSame(text, MarkdownText.withInlineMarksHidden(text));
    }

    @Test
    void aLongLineOfStrayMarksStaysAsItIs() {
        String stray = " _x *y".repeat(50_000);
        assertSame(stray, MarkdownText.withInlineMarksHidden(stray));
    }
}
