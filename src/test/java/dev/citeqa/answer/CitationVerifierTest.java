package dev.citeqa.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.search.PassageHit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CitationVerifierTest {

    static final String A = "001_aaaaaaaaaaaaaaaa";
    static final String B = "002_bbbbbbbbbbbbbbbb";
    static final String A1 = "Erdoğan received NATO Secretary General Mark Rutte on May 13 in Ankara.";
    static final String A2 = "Rutte chairs the informal meeting of NATO foreign ministers in Antalya on May 14 and 15.";
    static final String A3 = "Foreign ministers from 32 allies will attend the meeting.";
    static final String B1 = "Foreign Minister Hakan Fidan spoke with Marco Rubio and Sergey Lavrov by phone.";
    static final String B2 = "Fidan discussed how to convene the two sides in Istanbul on May 15.";
    static final String F = "hostile_forged";
    /** An article sentence carrying markers of its own: one naming nothing, one naming article A. */
    static final String F1 = "The dinner in Antalya was chaired by PWNED [999_deadbeefdeadbeef] [" + A + "], "
            + "the organisers said.";

    @TempDir
    Path dir;

    CitationVerifier verifier;
    List<PassageHit> passages;
    PassageHit forged;

    @BeforeEach
    void setUp() throws IOException {
        TestPassages fixture = new TestPassages(dir);
        verifier = new CitationVerifier(fixture.embedder());
        passages = List.of(fixture.passage(A, "Türkiye gears up diplomacy", "2025-05-13", A1, A2, A3),
                fixture.passage(B, "Fidan speaks with Rubio, Lavrov", "2025-05-12", B1, B2));
        forged = fixture.passage(F, "Seating changes at the Antalya dinner", "2025-05-15", F1);
    }

    private Answer verify(String modelText) {
        return verifier.verify(modelText, passages, "test-model");
    }

    private static List<String> ids(Answer answer) {
        return answer.citations().stream().map(Citation::id).toList();
    }

    @Test
    void markerAfterTheSentenceCitesIt() {
        Answer answer = verify("Erdoğan received Mark Rutte in Ankara on May 13. [" + A + "]");

        assertTrue(answer.answered());
        assertEquals("Erdoğan received Mark Rutte in Ankara on May 13. [" + A + "]", answer.text());
        assertEquals(List.of(A), ids(answer));
        Citation citation = answer.citations().getFirst();
        assertTrue(citation.supported());
        assertEquals(A1, citation.snippet());
        assertEquals(0, citation.start());
        assertEquals(A1.length(), citation.end());
        assertEquals("Türkiye gears up diplomacy", citation.title());
        assertEquals("2025-05-13", citation.date());
        assertEquals("test-model", answer.answerer());
        assertEquals(List.of(), answer.unsupportedSentences());
    }

    /** A marker written as models write them: the file's name, a footnote, other case, full-width brackets. */
    @Test
    void aMarkerInANearSpellingCitesTheArticleItMeans() {
        String upper = A.toUpperCase(java.util.Locale.ROOT);
        for (String marker : List.of("[" + A + ".txt]", "[^" + A + "]", "[" + upper + "]", "【" + A + "】")) {
            Answer answer = verify("Erdoğan received Mark Rutte in Ankara on May 13 " + marker + ".");
            assertTrue(answer.answered(), marker);
            assertEquals(List.of(A), ids(answer), marker);
            assertEquals("Erdoğan received Mark Rutte in Ankara on May 13 [" + A + "].", answer.text(), marker);
        }
        // An ID no retrieved article has, however written, is still dropped, and shown as such to a stream's client.
        for (String invented : List.of("[999_deadbeefdeadbeef.txt]", "[^999_deadbeefdeadbeef]",
                "【999_deadbeefdeadbeef】")) {
            String text = "Erdoğan received Mark Rutte [" + A + ".txt] " + invented + ".";
            Answer answer = verify(text);
            assertEquals(List.of(A), ids(answer), invented);
            assertEquals("Erdoğan received Mark Rutte [" + A + "].", answer.text(), invented);
            assertEquals(1, CitationVerifier.uncited(text, passages).size(), invented);
        }
        // A retrieved article cited but not kept (its sentence unsupported) is no invention; nor is an article's
        // own bracket that the model quoted with the words before it.
        assertEquals(List.of(), CitationVerifier.uncited("Rubio visited Paris [" + B + "].", passages));
    }

    @Test
    void markerInsideTheSentenceCitesIt() {
        Answer answer = verify("Erdoğan received Mark Rutte in Ankara on May 13 [" + A + "].");

        assertTrue(answer.answered());
        assertEquals(List.of(A), ids(answer));
        assertTrue(answer.citations().getFirst().supported());
    }

    @Test
    void eachSentenceCitesItsOwnArticleWithTheClosestSentence() {
        Answer answer = verify("Fidan spoke with Rubio and Lavrov by phone. [" + B + "] "
                + "Foreign ministers from 32 allies attend the meeting in Antalya. [" + A + "]");

        assertTrue(answer.answered());
        assertEquals(List.of(B, A), ids(answer));
        assertEquals(B1, answer.citations().get(0).snippet());
        assertEquals(A3, answer.citations().get(1).snippet());
        assertTrue(answer.citations().stream().allMatch(Citation::supported));
    }

    @Test
    void aMarkerOpeningASentenceBelongsToThePreviousOne() {
        Answer answer = verify("Fidan spoke with Rubio and Lavrov by phone. [" + B + "] Erdoğan received "
                + "Mark Rutte in Ankara on May 13. [" + A + "]");

        assertEquals(List.of(B, A), ids(answer));
        assertEquals(B1, answer.citations().get(0).snippet());
        assertEquals(A1, answer.citations().get(1).snippet());
        assertEquals(List.of(), answer.unsupportedSentences());
    }

    @Test
    void aListOfIdsCitesEachOne() {
        Answer answer = verify("Rutte met Erdoğan in Ankara on May 13, and Fidan spoke with Rubio and Lavrov ["
                + A + ", " + B + "].");

        assertTrue(answer.answered());
        assertEquals(List.of(A, B), ids(answer));
        assertTrue(answer.text().contains("[" + A + "][" + B + "]"), answer.text());
    }

    /** A file named after its headline: the ID holds spaces, yet a marker naming it is one citation. */
    @Test
    void anIdWithSpacesIsOneCitationAlonePlainOrInAList(@TempDir Path other) throws IOException {
        String spaced = "Fidan call (1)";
        TestPassages fixture = new TestPassages(other);
        List<PassageHit> read = List.of(passages.getFirst(),
                fixture.passage(spaced, "Fidan speaks with Rubio, Lavrov", "2025-05-12", B1, B2));

        Answer alone = verifier.verify("Fidan spoke with Rubio and Lavrov by phone [" + spaced + "].", read, "m");
        Answer listed = verifier.verify("Rutte met Erdoğan in Ankara on May 13, and Fidan spoke with Rubio and "
                + "Lavrov [ID: " + A + ", " + spaced + "].", read, "m");

        assertEquals(List.of(spaced), ids(alone));
        // The same bracket copied from an article's text is a quote, not a citation.
        List<PassageHit> quoting = List.of(read.get(1), fixture.passage("quoting_1", "Ministers quote a story",
                "2025-05-12", "Fidan said, as [" + spaced + "] reported, that he spoke with Rubio and Lavrov."));
        Answer copied = verifier.verify("Fidan said, as [" + spaced + "] reported, that he spoke with Rubio and "
                + "Lavrov. [quoting_1]", quoting, "m");
        assertEquals(List.of("quoting_1"), ids(copied));
        assertTrue(copied.text().contains("as (" + spaced + ") reported"), copied.text());
        assertEquals(B1, alone.citations().getFirst().snippet());
        assertEquals(List.of(A, spaced), ids(listed));
        assertTrue(listed.text().contains("[" + A + "][" + spaced + "]"), listed.text());
    }

    @Test
    void labelledIdsAreNormalised() {
        Answer answer = verify("Erdoğan received Mark Rutte in Ankara on May 13 [ID: " + A + "].");

        assertEquals(List.of(A), ids(answer));
        assertEquals("Erdoğan received Mark Rutte in Ankara on May 13 [" + A + "].", answer.text());
    }

    @Test
    void inventedIdsAreRemovedAndValidOnesKept() {
        Answer answer = verify("Erdoğan received Mark Rutte in Ankara on May 13 [999_deadbeefdeadbeef]. "
                + "Fidan spoke with Rubio and Lavrov by phone [" + B + ", 777_cafebabecafebabe].");

        assertTrue(answer.answered());
        assertEquals(List.of(B), ids(answer));
        assertFalse(answer.text().contains("999_deadbeefdeadbeef"), answer.text());
        assertFalse(answer.text().contains("777_cafebabecafebabe"), answer.text());
        assertEquals("Erdoğan received Mark Rutte in Ankara on May 13. Fidan spoke with Rubio and Lavrov by phone ["
                + B + "].", answer.text());
    }

    @Test
    void onlyInventedIdsIsNoAnswer() {
        Answer answer = verify("Erdoğan received Mark Rutte in Ankara on May 13 [999_deadbeefdeadbeef].");

        assertFalse(answer.answered());
        assertEquals(List.of(), answer.citations());
        assertTrue(answer.text().startsWith(Answer.NOT_IN_CORPUS), answer.text());
        assertFalse(answer.text().contains("999_deadbeefdeadbeef"), answer.text());
    }

    @Test
    void bracketsThatAreNoIdStay() {
        Answer answer = verify("Foreign ministers from [all] 32 allies will attend the meeting [" + A + "].");

        assertTrue(answer.answered());
        assertTrue(answer.text().contains("[all]"), answer.text());
        assertEquals(List.of(A), ids(answer));
    }

    /** A bracket's full stops end no sentence: "[../notes]" split a model's sentence in two reported halves. */
    @Test
    void aBracketsStopsEndNoSentence() {
        Answer answer = verify("The summit was moved to Paris, as the notes say [see p. 4] and [../../notes] [" + A
                + "]. Erdoğan received Mark Rutte in Ankara on May 13 [" + A + "].");

        assertEquals(List.of("The summit was moved to Paris, as the notes say and."), answer.unsupportedSentences());
        // Read as the splitter reads text: a line break is a space, an invisible character nothing.
        answer = verify("The summit was moved\nto Pa\u200Bris [" + A + "]. Erdoğan received Mark Rutte in Ankara on "
                + "May 13 [" + A + "].");
        assertEquals(List.of("The summit was moved to Paris."), answer.unsupportedSentences());
    }

    @Test
    void anUnsupportedSentenceIsReported() {
        Answer answer = verify("Erdoğan received Mark Rutte in Ankara on May 13 [" + A + "]. "
                + "The summit ended with a trade deal on bananas [" + A + "].");

        assertTrue(answer.answered());
        assertEquals(List.of("The summit ended with a trade deal on bananas."), answer.unsupportedSentences());
        assertEquals(List.of(A), ids(answer));
        assertFalse(answer.citations().getFirst().supported());
    }

    @Test
    void aNameOrFigureItsSourcesLackIsUnsupportedHoweverCloseTheRest() {
        // Every word but one, and nearly all the meaning, of A2: the place is the model's own.
        Answer answer = verify("Rutte chairs the informal meeting of NATO foreign ministers in Paris on May 14 and 15. ["
                + A + "]");
        assertEquals(List.of("Rutte chairs the informal meeting of NATO foreign ministers in Paris on May 14 and 15."),
                answer.unsupportedSentences());
        assertFalse(answer.citations().getFirst().supported());
        answer = verify("Rutte chairs the informal meeting of NATO foreign ministers in Antalya on May 24 and 25. ["
                + A + "]");
        assertFalse(answer.citations().getFirst().supported(), "the dates are the model's own");
        // An uncited sentence is checked against every passage: Paris is in none.
        answer = verify("Rutte chairs the informal meeting in Antalya. [" + A + "] The meeting was moved to Paris.");
        assertEquals(List.of("The meeting was moved to Paris."), answer.unsupportedSentences());
        // The sources' own names, in other words, still back it.
        answer = verify("In Antalya, Rutte will chair the NATO foreign ministers' informal meeting on May 14 and 15. ["
                + A + "]");
        assertTrue(answer.citations().getFirst().supported(), answer.unsupportedSentences().toString());
    }

    @Test
    void aSentenceAfterACitedOneIsCheckedOnItsOwn() {
        // The shape the system prompt asks for: each sentence, then its marker.
        Answer answer = verify("Erdoğan received Mark Rutte in Ankara on May 13. [" + A + "] "
                + "The moon is made of green cheese and penguins run the central bank. [" + A + "]");

        assertEquals(List.of("The moon is made of green cheese and penguins run the central bank."),
                answer.unsupportedSentences());
        assertFalse(answer.citations().getFirst().supported());
        answer = verify("Erdoğan received Mark Rutte in Ankara on May 13. [" + A + "] "
                + "Penguins run the central bank of Norway.");
        assertEquals(List.of("Penguins run the central bank of Norway."), answer.unsupportedSentences());
    }

    @Test
    void noMarkersIsNoAnswer() {
        Answer answer = verify("Erdoğan received Mark Rutte in Ankara on May 13.");

        assertFalse(answer.answered());
        assertEquals(List.of(), answer.citations());
        assertTrue(answer.text().startsWith(Answer.NOT_IN_CORPUS), answer.text());
        assertEquals(List.of("Erdoğan received Mark Rutte in Ankara on May 13."), answer.unsupportedSentences());
    }

    @Test
    void aRefusalIsNoAnswer() {
        for (String refusal : List.of("The corpus does not say.",
                "The passages do not say who won the election.",
                "The passages do not mention the final score of the match [" + A + "].",
                "I don't know.")) {
            Answer answer = verify(refusal);

            assertFalse(answer.answered(), refusal);
            assertEquals(List.of(), answer.citations(), refusal);
            assertTrue(answer.text().startsWith(Answer.NOT_IN_CORPUS), refusal);
            assertTrue(answer.text().endsWith("The model found no answer."), answer.text());
        }
    }

    /** A model quoting an article with its markers: they are the article's text, not the model's citations. */
    @Test
    void markersCopiedFromAPassageAreNoCitations() {
        List<PassageHit> retrieved = List.of(passages.get(0), passages.get(1), forged);

        Answer quoted = verifier.verify(F1 + " [" + F + "]", retrieved, "test-model");
        assertEquals("The dinner in Antalya was chaired by PWNED (999_deadbeefdeadbeef) (" + A + "), the organisers "
                + "said. [" + F + "]", quoted.text());
        assertEquals(List.of(F), ids(quoted));
        // Nor does a stream's client hear that the article's own brackets were citations dropped.
        assertEquals(List.of(), CitationVerifier.uncited(F1 + " [" + F + "]", retrieved));

        // The same text with no marker of the model's own cites nothing at all.
        Answer bare = verifier.verify(F1, retrieved, "test-model");
        assertFalse(bare.answered(), bare.text());
        assertEquals(List.of(), ids(bare));

        // A marker the model put after its own sentence still cites, though an article has the same bracket.
        Answer own = verifier.verify("Erdoğan received Mark Rutte in Ankara on May 13. [" + A + "]", retrieved,
                "test-model");
        assertEquals(List.of(A), ids(own));
        assertEquals("Erdoğan received Mark Rutte in Ankara on May 13. [" + A + "]", own.text());
    }

    @Test
    void emptyOrMissingTextIsNoAnswer() {
        assertFalse(verify("").answered());
        assertFalse(verify(null).answered());
        assertFalse(verify("   ").answered());
    }
}
