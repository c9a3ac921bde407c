package dev.citeqa.answer.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.analysis.EntityTagger.Entity;
import dev.citeqa.analysis.EntityTagger.Kind;
import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.analysis.Terms;
import dev.citeqa.answer.TestPassages;
import dev.citeqa.collection.Sentence;
import dev.citeqa.search.PassageHit;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The answer-kind stage on its own: no index statistics, no embeddings, no model weights. */
class AnswerPhrasesTest {

    private static TestPassages passages;

    @BeforeAll
    static void setUp() throws IOException {
        passages = new TestPassages(Files.createTempDirectory("citeqa-phrases"));
    }

    private static AnswerPhrases phrases(String question, List<PassageHit> hits) {
        QuestionAnalysis analysis = QuestionAnalysis.of(question);
        Set<String> terms = new HashSet<>();
        analysis.terms().forEach(t -> terms.add(t.term()));
        return new AnswerPhrases(analysis, terms, hits, AnalysedSentence::of, AnswererModel.load().evidence());
    }

    private static List<AnalysedSentence> sentences(PassageHit hit) {
        return hit.stored().passage().sentences().stream().map(AnalysedSentence::of).toList();
    }

    @Test
    void theAnswerIsThePhraseOfTheAskedKindAndItsNearnessFallsWithDistance() {
        PassageHit hit = passages.passage("n", "Summit", null,
                "The summit of NATO ministers opened in Antalya on Thursday.");
        AnswerPhrases p = phrases("Where did the NATO ministers meet?", List.of(hit));
        List<AnalysedSentence> window = sentences(hit);
        Entity place = p.answerEntity(window, hit.stored().article());
        assertEquals("Antalya", place.text());
        // "ministers" ends 11 characters before "Antalya": 1 - 11/200.
        assertEquals(1 - 11 / 200.0, p.nearness(place), 1e-9);
        assertTrue(p.typeMatch(window, place));
        // Farther off, nearer 0 (79 characters: ", after ", 50 x and " and more, opened in "), and 0 from 200 on.
        assertEquals(1 - 79 / 200.0, nearnessOfThePlace(50), 1e-9);
        assertEquals(0.0, nearnessOfThePlace(250), 1e-9);
        // Asked for a person, the sentence gives none: no phrase answers.
        AnswerPhrases who = phrases("Who chaired the NATO ministers' summit?", List.of(hit));
        assertNull(who.answerEntity(window, hit.stored().article()));
        assertFalse(who.typeMatch(window, null));
    }

    /** Where the place stands from the question's words with {@code gap} letters more between them. */
    private static double nearnessOfThePlace(int gap) {
        PassageHit hit = passages.passage("g" + gap, "Summit", null,
                "The summit of NATO ministers, after " + "x".repeat(gap) + " and more, opened in Antalya on Thursday.");
        List<AnalysedSentence> window = sentences(hit);
        AnswerPhrases p = phrases("Where did the NATO ministers meet?", List.of(hit));
        return p.nearness(p.answerEntity(window, hit.stored().article()));
    }

    @Test
    void theHolderOfATitleIsThePersonWhoseTitleIsTheQuestionsWords() {
        PassageHit hit = passages.passage("title", "Talks", null,
                "Foreign Minister Hakan Fidan spoke with Russian Foreign Minister Sergey Lavrov on Monday.",
                "Deputy Foreign Minister Mikhail Galuzin led the Russian team.",
                "President Recep Tayyip Erdoğan said the talks with Russia would go on.",
                "Turkish President Tayyip Erdogan and NATO Secretary-General Mark Rutte discussed the resolution of "
                        + "the Ukrainian conflict over the phone.");
        List<AnalysedSentence> all = sentences(hit);
        // The country in another form: "Russian" for "Russia's".
        AnswerPhrases russia = phrases("Who is Russia's foreign minister?", List.of(hit));
        assertTrue(russia.asksTitleHolder());
        assertTrue(russia.restatesTitle(answered(russia, hit, all, 0)));
        assertEquals("Russian Foreign Minister Sergey Lavrov", answered(russia, hit, all, 0).answerEntity().text());
        // "Current" is no word of a title, "deputy" is.
        AnswerPhrases current = phrases("Who is the current Russian foreign minister?", List.of(hit));
        assertTrue(current.restatesTitle(answered(current, hit, all, 0)));
        assertFalse(phrases("Who is the deputy Russian foreign minister?", List.of(hit))
                .restatesTitle(answered(russia, hit, all, 0)));
        // Another office ("Deputy"), and the right words of no country.
        assertFalse(russia.restatesTitle(answered(russia, hit, all, 1)));
        AnswerPhrases president = phrases("Who is the president of Russia?", List.of(hit));
        assertFalse(president.restatesTitle(answered(president, hit, all, 2)));
        AnswerPhrases turkish = phrases("Who is the Turkish president?", List.of(hit));
        assertEquals("Turkish President Tayyip Erdogan", answered(turkish, hit, all, 3).answerEntity().text());
        // The article gives him that title, so "Erdogan" further on shares as many words: the one that says them is
        // at the question's words.
        PassageHit first = passages.passage("title2", "Erdogan and NATO", null,
                "Turkish President Tayyip Erdogan and NATO Secretary-General Mark Rutte discussed the conflict over "
                        + "the phone, with Erdogan highlighting progress being made in direct negotiations.");
        assertEquals("Turkish President Tayyip Erdogan", phrases("Who is the Turkish president?", List.of(first))
                .answerEntity(sentences(first), first.stored().article()).text());
        assertTrue(turkish.restatesTitle(answered(turkish, hit, all, 3)));
        // Only "Who is …?" asks for a title's holder, and a question of one word is no title.
        assertFalse(phrases("Which minister spoke with Fidan?", List.of(hit)).asksTitleHolder());
        assertFalse(phrases("Who is Erdogan?", List.of(hit)).asksTitleHolder());
        // Nor "Who was appointed …?", which asks who was made so, whatever title the story gives them before.
        assertFalse(phrases("Who was appointed Russian foreign minister?", List.of(hit)).asksTitleHolder());
        assertFalse(phrases("Who was sworn in as Turkish president?", List.of(hit)).asksTitleHolder());
        assertTrue(phrases("Who was the Turkish president in 2019?", List.of(hit)).asksTitleHolder());
    }

    @Test
    void theHolderOfAnotherOfficeIsToldApart() {
        PassageHit hit = passages.passage("office", "Talks", null,
                "Mark Rutte, the Prime Minister of the Netherlands, was not in Istanbul.",
                "Deputy Defense Minister Alexander Fomin joined the Russian team.",
                "The Ukrainian delegation will be led by Rustem Umerov, the country's Defence Minister.",
                "Russian Foreign Minister Sergey Lavrov stayed in Moscow.");
        List<AnalysedSentence> all = sentences(hit);
        // Another country's office, in an apposition; a deputy's office.
        AnswerPhrases ukraine = phrases("Who is the Prime Minister of Ukraine?", List.of(hit));
        assertTrue(ukraine.holdsAnotherTitle(answered(ukraine, hit, all, 0)));
        AnswerPhrases defence = phrases("Who is the Russian defense minister?", List.of(hit));
        assertTrue(defence.holdsAnotherTitle(answered(defence, hit, all, 1)));
        // "The country's" points back to the country the story names: the office asked about, not another.
        AnswerPhrases umerov = phrases("Who is Ukraine's defence minister?", List.of(hit));
        assertEquals("Rustem Umerov", answered(umerov, hit, all, 2).answerEntity().text());
        assertFalse(umerov.holdsAnotherTitle(answered(umerov, hit, all, 2)));
        // The question's country in another form is the office's own; a minister of foreign affairs is no defence one.
        AnswerPhrases lavrov = phrases("Who is Russia's foreign minister?", List.of(hit));
        assertFalse(lavrov.holdsAnotherTitle(answered(lavrov, hit, all, 3)));
        assertTrue(defence.holdsAnotherTitle(answered(defence, hit, all, 3)));
        // Only a question about who holds a title.
        AnswerPhrases which = phrases("Which minister joined the Russian team?", List.of(hit));
        assertFalse(which.holdsAnotherTitle(answered(which, hit, all, 1)));
    }

    /** An office given before the name as its owner's, set off by a comma: "Port Ellery's mayor, Diane Okafor". */
    @Test
    void anOwnersOfficeBeforeTheNameIsItsTitle() {
        PassageHit hit = passages.passage("owned", "Okafor signs", null,
                "He is no relation to Port Ellery's mayor, Diane Okafor, he said.",
                "Eastport's mayor, Tom Reyes, welcomed him.",
                "Russia's foreign minister, Sergei Lavrov, stayed in Moscow.");
        List<AnalysedSentence> all = sentences(hit);
        AnswerPhrases eastport = phrases("Who is the mayor of Eastport?", List.of(hit));
        assertTrue(eastport.holdsAnotherTitle(answered(eastport, hit, all, 0)));
        assertFalse(eastport.holdsAnotherTitle(answered(eastport, hit, all, 1)));
        assertTrue(eastport.restatesTitle(answered(eastport, hit, all, 1)));
        AnswerPhrases turkey = phrases("Who is Turkey's foreign minister?", List.of(hit));
        assertTrue(turkey.holdsAnotherTitle(answered(turkey, hit, all, 2)));
        AnswerPhrases russia = phrases("Who is Russia's foreign minister?", List.of(hit));
        assertTrue(russia.restatesTitle(answered(russia, hit, all, 2)));
        assertFalse(russia.holdsAnotherTitle(answered(russia, hit, all, 2)));
        Sentence lavrov = all.get(2).sentence();
        Entity name = answered(russia, hit, all, 2).answerEntity();
        assertEquals("Russia's foreign minister ", AnswerPhrases.titleBefore(name, lavrov));
        // Not a phrase after a preposition, nor one whose last word is no title's: they are no office.
        PassageHit opening = passages.passage("owned2", "Race", null,
                "In Eastport's mayoral race, Tom Reyes won easily.",
                "After Monday's talks, Sergei Lavrov, Russia's foreign minister, said little.",
                "Eastport's new harbour, Tom Reyes said, will open in May.");
        List<AnalysedSentence> more = sentences(opening);
        assertFalse(eastport.holdsAnotherTitle(answered(eastport, opening, more, 0)));
        assertEquals("", AnswerPhrases.titleBefore(answered(russia, opening, more, 1).answerEntity(),
                more.get(1).sentence()));
        assertEquals("", AnswerPhrases.titleBefore(answered(eastport, opening, more, 2).answerEntity(),
                more.get(2).sentence()));
    }

    /** A window that names no word of the office asked about cannot say who holds it. */
    @Test
    void theOfficeMustBeNamed() {
        PassageHit hit = passages.passage("office2", "Station", null, "Marion Clegg led the campaign.");
        AnswerPhrases mayor = phrases("Who is the mayor of Sallowfield?", List.of(hit));
        assertFalse(mayor.officeNamedIn(Terms.ofText("Friends of Sallowfield Station, led by Marion Clegg")));
        assertTrue(mayor.officeNamedIn(Terms.ofText("Sallowfield's mayor, Tom Reyes, spoke.")));
        // A rank of the same office in other words, and a question about no title, need no word of it.
        AnswerPhrases chief = phrases("Who is the chief of the IAEA?", List.of(hit));
        assertTrue(chief.officeNamedIn(Terms.ofText("Rafael Grossi, head of the IAEA, spoke.")));
        assertTrue(phrases("Which minister spoke?", List.of(hit)).officeNamedIn(Terms.ofText("Marion Clegg spoke.")));
        // The office in another form, by a word for any head, or as "CEO"; and no title asked about at all.
        assertTrue(phrases("Who is the founder of Crumb & Hearth?", List.of(hit))
                .officeNamedIn(Terms.ofText("The bakery was founded by Tomasz Wierzbicki.")));
        assertTrue(phrases("Who is the manager of Arsenal?", List.of(hit))
                .officeNamedIn(Terms.ofText("Arsenal boss Mikel Arteta spoke.")));
        assertTrue(phrases("Who is the CEO of Lumenfield Solar?", List.of(hit))
                .officeNamedIn(Terms.ofText("Lumenfield Solar Chief Executive Anjali Rao spoke.")));
        assertTrue(phrases("Who was the winner of the Booker Prize?", List.of(hit))
                .officeNamedIn(Terms.ofText("Jane Smith won the Booker Prize.")));
    }

    /** "Chief Executive Officer" and "chief executive" name one office, in a title or a question. */
    @Test
    void aChiefExecutiveOfficerIsTheChiefExecutive() {
        PassageHit hit = passages.passage("ceo", "Lumenfield Solar", null,
                "Lumenfield Solar Chief Executive Officer Anjali Rao opened the plant.",
                "Lumenfield Solar Chief Executive Tomas Berg opened the plant.",
                "Lumenfield Solar Chief Financial Officer Ola Lie opened the plant.");
        List<AnalysedSentence> all = sentences(hit);
        for (String question : List.of("Who is the chief executive of Lumenfield Solar?",
                "Who is the chief executive officer of Lumenfield Solar?")) {
            AnswerPhrases chief = phrases(question, List.of(hit));
            assertTrue(chief.restatesTitle(answered(chief, hit, all, 0)), question);
            assertFalse(chief.holdsAnotherTitle(answered(chief, hit, all, 0)), question);
            assertTrue(chief.restatesTitle(answered(chief, hit, all, 1)), question);
            assertTrue(chief.holdsAnotherTitle(answered(chief, hit, all, 2)), question);
        }
    }

    @Test
    void aTitleOfTheSameRankWithAnotherWordInPlaceOfTheQuestionsIsAnotherOffice() {
        PassageHit hit = passages.passage("rank", "Talks", null,
                "Turkish Foreign Minister Hakan Fidan flew to Kyiv.",
                "U.S. Secretary of State Marco Rubio arrived in Istanbul.",
                "IAEA Director General Rafael Grossi visited the plant.",
                "Minister Hakan Fidan spoke to reporters.");
        List<AnalysedSentence> all = sentences(hit);
        // A minister of Turkey's, but of foreign affairs; a secretary, but of state.
        AnswerPhrases defence = phrases("Who is the Turkish defense minister?", List.of(hit));
        assertTrue(defence.holdsAnotherTitle(answered(defence, hit, all, 0)));
        AnswerPhrases secretary = phrases("Who is the US secretary of defense?", List.of(hit));
        assertTrue(secretary.holdsAnotherTitle(answered(secretary, hit, all, 1)));
        // A title of another rank may be the same office in other words ("head"), and one lacking a word says nothing.
        AnswerPhrases head = phrases("Who is the head of the IAEA?", List.of(hit));
        assertFalse(head.holdsAnotherTitle(answered(head, hit, all, 2)));
        assertFalse(defence.holdsAnotherTitle(answered(defence, hit, all, 3)));
        // Of the same rank, an apposition is not judged: it may give the office in other words.
        PassageHit apposed = passages.passage("rank2", "Talks", null,
                "Secretary Antony Blinken, America's top diplomat, arrived in Istanbul.");
        AnswerPhrases state = phrases("Who is the U.S. secretary of state?", List.of(apposed));
        assertFalse(state.holdsAnotherTitle(answered(state, apposed, sentences(apposed), 0)));
        // The rank is the noun the title ends in, or the one before its "of".
        assertEquals("minister", TitleQuestion.rankOf("Turkish Foreign Minister "));
        assertEquals("secretary", TitleQuestion.rankOf("U.S. Secretary of State "));
        assertEquals("", TitleQuestion.rankOf(""));
    }

    @Test
    void anOrganisationsOfficeIsNamedByTheOfficeAloneInItsOwnStory() {
        PassageHit hit = passages.passage("company", "Halvorsen Energy names a new chief", null,
                "Halvorsen Energy said Chief Executive Maren Solberg will step down in February.",
                "The company said Chief Financial Officer Tomas Berg would remain in his role.",
                "Former Chief Financial Officer Ola Lie left in 2020.",
                "Jonas Ekeli, head of its offshore wind division, will succeed her.");
        List<AnalysedSentence> all = sentences(hit);
        AnswerPhrases cfo = phrases("Who is the chief financial officer of Halvorsen Energy?", List.of(hit));
        Window berg = answered(cfo, hit, all, 1);
        assertEquals("Chief Financial Officer Tomas Berg", berg.answerEntity().text());
        // In a story that names the company, the office alone restates the question; in one that does not, it does not.
        assertTrue(cfo.restatesTitle(berg));
        double[] lacking = new double[Feature.values().length];
        lacking[Feature.MISSING_REQUIRED.ordinal()] = 2;
        assertFalse(cfo.restatesTitle(new Window(berg.hit(), berg.from(), berg.to(), lacking, berg.answerEntity(),
                Double.NaN, 0)));
        // The chief executive, a former holder, and a head of something else hold other offices; the holder does not.
        assertTrue(cfo.holdsAnotherTitle(answered(cfo, hit, all, 0)));
        assertTrue(cfo.holdsAnotherTitle(answered(cfo, hit, all, 2)));
        assertFalse(cfo.holdsAnotherTitle(berg));
        AnswerPhrases media = phrases("Who is Halvorsen Energy's head of media relations?", List.of(hit));
        assertTrue(media.holdsAnotherTitle(answered(media, hit, all, 3)));
        // A title that shares no word of the office says nothing of it.
        AnswerPhrases ceo = phrases("Who is Halvorsen Energy's CEO?", List.of(hit));
        assertFalse(ceo.holdsAnotherTitle(answered(ceo, hit, all, 1)));
    }

    @Test
    void anOfficeInItsOwnCapitalsOrOtherWordsIsStillTheOffice() {
        PassageHit hit = passages.passage("offices", "Talks", null,
                "President Joe Biden met the delegation on Monday.",
                "Foreign Secretary David Lammy flew to Kyiv.",
                "Hakan Fidan, a former intelligence chief and now minister, spoke first.");
        List<AnalysedSentence> all = sentences(hit);
        // Capitalised in the question, "Vice" is a word of the office, not a name the story may give instead.
        AnswerPhrases vice = phrases("Who is the Vice President?", List.of(hit));
        assertFalse(vice.restatesTitle(answered(vice, hit, all, 0)));
        // A secretary of the same office as a minister, and an apposition that does not open with its rank, are not
        // judged another office.
        AnswerPhrases foreign = phrases("Who is Britain's foreign minister?", List.of(hit));
        assertFalse(foreign.holdsAnotherTitle(answered(foreign, hit, all, 1)));
        AnswerPhrases turkish = phrases("Who is the Turkish foreign minister?", List.of(hit));
        assertFalse(turkish.holdsAnotherTitle(answered(turkish, hit, all, 2)));
    }

    /** The window of sentence {@code i} alone, with the phrase the stage picks in it. */
    private static Window answered(AnswerPhrases p, PassageHit hit, List<AnalysedSentence> all, int i) {
        return window(hit, i, i + 1).withAnswerEntity(p.answerEntity(List.of(all.get(i)), hit.stored().article()));
    }

    /** The answer phrase the stage picks for {@code question} in a passage of these sentences, read as one window. */
    private static String phraseOf(String question, String id, String... sentences) {
        PassageHit hit = passages.passage(id, "Talks", null, sentences);
        return phrases(question, List.of(hit)).answerEntity(sentences(hit), hit.stored().article()).text();
    }

    @Test
    void theSentenceThatSaysWhatIsAskedGivesThePhraseOverTheOneThatNamesTheStory() {
        // The first sentence has the company and the year, which say which story; the second the "net profit" that is
        // asked. Counted word for word, the first said more of the question (three of its eight terms to two).
        assertEquals("£36.2m", phraseOf("What net profit did Sorrel Energy report for the second quarter of 2022?",
                "profit", "Sorrel Energy's 2022 sales rose to £873.3m.", "Net profit came in at £36.2m."));
        // A sentence that has both the names and what is asked wins over one with neither.
        assertEquals("£61 million", phraseOf("What sum did Caldmoor agree for 2023?", "sum",
                "A £61 million budget for 2023 was agreed by Caldmoor Council.",
                "The plan includes £4.49 million for repairs to roads."));
    }

    @Test
    void aMeasurementIsGivenWithItsUnitAndCountsNothingElse() {
        assertEquals("31.0C", phraseOf("How hot did it get in Hartwell on the hottest day of 2023?", "heat",
                "Hartwell recorded its hottest day of 2023 on Saturday, with the temperature reaching 31.0C."));
        assertEquals("12.8 inches", phraseOf("How much snow fell in Westlake City?", "snow",
                "Westlake City was blanketed by 12.8 inches of snow on Wednesday."));
        // A count of homes is no speed, however near the question's words the speed stands; a count of the unit is.
        String storm = "Storm Jorunn brought gusts of up to 86mph to Tadworth, cutting power to 18,780 households.";
        assertEquals("18,780", phraseOf("How many households in Tadworth lost power when Storm Jorunn struck?", "power",
                storm));
        assertEquals("12.8 inches", phraseOf("How many inches of snow fell in Westlake City?", "inches",
                "Westlake City was blanketed by 12.8 inches of snow on Wednesday, when 3,560 customers lost power."));
        // The nearer figure is a distance, which counts no people; a question counting units takes any unit.
        assertEquals("300", phraseOf("How many people were evacuated in Tadworth?", "evacuated",
                "In Tadworth 300 people were evacuated within 5 miles of the fire."));
        assertEquals("20 km", phraseOf("How many kilometres did the marchers walk?", "km",
                "The marchers walked 20 km on Sunday."));
        // A range of what is counted counts it.
        assertEquals("10-15", phraseOf("How many people were hurt in the crash?", "range",
                "Police said 10-15 people were hurt in the crash."));
    }

    @Test
    void aScoreIsGivenWholeAndCountsNothing() {
        String vote = "The House passed the bill 352-65 on Wednesday, with 50 Republicans against it.";
        assertEquals("352-65", phraseOf("The bill passed by how much in the House vote?", "tally", vote));
        assertEquals("50", phraseOf("How many Republicans voted against the bill?", "against", vote));
    }

    @Test
    void theOneAContestWasLostByDidNotWinIt() {
        String ousted = "Voters in Glenwood Park ousted Mayor Nikolai Mancini on Tuesday, electing Leon Lawson with"
                + " 52.8% of the vote.";
        // "Mayor" shares a word with the question, which the loser of an election often bears.
        assertEquals("Leon Lawson", phraseOf("Who won the 2024 mayoral election in Glenwood Park?", "won1", ousted));
        assertEquals("Mateo Sandoval", phraseOf("Who was elected mayor of North Alder in 2014?", "won2",
                "Mateo Sandoval unseated Mayor Miriam Hussain in North Alder's mayoral election on Tuesday."));
        // Asked whom someone beat, the one beaten is the answer (the quote drops his title).
        assertEquals("Mayor Nikolai Mancini", phraseOf("Whom did Leon Lawson beat to win the mayoral election?", "won3",
                "Leon Lawson won the mayoral election after he beat Mayor Nikolai Mancini on Tuesday."));
        // So is a question about who lost, or whom the winner faced.
        String beat = "Leon Lawson beat Mayor Nikolai Mancini on Tuesday in the mayoral election.";
        assertEquals("Mayor Nikolai Mancini", phraseOf("Who lost the mayoral election that Leon Lawson won?", "won4",
                beat));
        assertEquals("Mayor Nikolai Mancini", phraseOf("Which candidate did Leon Lawson face in the mayoral election he"
                + " won?", "won5", beat));
    }

    @Test
    void anEventAnswersNoWho() {
        // "World Darts Championship" stands nearer the question's words, and shares more of them.
        assertEquals("Humphries", phraseOf("Who is the darts world champion?", "event",
                "The champion, Humphries, won the World Darts Championship in London."));
        // A person whose first name is such a word ("bill") still answers.
        assertEquals("President Bill Clinton", phraseOf("Who signed the welfare law in 1996?", "bill",
                "President Bill Clinton signed the welfare law in 1996."));
    }

    @Test
    void aPersonNamedBareHasTheTitlesTheArticleGaveThem() {
        PassageHit hit = passages.passage("titles", "Emmys", null, "Former President Barack Obama won an Emmy.",
                "Jessica Walter scored a posthumous nomination, and Obama was nominated for outstanding narrator.");
        AnswerPhrases p = phrases("Which former president scored an Emmy for outstanding narration?", List.of(hit));
        List<AnalysedSentence> second = sentences(hit).subList(1, 2);
        assertEquals("Obama", p.answerEntity(second, hit.stored().article()).text());
        // Asked for someone the titles do not describe, the nearer name stays the answer.
        AnswerPhrases actress = phrases("Which actress scored a posthumous nomination?", List.of(hit));
        assertEquals("Jessica Walter", actress.answerEntity(second, hit.stored().article()).text());
    }

    @Test
    void aLoneWordAfterTheNamesNobody() {
        PassageHit hit = passages.passage("republic", "Talks", null,
                "The youngest president of the Republic appoints the youngest prime minister in history.");
        AnswerPhrases who = phrases("Who did Macron appoint as prime minister?", List.of(hit));
        assertNull(who.answerEntity(sentences(hit), hit.stored().article()));
        // Without the article the same word may be a name.
        assertEquals("Attal", phraseOf("Who did Macron appoint as prime minister?", "attal",
                "Macron said Attal is the youngest prime minister in history."));
        // A plural names a group, which may be who is asked for.
        assertEquals("Spinners", phraseOf("Who was inducted into the Hall of Fame?", "spinners",
                "The Spinners will be inducted into the Hall of Fame in November."));
    }

    @Test
    void anAdjectiveOfNationalityAnswersNoWhoQuestion() {
        // "Ukrainian" sits nearer the question's words, but names nobody.
        assertEquals("Rustem Umerov", phraseOf("Who leads the Russian delegation?", "u",
                "The Ukrainian delegation will be led by Rustem Umerov, the country's Defence Minister."));
        // A question that asks for no kind of name may still be answered by one.
        assertEquals("Ukrainian", phraseOf("What delegation arrived on Friday?", "v",
                "The Ukrainian delegation arrived on Friday."));
    }

    @Test
    void theSubjectOfTheQuestionsVerbWinsOverANameNearerTheQuestionsWords() {
        // "Benjamin Netanyahu" stands right after "elections"; the one who called is the subject of "called".
        PassageHit hit = passages.passage("sv1", "Talks", null, "Senator Chuck Schumer spoke on Thursday.",
                "Schumer — the highest-ranking Jewish official in American history — called for Israel to hold new "
                        + "elections to replace Prime Minister Benjamin Netanyahu.");
        assertEquals("Schumer", phrases("Which Democratic congressperson called for new elections in Israel?",
                List.of(hit)).answerEntity(sentences(hit), hit.stored().article()).text());
        assertEquals("Donald Trump", phraseOf("Who won the Nevada primary?", "sv2",
                "Donald Trump, unopposed after a long campaign across the state, won the Nevada contest over Nikki "
                        + "Haley's objections."));
        // Asked who was named, the one named, not the one who named: a passive verb in the sentence too.
        assertEquals("Billy Donovan", phraseOf("Who was named coach of the year?", "sv4",
                "The league said on Monday that Adam Silver had named Billy Donovan as its coach of the year."));
        assertEquals("Billy Donovan", phraseOf("Who was named coach of the year?", "sv5",
                "Billy Donovan was named coach of the year on Monday by Commissioner Adam Silver."));
        // Asked for the object, the name after the verb stays the answer.
        assertEquals("Gabriel Attal", phraseOf("Who did Emmanuel Macron appoint as prime minister?", "sv3",
                "President Emmanuel Macron on Tuesday appointed Gabriel Attal as prime minister."));
    }

    @Test
    void theAgentOfAVerbInThePassiveIsItsSubject() {
        // "Vladimir Putin" stands nearer the question's words ("team"); the team was headed by Medinsky.
        String sentence = "In Istanbul the Russian team, which President Vladimir Putin did not join, was headed by "
                + "presidential adviser Vladimir Medinsky.";
        assertEquals("Vladimir Medinsky", phraseOf("Who headed the Russian team in Istanbul?", "ag1", sentence));
        // Asked in the passive, the agent is the one who named, not the one named.
        assertEquals("Billy Donovan", phraseOf("Who was named coach of the year?", "ag2",
                "Billy Donovan was named coach of the year on Monday by Commissioner Adam Silver."));
    }

    @Test
    void aNameThatRestatesTheQuestionForAnotherCountryIsNotItsAnswer() {
        assertEquals("British Ambassador Nigel Casey", phraseOf("Who is the UK's ambassador to Russia?", "tc4",
                "British Ambassador Nigel Casey met Russian Ambassador Andrei Kelin in Moscow."));
        String sentence = "In the meantime, Foreign Minister Hakan Fidan exchanged phone conversations with U.S. "
                + "Secretary of State Marco Rubio, Russian Foreign Minister Sergey Lavrov and French Foreign Minister "
                + "Jean-Noel Barrot on the efforts for direct talks in Istanbul.";
        assertEquals("Foreign Minister Hakan Fidan", phraseOf("Who is Turkey's foreign minister?", "tc1", sentence));
        // Asked about Russia's, the Russian one answers; asked for a country, another country is the answer.
        assertEquals("Russian Foreign Minister Sergey Lavrov",
                phraseOf("Who is Russia's foreign minister?", "tc2", sentence));
        assertEquals("Ukraine", phraseOf("Which country did Russia invade in 2022?", "tc3",
                "Russia invaded Ukraine in 2022."));
    }

    @Test
    void whichOrganisationNounAsksForANameOfAnyKind() {
        // A name in quotation marks is a title, not an organisation, but "which news agency" takes any name.
        assertEquals("Ukrinform", phraseOf("Which news agency reported the call between Rutte and Fidan?", "ag",
                "According to information agencies, including \"Ukrinform\" and TRT Haber, both senior officials "
                        + "participated in the discussion."));
    }

    @Test
    void aPersonNamedWithATitleNamesNoOrganisation() {
        // "CEO Elon Musk" stands nearer the question's words than the company does.
        assertEquals("Tesla", phraseOf("Which car company came under fire for its Autopilot technology?", "ap",
                "Drivers were warned, though Tesla and CEO Elon Musk came under fire for emphasizing Autopilot."));
        // A title with one word may be a firm's name ("General Electric").
        assertEquals("General Electric", phraseOf("Which company came under fire for its jet engines?", "ge",
                "Investors said General Electric came under fire for its jet engines."));
    }

    @Test
    void aKnownKindIsACountryAStateOrAnOrganisationNamedWithTheNounAsked() {
        PassageHit hit = passages.passage("kk", "Bolts", null,
                "United Airlines found the bolts in Texas, Boeing said in Mexico.");
        List<Entity> entities = sentences(hit).getFirst().entities();
        Entity airline = entity(entities, "United Airlines");
        Entity boeing = entity(entities, "Boeing");
        AnswerPhrases whichAirline = phrases("Which airline found loose bolts?", List.of(hit));
        assertTrue(whichAirline.asksKnownKind());
        assertTrue(whichAirline.isOfKnownKind(airline, null));
        assertFalse(whichAirline.isOfKnownKind(boeing, null));
        assertFalse(whichAirline.isOfKnownKind(null, null));
        // A place or a person that carries the noun is not of the kind: "West Bank" is no bank.
        AnswerPhrases whichBank = phrases("Which bank raised its rates?", List.of(hit));
        assertTrue(whichBank.isOfKnownKind(new Entity(Kind.ORGANIZATION, "Bank of England", 0, 15), null));
        assertFalse(whichBank.isOfKnownKind(new Entity(Kind.PLACE, "West Bank", 0, 9), null));
        assertFalse(whichBank.isOfKnownKind(new Entity(Kind.PERSON, "Ashley Bank", 0, 11), null));
        AnswerPhrases whichState = phrases("Which state inspected the planes?", List.of(hit));
        assertTrue(whichState.asksKnownKind());
        assertTrue(whichState.isOfKnownKind(entity(entities, "Texas"), null));
        assertFalse(whichState.isOfKnownKind(entity(entities, "Mexico"), null));
        assertTrue(phrases("Which country inspected the planes?", List.of(hit))
                .isOfKnownKind(entity(entities, "Mexico"), null));
        // The list of cities is of the large ones only, and "which company" names no word a company's name carries.
        for (String question : List.of("Which city inspected the planes?", "Which company found loose bolts?",
                "Who found loose bolts?")) {
            AnswerPhrases p = phrases(question, List.of(hit));
            assertFalse(p.asksKnownKind(), question);
            assertFalse(p.isOfKnownKind(airline, null), question);
        }
    }

    @Test
    void aPlaceOfAnotherKindThanTheOneAskedAnswersNothing() {
        // No state answers "Which city …?": a window that names only the state gives no phrase, and so no place of
        // the kind asked.
        PassageHit state = passages.passage("st", "Bridge", null, "The bridge collapse shocked Maryland.");
        assertNull(phrases("Which city saw the bridge collapse?", List.of(state))
                .answerEntity(sentences(state), state.stored().article()));
        assertEquals("Maryland", phraseOf("Which state saw the bridge collapse?", "bridge",
                "The bridge collapse shocked Maryland."));
        // Nor a listed city "Which country …?" or "Which state …?".
        PassageHit city = passages.passage("ci", "Strike", null, "The drone strike hit Kyiv.");
        for (String question : List.of("Which country did the drone strike hit?", "Which state did the drone hit?")) {
            assertNull(phrases(question, List.of(city)).answerEntity(sentences(city), city.stored().article()),
                    question);
        }
        // A country may be called a state, and England is a country of the region list.
        assertEquals("Qatar", phraseOf("Which Gulf state mediated the talks?", "gulf", "Qatar mediated the talks."));
        assertEquals("England", phraseOf("Which country won the Six Nations?", "six",
                "England won the Six Nations on Saturday."));
        // A place of no known kind may answer any place question.
        assertEquals("Hualien", phraseOf("Which city did the earthquake strike?", "quake",
                "The earthquake struck buildings in Hualien, Taiwan."));
        // But not a natural feature or a building: "the Central Coast" is no state, "the Orvan River" no city.
        assertEquals("California", phraseOf("Which state issued flood alerts?", "flood",
                "California issued flood alerts for the Central Coast."));
        assertEquals("Tessen", phraseOf("Which city did the flood reach?", "flood",
                "The flood on the Orvan River struck homes in Tessen."));
        assertEquals("Orvan River", phraseOf("Where did the flood start?", "flood",
                "The flood started on the Orvan River."));
    }

    @Test
    void aPersonAskedForByANounIsOfTheKindWhereTheTextGivesThemThatNoun() {
        PassageHit hit = passages.passage("rn", "Talks", null,
                "NATO Secretary General Jens Stoltenberg did not attend.", "In this context, Dr. Gavin Hall, a NATO "
                        + "expert and Teaching Fellow at the University of Strathclyde, gave his view.",
                "The comedian Jon Stewart joked about it.", "Mark Rutte, said the experts, was absent.",
                "Hall is the best-known expert since Soviet spokesman Ivan Petrov.",
                "According to the expert, Joe Biden spoke, and Jane Doe, who hired the expert Tom Roe, and the "
                        + "expert's Inflation Act did not.");
        List<AnalysedSentence> sentences = sentences(hit);
        AnswerPhrases whichExpert = phrases("Which NATO expert was quoted ahead of the Istanbul talks?", List.of(hit));
        assertTrue(whichExpert.asksKnownKind());
        // In an apposition after the name, of either number; not a person with another role or none.
        assertTrue(whichExpert.isOfKnownKind(entity(sentences.get(1).entities(), "Gavin Hall"),
                sentences.get(1).sentence()));
        assertFalse(whichExpert.isOfKnownKind(entity(sentences.get(0).entities(), "NATO Secretary General Jens "
                + "Stoltenberg"), sentences.get(0).sentence()));
        // ", said the experts" names someone else.
        assertFalse(whichExpert.isOfKnownKind(entity(sentences.get(3).entities(), "Mark Rutte"),
                sentences.get(3).sentence()));
        // Only capitalised words may stand between the noun and the name, and no punctuation; a relative clause and a
        // possessive give the noun to no one.
        assertFalse(whichExpert.isOfKnownKind(entity(sentences.get(4).entities(), "Ivan Petrov"),
                sentences.get(4).sentence()));
        for (String name : List.of("Joe Biden", "Jane Doe", "Inflation Act")) {
            assertFalse(whichExpert.isOfKnownKind(entity(sentences.get(5).entities(), name),
                    sentences.get(5).sentence()), name);
        }
        assertTrue(whichExpert.isOfKnownKind(entity(sentences.get(5).entities(), "Tom Roe"),
                sentences.get(5).sentence()));
        // Among the words before the name, with titles between; the sentence must be known.
        assertTrue(phrases("Which comedians joked about the talks?", List.of(hit)).isOfKnownKind(
                entity(sentences.get(2).entities(), "Jon Stewart"), sentences.get(2).sentence()));
        assertTrue(phrases("Which secretary did not attend?", List.of(hit)).isOfKnownKind(
                entity(sentences.get(0).entities(), "NATO Secretary General Jens Stoltenberg"),
                sentences.get(0).sentence()));
        assertFalse(whichExpert.isOfKnownKind(entity(sentences.get(1).entities(), "Gavin Hall"), null));
        // "Who …?" names no noun, so no person is of a kind known for certain.
        assertFalse(phrases("Who was quoted ahead of the talks?", List.of(hit)).asksKnownKind());
    }

    @Test
    void aWindowGivesThePersonAskedForByANounWhenItGivesThemTheNounOrRefersBackByIt() {
        PassageHit stewart = passages.passage("js", "Late night", null, "Jon Stewart is going home again.",
                "The comedian will return to host late-night TV next month.");
        PassageHit hart = passages.passage("kh", "World Cup", null,
                "The schedule was revealed on TV in a show that featured comedian Kevin Hart.");
        PassageHit brink = passages.passage("cb", "Draft", null, "Stanford's Cameron Brink, the comedian of the year, "
                + "went pro.");
        PassageHit nobody = passages.passage("nb", "Late night", null, "Comedy Central said the comedian will return.",
                "Jon Stewart was not asked.", "Many Taylor Swift fans said the comedian will return next month.");
        AnswerPhrases p = phrases("Which comedian announced he will return to late-night TV next month?",
                List.of(stewart, hart, nobody, brink));
        assertTrue(p.asksKnownKind());
        assertTrue(p.givesKnownKind(window(stewart, 0, 2)));
        assertTrue(p.givesKnownKind(window(hart, 0, 1)));
        // The sentence that gives the noun must say more of the question than the noun.
        assertFalse(p.givesKnownKind(window(brink, 0, 1)));
        // "The comedian" that opens a sentence refers back to a person named before it, not after it, and alone names
        // nobody; inside a sentence it may be anyone.
        assertFalse(p.givesKnownKind(window(stewart, 1, 2)));
        assertFalse(p.givesKnownKind(window(nobody, 0, 2)));
        assertFalse(p.givesKnownKind(window(nobody, 1, 3)));
        assertFalse(phrases("Which actor announced he will return?", List.of(stewart)).givesKnownKind(
                window(stewart, 0, 2)));
    }

    @Test
    void aSentenceThatRefersBackByTheAskedNounIsAboutThePersonNamedBeforeIt() {
        PassageHit stewart = passages.passage("js2", "Late night", null, "Jon Stewart is going home again.",
                "The comedian will return to host Comedy Central's show next month.");
        PassageHit two = passages.passage("two", "Late night", null, "Jon Stewart met Conan O'Brien.",
                "The comedian will return to host the show next month.");
        AnswerPhrases p = phrases("Which comedian announced he will return to late-night TV next month?",
                List.of(stewart, two));
        assertEquals("Jon Stewart", p.referent(window(stewart, 0, 2)).text());
        // Not a sentence that opens the window, nor when the sentence before names two people, nor for a question
        // asking by another noun.
        assertNull(p.referent(window(stewart, 1, 2)));
        assertNull(p.referent(window(two, 0, 2)));
        assertNull(phrases("Which actor will return next month?", List.of(stewart)).referent(window(stewart, 0, 2)));
        // A firm is no person referred back to, and a person the window names outright stays its phrase.
        PassageHit firm = passages.passage("firm", "Late night", null, "The deal was announced by Netflix.",
                "The comedian will return to host the show next month.");
        assertNull(p.referent(window(firm, 0, 2)));
        PassageHit named = passages.passage("named", "Late night", null, "Jimmy Kimmel praised the choice.",
                "The comedian who will return to host the show next month is John Mulaney.");
        Window both = window(named, 0, 2);
        Entity mulaney = p.answerEntity(sentences(named), named.stored().article());
        assertEquals("John Mulaney", mulaney.text());
        assertNull(p.referent(both.withAnswerEntity(mulaney)));
    }

    @Test
    void anAgeGivenAfterTheSentenceThatNamesTheDeathIsThePhrase() {
        PassageHit obituary = passages.passage("obit", "Harold Keane dies", null,
                "Harold Keane, the glaciologist who mapped Greenland, died on Sunday at his home in Norway.",
                "He was 87.");
        AnswerPhrases p = phrases("How old was Harold Keane when he died?", List.of(obituary));
        assertEquals("87", p.referent(window(obituary, 0, 2)).text());
        // A number the sentence does not give as an age is none.
        PassageHit score = passages.passage("obit2", "Harold Keane dies", null,
                "Harold Keane, the glaciologist who mapped Greenland, died on Sunday at his home in Norway.",
                "He had led 3 expeditions.");
        assertNull(phrases("How old was Harold Keane when he died?", List.of(score)).referent(window(score, 0, 2)));
    }

    @Test
    void aSumGivenAfterTheSentenceThatNamesItsThingIsThePhrase() {
        PassageHit library = passages.passage("lib", "Library", null,
                "The doors of Hollis Point's new library opened on Wednesday.",
                "It was built at a cost of $16.7 million, below the estimate.");
        AnswerPhrases p = phrases("What was the price tag of the library Hollis Point unveiled?", List.of(library));
        // The sentence with the sum shares no word of the question, so it gives the window no phrase of its own.
        assertNull(p.answerEntity(sentences(library), library.stored().article()));
        assertEquals("$16.7 million", p.referent(window(library, 0, 2)).text());
        // Not from a window that opens with the sum, nor a figure of another kind, nor one of two sums.
        assertNull(p.referent(window(library, 1, 2)));
        assertNull(phrases("How many people came to the library Hollis Point unveiled?", List.of(library))
                .referent(window(library, 0, 2)));
        // A sentence that does not point back to the library gives no price of it; a turnout is no vote share.
        PassageHit gala = passages.passage("gala", "Library", null,
                "The doors of Hollis Point's new library opened on Wednesday.", "Tickets to the gala sold for $50 each.");
        assertNull(phrases("How much did the new library in Hollis Point cost?", List.of(gala))
                .referent(window(gala, 0, 2)));
        PassageHit turnout = passages.passage("turnout", "Vote", null,
                "Leon Lawson thanked supporters in Glenwood Park.", "Turnout was 41%, the lowest since 1998.");
        assertNull(phrases("What share of the vote did Leon Lawson win in Glenwood Park?", List.of(turnout))
                .referent(window(turnout, 0, 2)));
        PassageHit two = passages.passage("lib2", "Library", null,
                "The doors of Hollis Point's new library opened on Wednesday.",
                "It cost $16.7 million, and the park beside it $2 million.");
        assertNull(phrases("What was the price tag of the library Hollis Point unveiled?", List.of(two))
                .referent(window(two, 0, 2)));
    }

    private static Window window(PassageHit hit, int from, int to) {
        return new Window(hit, from, to, new double[Feature.values().length], null, Double.NaN, 0);
    }

    @Test
    void thePhraseOfTheKindAskedByANounIsPreferred() {
        String hall = "In this context, Dr. Gavin Hall, a NATO expert and Teaching Fellow in Political Science at the "
                + "University of Strathclyde, gave his view.";
        // "Teaching Fellow" shares "teach" with the question and stands nearer its words.
        assertEquals("University of Strathclyde", phraseOf("At which university does Gavin Hall teach?", "kk1", hall));
        // A person given the noun asked by counts as a word shared with the question.
        assertEquals("LeBron James", phraseOf("Which basketball star scored 40,000 points?", "kk2",
                "The record fell in a long career, and Los Angeles Lakers star LeBron James scored 40,000 points."));
    }

    private static Entity entity(List<Entity> entities, String text) {
        return entities.stream().filter(e -> e.text().equals(text)).findFirst().orElseThrow(() -> new AssertionError(
                text + " not among " + entities));
    }

    @Test
    void aPhraseMadeOfTheQuestionsOwnWordsAnswersNothing() {
        PassageHit hit = passages.passage("o", "Talks", null, "Talks in Istanbul ended without a deal.");
        assertNull(phrases("Why did the talks in Istanbul end?", List.of(hit)).answerEntity(sentences(hit),
                hit.stored().article()));
    }

    @Test
    void theQuestionsCountryInAnotherFormAnswersNothing() {
        String sentence = "An outage cut phone service in the United States on Thursday, AT&T said.";
        assertEquals("AT&T", phraseOf("Which network had an outage that cut phone service across the US?", "us1",
                sentence));
        // Asked without the country, "the United States" is a place like any other.
        assertEquals("United States", phraseOf("Where did an outage cut phone service on Thursday?", "us2",
                sentence));
        // Only the whole form is the question's: "United" is an airline, and a longer name has words of its own.
        assertEquals("United", phraseOf("Which airline cancelled flights across the US?", "us3",
                "Flights across the country were cancelled by United on Monday."));
        assertEquals("United States Postal Service", phraseOf("Which agency delivers mail across the US?", "us4",
                "The United States Postal Service delivers mail across the country."));
    }

    @Test
    void aPersonTheQuestionNamesByHisSurnameIsNotTheAnswer() {
        // "Putin" is a word of the question; before, it made "Vladimir Putin" the phrase.
        assertEquals("President Volodymyr Zelensky", phraseOf("Who travelled to Turkey and urged Putin to meet him?",
                "s", "President Volodymyr Zelensky had traveled to Turkey, urging Russian President Vladimir Putin "
                        + "to meet him face to face."));
        // Asked for something other than a person, he stays the window's phrase, as the model learned it.
        assertEquals("NATO Secretary General Mark Rutte", phraseOf("What did Erdogan tell Rutte?", "t",
                "Erdogan received NATO Secretary General Mark Rutte on May 13 in Ankara."));
        // Only a name of the question counts: "May" the month is none, whatever its case.
        assertEquals("Prime Minister Theresa May", phraseOf("Who did the senator meet in May?", "r",
                "The senator met Prime Minister Theresa May in London in May."));
        // Folded as the article's name is; and a "Jr." is no surname.
        assertEquals("Foreign Minister Hakan Fidan", phraseOf("Who met Erdogan in Ankara?", "f",
                "President Recep Tayyip Erdoğan met Foreign Minister Hakan Fidan in Ankara."));
        assertEquals("Governor Ann Lee", phraseOf("Who did Kennedy thank in Boston?", "k",
                "Robert F. Kennedy Jr. thanked Governor Ann Lee in Boston."));
        // His family shares the name.
        assertEquals("Hunter Biden", phraseOf("Who is the son Biden pardoned?", "b",
                "Biden pardoned his son, Hunter Biden, on Sunday."));
    }

    @Test
    void whoIsXIsAnsweredByASentenceThatDescribesX() {
        PassageHit described = passages.passage("d", "Talks", null,
                "Vladimir Medinsky, an adviser to the president, led the Russian delegation.");
        PassageHit mentioned = passages.passage("m", "Talks", null, "Medinsky said the talks were over.");
        AnswerPhrases p = phrases("Who is Vladimir Medinsky?", List.of(described, mentioned));
        assertTrue(p.typeMatch(sentences(described), null));
        assertFalse(p.typeMatch(sentences(mentioned), null));
    }

    @Test
    void aWordCapitalisedOnlyToOpenItsSentenceIsANameOnlyWhenTheRetrievedTextCapitalisesItInside() {
        // (Not a city of the tagger's list, which would be a place wherever it stands.)
        PassageHit opener = passages.passage("c1", "Rules", null, "Tianjin announced new rules for drones on Monday.");
        PassageHit inside = passages.passage("c2", "Rules", null, "Officials in Tianjin met drone makers on Friday.");
        String question = "Who announced new rules for drones?";
        assertNull(phrases(question, List.of(opener)).answerEntity(sentences(opener), opener.stored().article()));
        assertEquals("Tianjin", phrases(question, List.of(opener, inside))
                .answerEntity(sentences(opener), opener.stored().article()).text());
        // "Wendy's." at another sentence's end, after a word and a space, is the same word as the opener "Wendy".
        PassageHit burger = passages.passage("c3", "Menus", null, "Wendy announced a new menu on Monday.");
        PassageHit possessive = passages.passage("c4", "Menus", null, "The new menu was written by Wendy's.");
        assertEquals("Wendy", phrases("Who announced a new menu?", List.of(burger, possessive))
                .answerEntity(sentences(burger), burger.stored().article()).text());
    }
}
