package dev.citeqa.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private static List<String> split(String text) {
        return SentenceSplitter.split(text, List.of(new Paragraph(text, 0, text.length()))).stream()
                .map(Sentence::text)
                .toList();
    }

    @Test
    void abbreviationsAndInitialismsDoNotEndSentences() {
        assertEquals(List.of("Türkiye will host U.S. President Donald Trump.",
                        "Dr. Gavin Hall, a NATO expert, spoke on Jan. 5.", "Mr. Smith agreed!"),
                split("Türkiye will host U.S. President Donald Trump. Dr. Gavin Hall, a NATO expert, spoke on "
                        + "Jan. 5. Mr. Smith agreed!"));
    }

    /** ICU's list lacks "Apr.", "Jul." and "Oct.": a quote of "opens Oct." lost its day. */
    @Test
    void everyAbbreviatedMonthBeforeADayStaysInItsSentence() {
        assertEquals(List.of("It opens Apr. 15.", "It closes Jul. 4.", "It reopens Oct. 1.", "It ends Sept. 9."),
                split("It opens Apr. 15. It closes Jul. 4. It reopens Oct. 1. It ends Sept. 9."));
    }

    /** ICU's list holds "Up.", "In." and "On." as abbreviations; a headline ending in one ran into its text. */
    @Test
    void aCapitalisedWordThatICUTakesForAnAbbreviationEndsASentence() {
        assertEquals(List.of("Parking Meter Fight Heats Up.", "The council met.", "Prices Go Up.", "Game On."),
                split("Parking Meter Fight Heats Up. The council met. Prices Go Up. Game On."));
    }

    /** A name's initial is no sentence end when the name goes on; a single capital that ends a sentence still is. */
    @Test
    void aNamesInitialDoesNotEndASentence() {
        assertEquals(List.of("George W. Bush said so.", "Cllr P. Haworth and Mrs L. Gould (Town Clerk) agreed."),
                split("George W. Bush said so. Cllr P. Haworth and Mrs L. Gould (Town Clerk) agreed."));
        assertEquals(List.of("They fell back on Plan B.", "The rest left.", "It ended World War I.", "Peace came."),
                split("They fell back on Plan B. The rest left. It ended World War I. Peace came."));
        // A letter that names a group or a plan is no initial, whatever follows it.
        assertEquals(List.of("Spain topped Group B.", "England finished second.", "They chose Plan B.",
                "Officials agreed."), split("Spain topped Group B. England finished second. They chose Plan B. "
                + "Officials agreed."));
    }

    /** A wire dateline's state abbreviation is no sentence end; the same abbreviation at a sentence's end is. */
    @Test
    void aWireDatelineStaysWithItsSentence() {
        assertEquals(List.of("SPRINGFIELD, Ill. (AP) — The city council approved the budget.", "It passed 7-2."),
                split("SPRINGFIELD, Ill. (AP) — The city council approved the budget. It passed 7-2."));
        assertEquals(List.of("NEW YORK, N.Y. (Reuters) - Stocks rose."),
                split("NEW YORK, N.Y. (Reuters) - Stocks rose."));
        assertEquals(List.of("He served at Camp Pendleton, Calif.", "Braggs enlisted in 2001.",
                        "He moved to Springfield, Ill.", "(He later returned.)"),
                split("He served at Camp Pendleton, Calif. Braggs enlisted in 2001. He moved to Springfield, Ill. "
                        + "(He later returned.)"));
    }

    @Test
    void offsetsCoverTheSentenceInTheSource() {
        String source = "Title\n\nFirst   sentence here. Second one.\n";
        Paragraph p = new Paragraph("First   sentence here. Second one.", 7, 41);
        List<Sentence> sentences = SentenceSplitter.split(source, List.of(p));
        assertEquals("First sentence here.", sentences.get(0).text());
        assertEquals("First   sentence here.", source.substring(sentences.get(0).start(), sentences.get(0).end()));
        assertEquals("Second one.", source.substring(sentences.get(1).start(), sentences.get(1).end()));
    }

    @Test
    void aLineEndingInACommaContinuesOnTheNextLine() {
        String source = "The ball is clearly in Russia’s court,\n\nRutte reiterated, with cautious optimism.";
        List<Paragraph> paragraphs = List.of(new Paragraph("The ball is clearly in Russia’s court,", 0, 38),
                new Paragraph("Rutte reiterated, with cautious optimism.", 40, source.length()));
        assertEquals(List.of("The ball is clearly in Russia’s court, Rutte reiterated, with cautious optimism."),
                SentenceSplitter.split(source, paragraphs).stream().map(Sentence::text).toList());
    }

    @Test
    void debrisJoinsTheSentenceBeforeItOrAtTheStartTheOneAfter() {
        assertEquals(List.of("The fair opened. \uD83C\uDF89\uD83C\uDF89!", "Visitors came."),
                split("The fair opened. \uD83C\uDF89\uD83C\uDF89! Visitors came."));
        assertEquals(List.of("— ! The fair opened."), split("— ! The fair opened."));
        assertEquals(List.of(), split("• … ! \u200B ?"));
    }

    @Test
    void sentencesDropInvisibleCharactersAndCollapseEverySpace() {
        String source = "Rut\u200Bte\u00A0\u00A0spoke \u202Ein Antalya\u202C.";
        List<Sentence> sentences = SentenceSplitter.split(source, List.of(new Paragraph(source, 0, source.length())));
        assertEquals("Rutte spoke in Antalya.", sentences.getFirst().text());
        assertEquals(0, sentences.getFirst().start());
        assertEquals(source.length(), sentences.getFirst().end());
    }
}
