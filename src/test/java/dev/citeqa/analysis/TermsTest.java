package dev.citeqa.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TermsTest {

    /** Forms of one word by their long shared prefix, and words of one group of news-synonyms.txt, both ways. */
    @ParameterizedTest
    @CsvSource({
        "ministry, minister, true",
        "speaks, spokesman, true",
        "spokeswoman, speaking, true",
        "readout, statement, true",
        "operation, missions, true",
        "ceasefire, truce, true",
        // Neither a form nor a synonym: a group links only its own words.
        "speaks, statement, false",
        "fire, dismiss, false",
        "truce, deal, false",
    })
    void relatedWords(String a, String b, boolean related) {
        String stemA = Terms.ofSentence(a).getFirst().term();
        String stemB = Terms.ofSentence(b).getFirst().term();
        assertTrue(Terms.related(stemA, stemB) == related && Terms.related(stemB, stemA) == related,
                a + " / " + b + " as " + stemA + " / " + stemB);
    }

    @ParameterizedTest
    @CsvSource({"ministry, minister", "negotiators, negotiation"})
    void aLongSharedPrefixIsAForm(String a, String b) {
        assertTrue(Terms.relatedForm(Terms.ofSentence(a).getFirst().term(), Terms.ofSentence(b).getFirst().term()));
        assertFalse(Terms.relatedForm("speak", "spokesman"));
    }
}
