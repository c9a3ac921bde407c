package dev.citeqa.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NewsAnalyzerTest {

    private static final NewsAnalyzer TEXT = NewsAnalyzer.forText();

    @Test
    void initialismsWithFullStopsAreIndexedAsTheyAreWrittenWithout() {
        // American copy and the questions put to it spell the country two ways; both must be one term.
        assertEquals(List.of("us", "troop", "us", "troop"), TEXT.terms("U.S. troops, US troops"));
        assertEquals(List.of("uk", "uk", "jk", "rowl", "eu", "xyz"),
                TEXT.terms("the U.K. and UK; J.K. Rowling, E.U, x.y.z"));
        assertEquals(List.of("us"), NewsAnalyzer.forQuestions().terms("Which US"));
    }

    @Test
    void anOrdinalInFiguresIsItsNumber() {
        assertEquals(List.of("august", "15", "august", "18", "21", "centuri"),
                TEXT.terms("August 15th to August 18th, the 21st century"));
        assertEquals(TEXT.terms("Aug. 15 to Aug. 18"), TEXT.terms("Aug. 15th to Aug. 18th"));
        // Words that end like ordinals are words.
        assertEquals(List.of("north", "4th1"), TEXT.terms("north 4th1"));
    }

    @Test
    void aNameJoinedByAnAmpersandIsOneWord() {
        assertEquals(List.of("at_t", "s_p", "500", "texa", "a_m", "r_b", "m_m"),
                TEXT.terms("AT&T, the S&P 500, Texas A&M; R&B M&Ms"));
        assertEquals(List.of("at_t"), NewsAnalyzer.forQuestions().terms("Which AT&T?"));
        // Its surface and offsets are the text's.
        NewsAnalyzer.Token token = TEXT.tokens("Shares of AT&T fell").get(1);
        assertEquals("AT&T", token.surface());
        assertEquals(10, token.start());
        assertEquals(14, token.end());
        // Longer words, figures and spaced ampersands are not one name.
        assertEquals(List.of("tom", "jerri", "3m", "b", "rock", "roll"), TEXT.terms("Tom&Jerry 3M&B rock & roll"));
    }

    @Test
    void fullStopsInsideFiguresAndDomainNamesStay() {
        assertEquals(List.of("1.3", "billion", "amazon.com", "3.5", "percent"),
                TEXT.terms("$1.3 billion at Amazon.com, 3.5 percent"));
    }

    @Test
    void theRestOfTheChainIsLucenesEnglishWithAccentsFoldedAndIrregularVerbs() {
        assertEquals(List.of("erdogan", "erdogan", "tell", "report", "nato"),
                TEXT.terms("Erdoğan's and Erdogan told the reporters of NATO"));
    }

    @Test
    void theFormsOfAVerbInIeShareItsStem() {
        // Porter alone gives "die", "di", "di" and "dy".
        assertEquals(List.of("die", "die", "die", "die", "tie", "tie"), TEXT.terms("die dies died dying tied tying"));
    }

    @Test
    void anAbbreviatedTitleIsTheTitleItStandsFor() {
        assertEquals(List.of("governor", "john", "carnei", "senat", "repres", "repres"),
                TEXT.terms("Gov. John Carney, Sen. Reps. and representatives"));
        assertEquals(TEXT.terms("Governor Kathy Hochul"), TEXT.terms("Gov. Kathy Hochul"));
        // Words that stand for more than one title are left as written.
        assertEquals(List.of("gen", "z", "main", "st"), TEXT.terms("Gen Z on Main St."));
    }

    @Test
    void aWordPorterStemsAsAnUnrelatedOneIsIndexedApart() {
        assertEquals(List.of("president", "president", "presid"), TEXT.terms("President presidency presided"));
        assertEquals(List.of("us", "us", "use", "use"), TEXT.terms("U.S. US used using"));
        assertEquals(List.of("aide", "aid", "authority", "author", "organization", "organ"),
                TEXT.terms("aides aid authorities author organizations organs"));
        // The other words keep their Porter stem, and a question meets the text.
        assertEquals(List.of("gener", "gener", "general"), TEXT.terms("generation generated generals"));
        assertEquals(NewsAnalyzer.forQuestions().terms("Who is the American president?"), List.of("american",
                "president"));
    }

    @Test
    void aBritishSpellingIsIndexedAsTheAmericanOne() {
        // Inflections follow the line of their word.
        assertEquals(TEXT.terms("the defense minister organized a program at the center"),
                TEXT.terms("the Defence Minister organised a programme at the centre"));
        assertEquals(List.of("organization", "organization", "organization", "color", "color", "favorit", "theater",
                "judgment"), TEXT.terms("organisation organising organizers colours coloured favourite theatres judgement"));
        assertEquals(NewsAnalyzer.forQuestions().terms("Who criticized the analyzed defense plan?"),
                NewsAnalyzer.forQuestions().terms("Who criticised the analysed defence plan?"));
        // Offsets stay those of the words as written.
        assertEquals(List.of(new NewsAnalyzer.Token("defens", "Defence", 4, 11, false)), TEXT.tokens("the Defence"));
        // Words whose other spelling is another word or a name are left as written.
        assertEquals(List.of("labour", "parti", "grei", "storei"), TEXT.terms("the Labour Party, Grey storeys"));
    }
}
