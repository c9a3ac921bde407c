package dev.citeqa.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnchorsTest {

    /**
     * The first word is capitalised whatever it is, also after opening punctuation (a Spanish "¿", a pasted
     * bullet, a quote mark): it was taken for a name the corpus lacks ("No article mentions "Cuántos"").
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Which firm did Apple buy? | Apple",
        "¿Cuántos pisos construirá el plan de Madrid? | Madrid",
        "- Describe what NATO agreed | NATO",
        "“Name the minister who met Fidan | Fidan",
        "  Tell me what Rutte said | Rutte",
        "1. Who met Rutte? | Rutte",
    })
    void theOpeningWordIsNoName(String question, String names) {
        List<String> found = NewsAnalyzer.forQuestions().tokens(question).stream().filter(Anchors::isName)
                .map(NewsAnalyzer.Token::surface).toList();
        assertEquals(List.of(names.split(",")), found);
    }

    /** What the pattern ".*\d.*" said, which the loop replaced: an ASCII digit anywhere, and no line break. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2024|true",
        "$8.5|true",
        "COVID-19|true",
        "Biden|false",
        "''|false",
        // A digit of another script is not one of the figures the tagger reads.
        "\uFF13\uFF12|false",
        "\u0663|false",
    })
    void aFigureHoldsAnAsciiDigit(String text, boolean figure) {
        assertEquals(figure, Anchors.isFigure(text));
    }

    @ParameterizedTest
    @CsvSource(value = {"'1\n2'", "'12\r'", "'5\u2028'", "'\u00857'"})
    void textOverALineBreakIsNoFigure(String text) {
        assertEquals(false, Anchors.isFigure(text));
    }
}
