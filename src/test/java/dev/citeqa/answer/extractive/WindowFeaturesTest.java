package dev.citeqa.answer.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.analysis.EntityTagger;
import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.answer.Answer;
import dev.citeqa.answer.AnswerRequest;
import dev.citeqa.answer.AnswerSpan;
import dev.citeqa.answer.TestPassages;
import dev.citeqa.collection.Article;
import dev.citeqa.collection.Paragraph;
import dev.citeqa.collection.Passage;
import dev.citeqa.collection.Sentence;
import dev.citeqa.index.IndexGenerator;
import dev.citeqa.index.StoredPassage;
import dev.citeqa.search.PassageHit;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The evidence of windows, over hand-made passages, a fake index and the bag-of-words embedding. */
class WindowFeaturesTest {

    private static TestPassages passages;
    private static final AnswererModel.Evidence CONSTANTS = AnswererModel.load().evidence();
    private static final FakeTermStats STATS = new FakeTermStats(100,
            Map.of("rutt", 5, "chair", 10, "meet", 20, "antalya", 3, "nato", 8, "minist", 15));

    @BeforeAll
    static void setUp() throws IOException {
        passages = new TestPassages(Files.createTempDirectory("citeqa-features"));
    }

    /** The window of the one retrieved passage's first sentence, words alone. */
    private static Window firstSentence(String question, PassageHit hit) {
        return features(question, List.of(hit), false).window(hit, 0, 1);
    }

    private static WindowFeatures features(String question, List<PassageHit> hits, boolean semantic) {
        QuestionAnalysis analysis = QuestionAnalysis.of(question);
        float[] vector = semantic ? passages.embedder().embed(analysis.text()) : null;
        return new WindowFeatures(analysis, hits, STATS, vector, passages.embedder()::embed, CONSTANTS);
    }

    @Test
    void aWindowThatStatesTheWholeQuestionAndNamesAPlaceCoversItAndMatchesTheType() {
        PassageHit hit = passages.passage("a", "NATO ministers meet", null,
                "Rutte chairs the informal meeting of NATO foreign ministers in Antalya on May 14.",
                "The weather was fine.");
        WindowFeatures f = features("Where did Rutte chair the meeting of NATO ministers?", List.of(hit), false);
        Window w = f.window(hit, 0, 1);
        assertEquals(1.0, w.get(Feature.COVERAGE), 1e-9);
        assertEquals(1.0, w.get(Feature.ANCHOR_COVERAGE), 1e-9);
        assertEquals(1.0, w.get(Feature.TYPE_SCORE));
        assertEquals(0.0, w.get(Feature.TYPE_MISSING));
        assertEquals(0.0, w.get(Feature.MISSING_REQUIRED));
        assertEquals("Antalya", w.answerEntity().text());
        assertEquals(1.0, w.get(Feature.LEAD));
        assertEquals(1.0, w.get(Feature.PASSAGE_RANK));
        // BM25 mode: no meaning compared.
        assertEquals(0.0, w.get(Feature.MEANING));
        assertEquals(Double.NaN, w.semantic());
    }

    @Test
    void theAnswerPhraseSharesTheMostOfTheQuestionsRoleAndIsNotTheQuestionsOwnPerson() {
        // Both names follow "President"; the one the question's whole role names is the answer.
        PassageHit talks = passages.passage("c", "Talks", null,
                "President Volodymyr Zelensky urged Russian President Vladimir Putin to meet him face to face.");
        assertEquals("Russian President Vladimir Putin",
                features("Who is the Russian President?", List.of(talks), false).window(talks, 0, 1)
                        .answerEntity().text());
        // The question names Fidan: under a title it does not give, he is still who it asks about.
        PassageHit calls = passages.passage("d", "Calls", null, "Foreign Minister Hakan Fidan spoke by phone with "
                + "Russian Foreign Minister Sergey Lavrov and French Foreign Minister Jean-Noel Barrot.");
        assertEquals("French Foreign Minister Jean-Noel Barrot",
                features("Which French minister did Hakan Fidan speak with by phone?", List.of(calls), false)
                        .window(calls, 0, 1).answerEntity().text());
    }

    @Test
    void aSurnameTheArticleGivesInFullIsAPersonAndTheAnswerLeadsWithTheWholeName() {
        PassageHit emmy = passages.passage("e", "Emmys", null, "Former President Barack Obama won an Emmy on Saturday.",
                "Obama was nominated for outstanding narrator for the Netflix documentary series.");
        String question = "Which former president scored an Emmy for outstanding narration?";
        // "Netflix" sits nearer "narrator", but the article names Obama in full: he is the person asked for.
        Window w = features(question, List.of(emmy), false).window(emmy, 1, 2);
        assertEquals("Obama", w.answerEntity().text());
        assertEquals(EntityTagger.Kind.PERSON, w.answerEntity().kind());
        Answer answer = ExtractiveAnswerer.answerFrom(w, AnswerRequest.single(question, List.of(emmy), null, false));
        assertTrue(answer.text().startsWith("Barack Obama: Obama was nominated"), answer.text());
        AnswerSpan span = answer.answerSpan();
        assertEquals("Obama", span.text());
        assertEquals("Barack Obama", span.name());
        // The offsets are those of the surname in the quoted sentence.
        String file = emmy.stored().article().paragraphs().getFirst().text();
        assertEquals(file.indexOf("Obama was"), span.start());
        assertEquals("Obama", file.substring(span.start(), span.end()));
        // A follow-up's "he" is the whole name.
        assertEquals("Barack Obama", answer.entity());

        // A quote that gives the whole name itself needs no lead; nor does a phrase with no whole name.
        assertEquals("", ExtractiveAnswerer.lead("Barack Obama won an Emmy. Obama was nominated.", span));
        assertEquals("", ExtractiveAnswerer.lead("Obama was nominated.", new AnswerSpan("Obama", "e", 0, 5)));

        // Where the article gives no whole name, the lone word that opens the sentence is no person, nor is "the
        // Netflix documentary": no phrase is bolded, and the answer is the quote.
        PassageHit bare = passages.passage("f", "Emmys", null,
                "Obama was nominated for outstanding narrator for the Netflix documentary series.");
        Window plain = features(question, List.of(bare), false).window(bare, 0, 1);
        assertNull(plain.answerEntity());
        Answer quote = ExtractiveAnswerer.answerFrom(plain, AnswerRequest.single(question, List.of(bare), null, false));
        assertTrue(quote.text().startsWith("Obama was nominated"), quote.text());
        assertNull(quote.answerSpan());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // Mexico is nearer the question's words, but it is no state.
        "Migrants from Mexico are the target of a law over which the administration has sued Texas."
                + "|Which state passed the law on migrants?|Texas",
        "Migrants from Mexico are the target of a law over which the administration has sued Texas."
                + "|Which country do the migrants come from?|Mexico",
        // "one ad" is nearer, but no sum of money.
        "Advertisers paid $7 million for each spot, and one ad cost more; 0.5% of viewers watched 12 ads."
                + "|How much did one ad cost advertisers?|$7 million",
        "Advertisers paid $7 million for each spot, and one ad cost more; 0.5% of viewers watched 12 ads."
                + "|What percentage of viewers watched the ads?|0.5%",
        // "Capital City" is nearer the zoo, but the name asked for is the one the sentence gives.
        "The Capital City zoo welcomed a giant panda named Bao on Thursday, its first in twenty years."
                + "|What is the name of the panda at the zoo?|Bao"})
    void theAnswerPhraseIsTheKindOfPlaceOrFigureOrTheNameAsked(String sentence, String question, String phrase) {
        PassageHit hit = passages.passage("p", "Story", null, sentence);
        assertEquals(phrase, firstSentence(question, hit).answerEntity().text());
    }

    /** Of a pair, the sentence that says more of the question holds the answer, though a date sits nearer one word. */
    @Test
    void theAnswerPhraseOfAPairIsInTheSentenceThatSaysMoreOfTheQuestion() {
        PassageHit hit = passages.passage("s", "Storm", null, "A winter storm closed Highway 1 on Saturday.",
                "Crews expect to reopen the road by Monday, officials said.");
        assertEquals("Monday", features("When will crews reopen the coastal highway?", List.of(hit), false)
                .window(hit, 0, 2).answerEntity().text());
    }

    @Test
    void aDatelineIsWhereTheStoryWasFiledNotTheAnswer() {
        String question = "Which state held a special election to replace George Santos?";
        PassageHit dateline = passages.passage("dl", "Santos", null,
                "WASHINGTON – Embattled Rep. George Santos was expelled from Congress on Friday.");
        assertNull(features(question, List.of(dateline), false).window(dateline, 0, 1).answerEntity());
        PassageHit wire = passages.passage("dw", "Santos", null,
                "WASHINGTON (AP) — A special election to replace George Santos was held in New York on Tuesday.");
        assertEquals("New York", features(question, List.of(wire), false).window(wire, 0, 1).answerEntity().text());
        // A place in capitals that opens a sentence without a dash is no dateline.
        PassageHit shout = passages.passage("ds", "Santos", null,
                "OHIO held a special election to replace George Santos, the headline wrongly said.");
        assertEquals("OHIO", features(question, List.of(shout), false).window(shout, 0, 1).answerEntity().text());
    }

    /** "Shortly" is capitalised only where it opens a sentence; "Wendy's" is capitalised inside one too. */
    @Test
    void aWordCapitalisedOnlyToOpenItsSentenceIsNoName() {
        PassageHit opener = passages.passage("o", "Prices", null,
                "Shortly after the announcement, the chain said prices would change with demand.");
        assertNull(features("Which fast food chain will change its prices with demand?", List.of(opener), false)
                .window(opener, 0, 1).answerEntity());
        PassageHit named = passages.passage("n", "Prices", null,
                "Wendy's said prices would change with demand.", "Customers criticised Wendy's on Tuesday.");
        assertEquals("Wendy's", features("Which fast food chain will change its prices with demand?",
                List.of(named), false).window(named, 0, 1).answerEntity().text());
        // Named inside a sentence only at its end, full stop and possessive both.
        PassageHit last = passages.passage("l", "Prices", null,
                "Wendy's said prices would change with demand.", "Customers criticised Wendy's.");
        assertEquals("Wendy's", features("Which fast food chain will change its prices with demand?",
                List.of(last), false).window(last, 0, 1).answerEntity().text());
    }

    /**
     * "northwest Santa Clarita" reads as a person's name to the tagger (no list names that city); another retrieved
     * sentence says "in Santa Clarita", so it is a place. The country the window names too is no city.
     */
    @Test
    void aNameTheRetrievedTextGivesAsAPlaceIsAPlace() {
        String question = "Which city is building the world's largest wildlife crossing?";
        String sentence = "The US funds a wildlife crossing, the world's largest, in northwest Santa Clarita.";
        PassageHit alone = passages.passage("w1", "Crossing", null, sentence);
        assertNull(features(question, List.of(alone), false).window(alone, 0, 1).answerEntity());
        PassageHit other = passages.passage("w2", "Traffic", null, "Traffic is heavy in Santa Clarita on Fridays.");
        assertEquals("Santa Clarita", features(question, List.of(alone, other), false)
                .window(alone, 0, 1).answerEntity().text());
        // A city of the tagger's list is a place wherever it stands.
        String known = "The US funds a wildlife crossing, the world's largest, in northwest Los Angeles.";
        PassageHit listed = passages.passage("w3", "Crossing", null, known);
        assertEquals("Los Angeles", features(question, List.of(listed), false).window(listed, 0, 1).answerEntity()
                .text());
    }

    @Test
    void aWindowWithoutTheAskedKindOfPhraseMissesTheType() {
        PassageHit hit = passages.passage("a", "NATO", null, "The weather was fine for the NATO ministers.",
                "They met again.");
        Window w = firstSentence("Where did the NATO ministers meet?", hit);
        assertEquals(0.0, w.get(Feature.TYPE_SCORE));
        assertEquals(1.0, w.get(Feature.TYPE_MISSING));
        assertNull(w.answerEntity());
    }

    @Test
    void aFigureQuestionMayBeAnsweredOnlyByAWindowThatGivesTheFigure() {
        PassageHit career = passages.passage("y1", "Rutte", null,
                "Mark Rutte became NATO Secretary General after a long career in Dutch politics.");
        PassageHit office = passages.passage("y2", "Rutte", null,
                "Mark Rutte took office as NATO Secretary General in 2024.");
        QuestionAnalysis year = QuestionAnalysis.of("In which year did Mark Rutte become NATO Secretary General?");
        WindowFeatures f = features(year.text(), List.of(career, office), false);
        Window noYear = f.window(career, 0, 1);
        Window withYear = f.window(office, 0, 1);
        assertEquals(List.of(withYear), ExtractiveAnswerer.eligible(year, f, List.of(noYear, withYear)));
        // None gives a year: none may be quoted, however well it scores.
        assertEquals(List.of(), ExtractiveAnswerer.eligible(year, f, List.of(noYear)));
        // A question that asks for no figure keeps every window.
        QuestionAnalysis who = QuestionAnalysis.of("Who became NATO Secretary General?");
        WindowFeatures w = features(who.text(), List.of(career, office), false);
        List<Window> both = List.of(w.window(career, 0, 1), w.window(office, 0, 1));
        assertEquals(both, ExtractiveAnswerer.eligible(who, w, both));
    }

    @Test
    void theFigureMaySitInTheSentenceOfAPairThatDoesNotRepeatTheQuestion() {
        PassageHit hit = passages.passage("y3", "Library", null,
                "The doors of Hollis Point's new library opened on Wednesday.",
                "It was built at a cost of $16.7 million, below the original estimate.");
        WindowFeatures f = features("What was the price tag of the library Hollis Point unveiled?", List.of(hit),
                false);
        Window pair = f.window(hit, 0, 2);
        // The answer phrase must share a sentence with the question's words, so the type counts as missing...
        assertEquals(1.0, pair.get(Feature.TYPE_MISSING));
        // ...but the pair gives the price, and may be quoted.
        assertTrue(f.givesAskedKind(pair));
        assertFalse(f.givesAskedKind(f.window(hit, 0, 1)));
    }

    /** The one-sentence window of a passage holding {@code sentence}, if it may answer {@code question}. */
    private static List<Window> eligibleOne(String question, String id, String sentence) {
        PassageHit hit = passages.passage(id, "T", null, sentence);
        QuestionAnalysis analysis = QuestionAnalysis.of(question);
        WindowFeatures f = features(question, List.of(hit), false);
        return ExtractiveAnswerer.eligible(analysis, f, List.of(f.window(hit, 0, 1)));
    }

    /** The answer phrase of the first eligible window, as {@link #eligibleOne} finds it. */
    private static String answerPhrase(String question, String id, String sentence) {
        return eligibleOne(question, id, sentence).get(0).answerEntity().text();
    }

    @Test
    void aDurationOrASumOfMoneyGivesNoCount() {
        assertEquals(List.of(), eligibleOne("How many visitors came to the museum?", "y4",
                "Visitors queued for two hours at the museum, and tickets cost $12 each."));
    }

    /** A sum is no count however the sentence writes it: the money words of "How much …?" are the same ones. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "The museum's visitors spent 12 million pounds, and 400 of them came twice.|400",
        "The museum's visitors spent 900 yen each, and 400 of them came twice.|400",
        "The museum's visitors gave 70% of the takings, and 400 of them came twice.|400",
        "The museum beat the library 3-1 on visitors, and 400 of them came twice.|400",
    })
    void aSumAShareOrAScoreGivesNoCount(String sentence, String count) {
        assertEquals(count, answerPhrase("How many visitors came to the museum?", "c-" + sentence.length(), sentence));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Insulin makers sell their products to Americans at what price?|Insulin now costs $35 a month for Americans, "
                + "three insulin makers said.|$35",
        "Insulin makers sell their products to Americans at what price?|Three insulin makers will charge Americans "
                + "35 dollars a month.|35",
        "How much did the Royal Family cost taxpayers?|The Royal Family cost taxpayers £ 102 million in 2022."
                + "|£ 102 million",
        "What percentage of the vote did Putin win?|In 2024 Putin won 87% of the vote.|87%",
        // A change: the share or the sum, not the count beside it.
        "By how much did Nordvik's shares fall?|Two of Nordvik's ships were idle, and its shares fell 9.2 percent."
                + "|9.2 percent",
        "By how much did Nordvik's revenue drop?|Two of Nordvik's ships were idle, and revenue dropped $40 million."
                + "|$40 million",
        "What percentage of the vote did Putin win?|In 2024 Putin won 87 per cent of the vote.|87 per cent",
        // The tagger leaves the sign or the word out of these: the text around the figure says what it is.
        "Insulin makers sell their products to Americans at what price?|Insulin costs Americans US$ 35 a month.|35",
        "What percentage of voters backed Putin?|Support for Putin rose 3 percentage points in 2024.|3",
        "What was the turnout in the mayoral election?|Kemp won 59.6 per cent of the vote on a turnout of "
                + "30.2 per cent.|30.2 per cent",
        "What was the turnout in the mayoral election?|In the mayoral election Kemp won 59.6% of the votes cast; "
                + "turnout was 12,400.|12,400",
        "What proportion of the electorate took part in the mayoral election?|In the mayoral election, 41% of "
                + "registered voters cast ballots; Kemp won 59.6%.|41%",
        "What was the turnout in the mayoral election?|Mayoral election results for Halbury. Turnout: 41%.|41%",
    })
    void aQuestionForMoneyAShareOrATurnoutIsAnsweredOnlyByOne(String question, String sentence, String phrase) {
        assertEquals(phrase, answerPhrase(question, "m-" + sentence.length() + phrase, sentence));
    }

    @Test
    void aCountOrAYearGivesNoSumOfMoneyNorAShare() {
        assertEquals(List.of(), eligibleOne("Insulin makers sell their products to Americans at what price?", "m-none",
                "In March, three insulin makers said they would slash prices for Americans by 70% or more."));
        assertEquals(List.of(), eligibleOne("What percentage of the vote did Putin win?", "s-none",
                "Putin won the vote in 2024, his fifth term, with three rivals."));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // A winner's share of the vote, or a runner-up's, says nothing of how many voted.
        "Halbury has re-elected Theo Kemp as mayor, handing him a third term with 59.6 per cent of the vote.",
        "Kemp won the mayoral election. The runner-up, Marta Neumann, took 40.4 per cent.",
        "Kemp won the mayoral election with 59.6% of ballots cast.",
        // 50 characters before the figure begin inside "broadcast": a voting word must be a whole word.
        "Kemp's broadcast showed the mayor ahead of all his rivals, on 41%.",
    })
    void noFigureButOneBesideAVotingWordIsATurnout(String sentence) {
        assertEquals(List.of(), eligibleOne("What was the turnout in the mayoral election?",
                "t-" + sentence.hashCode(), sentence));
    }

    // Each sentence has another number too, which must not be taken for the age.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Ireland's prime minister, Leo Varadkar, 38, took office in June with 12 ministers.|38",
        "The 37-year-old Leo Varadkar became prime minister with 12 ministers.|37-year-old",
        "In 2017 Leo Varadkar, aged 37, became prime minister.|37",
        "Leo Varadkar (37) became prime minister with 12 ministers.|37",
        "Twelve ministers backed the prime minister, said Leo Varadkar, 45.|45",
    })
    void anAgeQuestionIsAnsweredByANumberGivenAsAnAge(String sentence, String age) {
        List<Window> eligible = eligibleOne("How old is Leo Varadkar?", "age-" + age + sentence.length(), sentence);
        assertEquals(1, eligible.size());
        assertEquals(age, eligible.get(0).answerEntity().text());
    }

    @Test
    void numbersThatAreNoAgeDoNotAnswerAnAgeQuestion() {
        assertEquals(List.of(), eligibleOne("How old is Leo Varadkar?", "age-none",
                "Leo Varadkar met two ministers in March, 37 days before the 2024 vote."));
        assertEquals(List.of(), eligibleOne("How old is Leo Varadkar?", "age-share",
                "Leo Varadkar's party won a share (37%) of the vote."));
        assertEquals("No passage gives the age asked for.",
                Abstention.noFigure(QuestionAnalysis.of("How old is Leo Varadkar?")));
    }

    @Test
    void aTimeQuestionIsAnsweredByATimeOfDayNotADay() {
        String question = "What time can Delaware bars start serving alcohol on Sundays?";
        assertEquals(List.of(), eligibleOne(question, "time-day",
                "Delaware Gov. John Carney said Wednesday that bars can start serving alcohol on Sundays."));
        assertEquals("8 a.m.", answerPhrase(question, "time-clock",
                "Delaware bars can start serving alcohol at 8 a.m. on Sundays."));
        assertEquals("No passage gives the time asked for.", Abstention.noFigure(QuestionAnalysis.of(question)));
        // A time of day answers "when" too, but nothing asked of a day or longer.
        assertEquals("8 p.m.", answerPhrase("When do the polls close in Delaware?", "time-when",
                "The polls close in Delaware at 8 p.m."));
        assertEquals("April 15", answerPhrase("In which month is the tax filing deadline?", "time-month",
                "The tax filing deadline is midnight on April 15."));
    }

    /** A day question is answered by a date that names a day, a month question by one that names a month. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "On which days was the NATO ministers' meeting in Antalya held? | day-month"
                + " | NATO ministers held a meeting in Antalya, and prepare next month's summit. | none",
        "On which days was the NATO ministers' meeting in Antalya held? | day-day"
                + " | NATO ministers held a meeting in Antalya on May 14, and prepare next month's summit. | May 14",
        "On which day did the NATO ministers arrive in Antalya? | day-weekday"
                + " | The NATO ministers arrived in Antalya on Friday. | Friday",
        "In which month is the deadline for most Americans to file their tax returns? | month-year"
                + " | Most Americans file their tax returns for 2023 before the deadline in 2024. | none",
        "In which month is the deadline for most Americans to file their tax returns? | month-weekday"
                + " | Most Americans file their tax returns before the deadline on Monday. | none",
        "In which month is the deadline for most Americans to file their tax returns? | month-day"
                + " | Most Americans must file their tax returns by the deadline, April 15. | April 15",
        "In which month is the deadline for most Americans to file their tax returns? | month-abbreviated"
                + " | Most Americans who asked for more time file their tax returns by a deadline in Sept. | in Sept"})
    void aDayOrMonthQuestionIsAnsweredByADateThatNamesOne(String question, String id, String sentence, String phrase) {
        if (phrase == null) {
            assertEquals(List.of(), eligibleOne(question, id, sentence));
        } else {
            assertEquals(phrase, answerPhrase(question, id, sentence));
        }
    }

    @Test
    void theGapOfAFirstInYearsIsNoLengthOfTime() {
        String question = "How long did the direct talks between Russia and Ukraine last?";
        assertEquals(List.of(), eligibleOne(question, "gap-first",
                "The talks are the first direct talks between Russia and Ukraine in three years."));
        assertEquals(List.of(), eligibleOne(question, "gap-first-time",
                "Russia and Ukraine held direct talks for the first time in more than three years."));
        assertEquals("two hours", answerPhrase(question, "gap-length",
                "The first direct talks between Russia and Ukraine lasted two hours."));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Where did Rutte meet the ministers? | The ministers met in Antalya on May 14 to discuss the war. | 1",
        // A country named as the scope: its own news seldom names it, unless the window is set in another one.
        "Which fruit in the US has the most pesticides? | Strawberries top the list of fruits with the most pesticides. | 0",
        "Which fruit in the US has the most pesticides? | In France, strawberries top the list of pesticide fruits. | 1",
        // A country the question is about must be named.
        "Which fruit sold to the US has the most pesticides? | Strawberries top the list of fruits with pesticides. | 1",
        // A state that qualifies the asked-for noun is a scope too; another state sets the window elsewhere, and a
        // state's news may name its country.
        "Which Delaware museum won the award? | Hagley Museum near Wilmington won the award on Friday. | 0",
        "Which Delaware museum won the award? | The U.S. award went to Hagley Museum near Wilmington. | 0",
        "Which Delaware museum won the award? | The Mercer Museum in Pennsylvania won the award. | 1",
    })
    void aStoryWithoutTheQuestionsNameMissesARequiredTerm(String question, String sentence, double missing) {
        PassageHit hit = passages.passage("b" + sentence.hashCode(), "Ministers meet", null, sentence);
        Window w = firstSentence(question, hit);
        assertEquals(missing, w.get(Feature.MISSING_REQUIRED));
        // A name the window lacks costs its share of the anchors either way.
        assertTrue(w.get(Feature.ANCHOR_COVERAGE) < 1, String.valueOf(w.get(Feature.ANCHOR_COVERAGE)));
    }

    @Test
    void aNameSpelledOtherwiseAndAWordInARelatedFormEarnPartOfTheirCredit() {
        // "Zelenskyy" stems to another term than "Zelensky", and "inflationary" to another than "inflation": each
        // is found as a near match only, credited at its constant (coverage is scaled by the terms' IDF weights, so
        // the two shares are read where one term is all there is of its kind).
        PassageHit name = passages.passage("v1", "Kyiv visit", null, "Zelenskyy met the envoy on Monday.");
        assertEquals(CONSTANTS.variantCredit(),
                firstSentence("Who did Zelensky meet?", name).get(Feature.ANCHOR_COVERAGE), 1e-9);
        PassageHit word = passages.passage("v2", "Prices", null, "Economists warned of inflationary pressure.");
        assertEquals(CONSTANTS.relatedFormCredit(),
                firstSentence("Why inflation?", word).get(Feature.FOCUS_COVERAGE), 1e-9);
    }

    @Test
    void anAcronymOfTheStoryIsTheNameTheQuestionSpellsOut() {
        // The question writes the name in full, the story its acronym: each of the name's words earns a variant's credit.
        String question = "Which streaming service signed a deal with World Wrestling Entertainment?";
        PassageHit deal = passages.passage("w1", "Deal", null, "WWE signed a 10-year deal with Netflix on Tuesday.");
        assertEquals(CONSTANTS.variantCredit(), firstSentence(question, deal).get(Feature.ANCHOR_COVERAGE), 1e-9);
        assertEquals(0.0, firstSentence(question, deal).get(Feature.MISSING_REQUIRED));
        // Another name's acronym is no credit.
        PassageHit other = passages.passage("w2", "Deal", null, "AEW signed a 10-year deal with Netflix on Tuesday.");
        assertEquals(0.0, firstSentence(question, other).get(Feature.ANCHOR_COVERAGE), 1e-9);
    }

    @Test
    void aWordNewsWritesInTheQuestionWordsPlaceEarnsARelatedFormsCredit() {
        // analysis/news-synonyms.txt: "speaks" and "spokesman" share no stem nor a long prefix.
        PassageHit said = passages.passage("v4", "Talks", null, "A spokesman gave the date on Monday.");
        assertEquals(CONSTANTS.relatedFormCredit(),
                firstSentence("Who speaks?", said).get(Feature.FOCUS_COVERAGE), 1e-9);
        // A word of no group earns nothing for another one.
        PassageHit other = passages.passage("v5", "Talks", null, "A negotiator gave the date on Monday.");
        assertEquals(0.0, firstSentence("Who speaks?", other).get(Feature.FOCUS_COVERAGE), 1e-9);
    }

    @Test
    void eachSentenceOfAWindowCreditsTheTermsItHolds() {
        // The name is in the first sentence only (as a variant), the focus word in the second (in a related form); the
        // window's anchors take the best sentence's credit, its focus the best single sentence's.
        PassageHit hit = passages.passage("v3", "Kyiv visit", null, "Zelenskyy met the envoy on Monday.",
                "Economists warned of inflationary pressure.");
        WindowFeatures f = features("Why Zelensky on inflation?", List.of(hit), false);
        Window both = f.window(hit, 0, 2);
        assertEquals(CONSTANTS.variantCredit(), both.get(Feature.ANCHOR_COVERAGE), 1e-9);
        assertEquals(CONSTANTS.relatedFormCredit(), both.get(Feature.FOCUS_COVERAGE), 1e-9);
        Window first = f.window(hit, 0, 1);
        assertEquals(CONSTANTS.variantCredit(), first.get(Feature.ANCHOR_COVERAGE), 1e-9);
        assertEquals(0.0, first.get(Feature.FOCUS_COVERAGE), 1e-9);
        // The lead names him, so the second sentence alone keeps the anchor's lesser credit.
        Window second = f.window(hit, 1, 2);
        assertEquals(CONSTANTS.anchorCredit(), second.get(Feature.ANCHOR_COVERAGE), 1e-9);
        assertEquals(CONSTANTS.relatedFormCredit(), second.get(Feature.FOCUS_COVERAGE), 1e-9);
    }

    @Test
    void theWindowsOwnTermsAreTheQuestionsTermsItsSentencesSayAsTheyAre() {
        // Four terms (rutt, chair, meet, antalya): the first sentence says two, the second one more. The passage's
        // context ("Rutte" in the title and the first sentence) and a related form ("chairmanship") are not said.
        PassageHit hit = passages.passage("w1", "Rutte's week", null, "Rutte chaired the summit on Monday.",
                "The talks were held in Antalya.", "The chairmanship passed to the Dutch.");
        WindowFeatures f = features("Did Rutte chair the meeting in Antalya?", List.of(hit), false);
        assertEquals(0.5, f.window(hit, 0, 1).get(Feature.WINDOW_TERMS), 1e-9);
        assertEquals(0.75, f.window(hit, 0, 2).get(Feature.WINDOW_TERMS), 1e-9);
        assertEquals(0.25, f.window(hit, 1, 2).get(Feature.WINDOW_TERMS), 1e-9);
        assertEquals(0.0, f.window(hit, 2, 3).get(Feature.WINDOW_TERMS), 1e-9);
        // The title's share is the article's, whichever window asks.
        assertEquals(0.25, f.window(hit, 1, 2).get(Feature.TITLE_COVERAGE), 1e-9);
        assertEquals(0.25, f.window(hit, 2, 3).get(Feature.TITLE_COVERAGE), 1e-9);
    }

    @Test
    void aPhraseIsAsNearAsItIsInTheSentenceItWasFoundIn() {
        // "Antalya" stands at the same place in both sentences, so the two phrases are equal; the phrase of the window
        // is the second sentence's, four characters after "meeting", and is as near as it is there, not as far as in
        // the first, which says nothing of the question.
        PassageHit hit = passages.passage("n1", "Talks", null, "Tourists from abroad stay in Antalya for its beaches.",
                "Rutte chaired the meeting in Antalya on May 14.");
        Window pair = features("Where did Rutte chair the meeting?", List.of(hit), false).window(hit, 0, 2);
        assertEquals("Antalya", pair.answerEntity().text());
        assertEquals(29, pair.answerEntity().start());
        assertEquals(1 - 4 / 200.0, pair.get(Feature.ENTITY_NEAR), 1e-9);
    }

    @Test
    void aSentenceSaysAnyOfTheQuestionsTermsItHoldsAsTheyAre() {
        AnalysedSentence sentence = AnalysedSentence.of(new Sentence("Rutte chaired the talks in Antalya.", 0, 35));
        assertTrue(sentence.saysAnyOf(Set.of("nato", "antalya")));
        // A related form ("chairmanship") is no term said.
        assertFalse(sentence.saysAnyOf(Set.of("nato", "chairmanship")));
        assertFalse(sentence.saysAnyOf(Set.of()));
    }

    /** What is read of a sentence once, for every question: whether it states something, and whether it points back. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Mark Rutte | false | false",
        "Russia Must Make the Next Move | false | false",
        "Rutte spoke to reporters. | true | false",
        "He said: “No, never.” | true | true",
        "No stop ends these words but a dozen of them or more make a sentence | true | false",
        "Eleven words with no stop at the end are a heading | false | false",
        "He said the ball was in Russia's court. | true | true",
        "The latter chairs the meeting. | true | true",
        "Their delegation arrived on Friday. | true | true",
        "Hewlett said the ball was in Russia's court. | true | false",
        "Theirs was the only delegation. | true | false",
        // A fact box's line states a fact, with a figure, as a sentence does; a page's furniture does not.
        "Trees reported down: 320 | true | false",
        "Peak gust: 141 km/h at Skerry Point | true | false",
        "Updated: 10:24 GMT | false | false",
        "Photo: Dan Rees / Brenmouth Herald | false | false",
        "Venue: Alder Park | false | false",
        "Last updated: 10:24 | false | false",
        "Copyright: 2024 Brenmouth Herald | false | false",
        "By-election turnout: 45% | true | false",
        // A table's row gives its label's figures; a heading with one figure does not.
        "Labour 5 -2 10,887 17.2% | true | false",
        "Liberal Democrat 21 +8 24,118 38.2% | true | false",
        "Election results 2025 | false | false",
        // A correction's account of the error it corrects gives the wrong figures; the sentence after it the right.
        "Correction: An earlier version of this article said the mine would employ 960 people. | false | false",
        "The correct figures are 690 and 2049. | true | false",
    })
    void aSentenceStatesSomethingWhenItEndsLikeOneOrIsLongEnoughAndPointsBackWhenItOpensWithAPronoun(String sentence,
            boolean answerable, boolean pointsBack) {
        AnalysedSentence analysed = AnalysedSentence.of(new Sentence(sentence, 0, sentence.length()));
        assertEquals(answerable, analysed.answerable());
        assertEquals(pointsBack, analysed.pointsBack());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Which Apple product was banned in America? | The Apple Watch was banned in the U.S. after a patent fight.",
        "Which Apple product was banned in the US? | The Apple Watch was banned in America after a patent fight.",
        "Which Apple product was banned in America? | The Apple Watch was banned in the United States on Tuesday.",
        "Which Apple product was banned in Britain? | The Apple Watch was banned in the UK after a patent fight.",
    })
    void aCountryNamedInAnotherFormIsNamed(String question, String sentence) {
        PassageHit hit = passages.passage("c", "Watch ban", null, sentence);
        Window w = firstSentence(question, hit);
        assertEquals(0.0, w.get(Feature.MISSING_REQUIRED));
        // Credited as a spelling variant is: less than the question's own form.
        double anchors = w.get(Feature.ANCHOR_COVERAGE);
        assertTrue(anchors > CONSTANTS.anchorCredit() && anchors < 1, String.valueOf(anchors));
    }

    @Test
    void anotherCountryOrAPaperNamedUsaIsNotTheCountryAsked() {
        PassageHit france = passages.passage("d", "Watch ban", null,
                "The Apple Watch was banned in France after a patent fight.");
        PassageHit paper = passages.passage("e", "Watch ban", null,
                "USA TODAY reports that the Apple Watch was banned after a patent fight.");
        for (PassageHit hit : List.of(france, paper)) {
            Window w = firstSentence("Which Apple product did America ban?", hit);
            assertEquals(1.0, w.get(Feature.MISSING_REQUIRED), hit.stored().passage().text());
        }
    }

    /**
     * A figure of the question that the story gives only in its fourth paragraph, past its lead and outside the
     * passage retrieved (the first paragraph's).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Congress passed a $95.5 billion aid package. | Which app could the $95.5 billion aid package ban? | 0",
        "Congress passed a 2024 aid package.         | Which app could the 2024 aid package ban?         | 0",
        "The park closed on June 13.                 | Which app could the 13 aid package ban?           | 1",
        // A small number given as an amount counts when the story gives the same amount.
        "Congress passed a $95 billion aid package.  | Which app could the $95 billion aid package ban?  | 0",
        "Shares fell 48 percent.                     | Which app's maker saw shares fall 48%?            | 0",
        "Congress passed a $95.5 billion aid package. | Which app could the $95 billion aid package ban? | 1",
        "The bill has 95 pages and costs $2 billion. | Which app could the $95 billion aid package ban?  | 1",
    })
    void aFigureCountsAnywhereInTheStoryUnlessASmallNumber(String fourth, String question, double missing) {
        PassageHit hit = firstOfFourParagraphs("g" + fourth.length(), "TikTok bill",
                "The House voted on a bill that could ban TikTok.", fourth);
        Window w = firstSentence(question, hit);
        assertEquals(missing, w.get(Feature.MISSING_REQUIRED));
    }

    /**
     * The name by which the question points out the story ("the article about …") counts anywhere in it, as a
     * figure does; a name the question asks about must be in the lead, as before.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "What office does the article about the Istanbul Communique attribute to Mark Rutte? | 0",
        "According to the report on the Istanbul Communique, what office does Mark Rutte hold? | 0",
        "Whom did Mark Rutte meet about the Istanbul Communique? | 2",
        "What office does the article about the Minsk Protocol attribute to Mark Rutte? | 2",
    })
    void theStoryANamePointsOutMayNameItAnywhere(String question, double missing) {
        PassageHit hit = firstOfFourParagraphs("topic", "Talks on Ukraine",
                "Mark Rutte, the Prime Minister of the Netherlands, was not at the talks.",
                "The sides then drafted the Istanbul Communique.");
        assertEquals(missing, firstSentence(question, hit).get(Feature.MISSING_REQUIRED));
    }

    /**
     * A person the question names in full, whom the story names in full only past its lead and then by surname: the
     * given name and the suffix count, as news names a person so. Not where the window lacks the surname too, nor
     * where the story never gives the given name.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DeLand was seen in a Decathlon store in Montelimar. | Friends of Kenny DeLand Jr. kept searching. | 0",
        "DeLand was seen in a Decathlon store in Montelimar. | Friends of Kenny DeLand, 20, kept searching. | 0",
        "DeLand was seen in a Decathlon store in Montelimar. | Friends of DeLand kept searching.            | 2",
        "A student was seen in a Decathlon store in Montelimar. | Friends of Kenny DeLand Jr. kept searching. | 3",
    })
    void aGivenNameCountsWhereTheStoryGivesTheSurname(String first, String fourth, double missing) {
        PassageHit hit = firstOfFourParagraphs("n" + (first + fourth).hashCode(), "Missing student", first, fourth);
        assertEquals(missing, firstSentence("In which town was Kenny DeLand Jr. last seen, at a Decathlon store?", hit)
                .get(Feature.MISSING_REQUIRED));
    }

    /**
     * A window that reports on another quarter answers another question, as one about another year does: one more
     * missed than the question's "fourth" already is by a story that does not say it.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Halvorsen results            | Halvorsen Energy reported third-quarter revenue of NOK 8.4 billion. | 2",
        "Halvorsen results            | Halvorsen Energy reported fourth-quarter revenue of NOK 8.4 billion. | 0",
        // A sentence that names no quarter is judged by its story's title.
        "Halvorsen Q3 results         | Halvorsen Energy reported revenue of NOK 8.4 billion.               | 2",
        "Halvorsen full-year results  | Halvorsen Energy reported revenue of NOK 8.4 billion.               | 1",
        // The quarter asked for in other words is named: three months that end with it.
        "Halvorsen results            | Halvorsen Energy's revenue was NOK 8.4 billion in the three months to December 31. | 0",
        "Halvorsen results            | Halvorsen Energy's revenue was NOK 8.4 billion in the three months to September 30. | 2",
        // Another quarter named beside the one asked, in a story about it, is a comparison.
        "Halvorsen fourth-quarter results | Revenue at Halvorsen Energy rose from the third quarter.        | 0",
    })
    void aWindowAboutAnotherQuarterMissesTheQuestion(String title, String sentence, double missing) {
        PassageHit hit = passages.passage("q" + (title + sentence).hashCode(), title, null, sentence);
        assertEquals(missing, firstSentence("What was Halvorsen Energy's fourth-quarter revenue?", hit)
                .get(Feature.MISSING_REQUIRED));
        // A question that names no quarter asks about none.
        assertEquals(0.0, firstSentence("What was Halvorsen Energy's revenue?", hit).get(Feature.MISSING_REQUIRED));
    }

    /**
     * A story's lead is its first two paragraphs of prose: the writer's name and the agency's line that open a fifth of
     * real-news files take none of its places, so a name in the fourth paragraph of such a file, its second of prose, is
     * in its lead, and a name in a third paragraph of prose is not.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Erick Schelzig | The Associated Press                                   | 0",
        "Erick Schelzig | The union hailed a new policy at the plant on Tuesday. | 1",
    })
    void linesThatStateNothingTakeNoPlaceInTheLead(String first, String second, double missing) {
        assertEquals(missing, missingOfLaterPassage(List.of(first, second)));
    }

    /** Yet a lead takes six paragraphs at most, so that a file of short lines has no lead of all of them. */
    @Test
    void aLeadTakesSixParagraphsAtMost() {
        assertEquals(0.0, missingOfLaterPassage(List.of("Alabama", "Alaska", "Arizona")));
        assertEquals(1.0, missingOfLaterPassage(List.of("Alabama", "Alaska", "Arizona", "Arkansas", "California")));
    }

    /**
     * {@link Feature#MISSING_REQUIRED} of a passage past the lead of a story that opens with {@code opening}, then two
     * paragraphs of prose, the second of which names the place asked about. Its {@link Feature#LEAD} is asserted too:
     * the window that opens the story is still its first passage's first (the first of prose was tried, and lost
     * answers: docs/evaluation.md).
     */
    private static double missingOfLaterPassage(List<String> opening) {
        List<String> texts = new ArrayList<>(opening);
        texts.addAll(List.of("NASHVILLE — The union is hailing a new Volkswagen policy.",
                "Not so fast, say workers at Volkswagen's Chattanooga plant.",
                "Sean Moss, the interim president of the workers' group, disagrees."));
        List<Paragraph> paragraphs = new ArrayList<>();
        List<Sentence> sentences = new ArrayList<>();
        int offset = 0;
        for (String text : texts) {
            paragraphs.add(new Paragraph(text, offset, offset + text.length()));
            sentences.add(new Sentence(text, offset, offset + text.length()));
            offset += text.length() + 2;
        }
        Article article = new Article("lead" + String.join("", opening).hashCode(), "Workers at the plant", null, null,
                paragraphs);
        int firstProse = opening.size();
        PassageHit first = hit(article, 0, sentences.subList(0, firstProse + 1));
        PassageHit later = hit(article, 1, sentences.subList(firstProse + 2, firstProse + 3));
        WindowFeatures f = features("Who leads the workers at the Chattanooga plant?", List.of(first, later), false);
        assertEquals(0.0, f.window(first, firstProse, firstProse + 1).get(Feature.LEAD));
        return f.window(later, 0, 1).get(Feature.MISSING_REQUIRED);
    }

    private static PassageHit hit(Article article, int ordinal, List<Sentence> sentences) {
        return new PassageHit(new StoredPassage(article, new Passage(article.id(), ordinal, sentences),
                passages.embedder().embed(sentences.getFirst().text())), 1f);
    }

    /** The passage of an article's first sentence, the article's fourth paragraph past its lead and that passage. */
    private static PassageHit firstOfFourParagraphs(String id, String title, String firstSentence, String fourth) {
        // Paragraphs of prose: a line too short to state anything takes no place in the lead.
        List<String> texts = List.of(firstSentence, "Senators debated it for hours.", "The president spoke at length.",
                fourth);
        List<Paragraph> paragraphs = new ArrayList<>();
        int offset = 0;
        for (String text : texts) {
            paragraphs.add(new Paragraph(text, offset, offset + text.length()));
            offset += text.length() + 2;
        }
        Article article = new Article(id, title, null, null, paragraphs);
        Sentence first = new Sentence(firstSentence, 0, firstSentence.length());
        return new PassageHit(new StoredPassage(article, new Passage(article.id(), 0, List.of(first)),
                passages.embedder().embed(first.text())), 1f);
    }

    /** {@link Feature#AGE} of each hit's first sentence, with all of them retrieved. */
    private static List<Double> ages(PassageHit... hits) {
        WindowFeatures f = features("Who did Macron name prime minister?", List.of(hits), false);
        return java.util.Arrays.stream(hits).map(h -> f.window(h, 0, 1).get(Feature.AGE)).toList();
    }

    private static PassageHit dated(String id, java.time.LocalDate date) {
        return passages.passage(id, "Prime minister named", date == null ? null : date.toString(),
                "Macron named " + id + " prime minister.");
    }

    @Test
    void theNewestRetrievedArticleHasNoAgeAndOlderOnesApproachOne() {
        long halfLife = Math.round(CONSTANTS.ageHalfLifeDays());
        java.time.LocalDate newest = java.time.LocalDate.parse("2024-03-01");
        // Undated: the median of the dated ones, so that it neither wins nor loses on age alone.
        assertEquals(List.of(0.75, 0.5, 0.0, 0.5), ages(dated("Philippe", newest.minusDays(2 * halfLife)),
                dated("undated", null), dated("Attal", newest), dated("Barnier", newest.minusDays(halfLife))));
    }

    @Test
    void undatedArticlesAloneHaveNoAge() {
        assertEquals(List.of(0.0, 0.0), ages(dated("Attal", null), dated("Barnier", null)));
    }

    @Test
    void anArticleDatedAfterTodayDoesNotAgeTheOthers() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        assertEquals(List.of(0.0, 0.0), ages(dated("Attal", java.time.LocalDate.parse("2999-01-01")),
                dated("Barnier", today)));
    }

    @Test
    void ranksAndPronounsAreCounted() {
        PassageHit first = passages.passage("a", "One", null, "Rutte spoke in Antalya on Thursday to reporters.");
        PassageHit second = passages.passage("b", "Two", null, "He said the ball was in Russia's court, in Antalya.");
        WindowFeatures f = features("Where did Rutte speak?", List.of(first, second), false);
        Window w = f.window(second, 0, 1);
        assertEquals(0.5, w.get(Feature.PASSAGE_RANK), 1e-9);
        assertEquals(0.5, w.get(Feature.ARTICLE_RANK), 1e-9);
        assertEquals(1.0, w.get(Feature.ANAPHOR));
    }

    @Test
    void meaningsAreComparedOnlyWhenTheQuestionIsEmbedded() {
        PassageHit hit = passages.passage("a", "Talks", null, "Rutte chairs the meeting in Antalya.",
                "Ministers from thirty two countries attended.");
        WindowFeatures semantic = features("Where does Rutte chair the meeting?", List.of(hit), true);
        Window w = semantic.window(hit, 0, 2);
        assertEquals(1.0, w.get(Feature.EXTRA_SENTENCES));
        assertEquals(0.0, w.get(Feature.SENTENCE_MEANING), "not worked out until asked for");
        Window withSentences = semantic.withSentenceMeaning(w);
        // Bag of words: the first sentence shares most of its words with the question.
        assertEquals(true, withSentences.get(Feature.SENTENCE_MEANING) > 0);
        Window lexical = features("Where does Rutte chair the meeting?", List.of(hit), false).window(hit, 0, 2);
        assertEquals(0.0, lexical.get(Feature.SENTENCE_MEANING));
        assertEquals(lexical, features("Where does Rutte chair the meeting?", List.of(hit), false)
                .withSentenceMeaning(lexical));
    }

    @Test
    void aPassageWithoutAVectorYetIsEmbeddedAsTheIndexWillEmbedIt() {
        // While an index's vectors are being built, BM25 finds passages that have none; their meaning is worked
        // out from the text the build embeds (headline and passage), so it matches the stored vector to come.
        PassageHit read = passages.passage("a", "Talks in Antalya", null, "Rutte chairs the meeting in Antalya.",
                "Ministers from thirty two countries attended.");
        StoredPassage stored = read.stored();
        float[] toCome = passages.embedder().embed(IndexGenerator.embeddingText(stored.article().title(),
                stored.passage()));
        PassageHit pending = new PassageHit(new StoredPassage(stored.article(), stored.passage(), null), 1f);
        PassageHit built = new PassageHit(new StoredPassage(stored.article(), stored.passage(), toCome), 1f);
        String question = "Where does Rutte chair the meeting?";
        Window now = features(question, List.of(pending), true).window(pending, 0, 1);
        Window later = features(question, List.of(built), true).window(built, 0, 1);
        assertTrue(now.semantic() > 0.2, "the question shares words with the passage: " + now.semantic());
        assertEquals(later.semantic(), now.semantic(), 1e-6);
        assertEquals(later.get(Feature.MEANING), now.get(Feature.MEANING), 1e-6);
        // Without the question's vector (BM25 mode) nothing is embedded.
        assertEquals(Double.NaN, features(question, List.of(pending), false).window(pending, 0, 1).semantic());
    }

    /** Chinese and Japanese sentences are one run of characters: counted by whitespace, none could be quoted. */
    @Test
    void aSentenceInAScriptWithoutSpacesCanBeQuoted() {
        assertTrue(WindowFeatures.answerable("地铁18号线全长约33公里，预计明年年底开通。"));
        assertTrue(WindowFeatures.answerable("新しい駅は来年の春に開業する予定です。"));
        assertFalse(WindowFeatures.answerable("地铁新线"), "a heading is still no sentence");
        assertTrue(WindowFeatures.answerable("The council approved the plan on Tuesday."));
        assertFalse(WindowFeatures.answerable("Council approves plan"));
    }

    @Test
    void anArticleIsNewOrOldAgainstTheYearTheQuestionNames() {
        PassageHit philippe = passages.passage("philippe", "Macron names a prime minister", "2017-05-15",
                "French President Emmanuel Macron appointed Edouard Philippe as prime minister.");
        PassageHit attal = passages.passage("attal", "Macron names a prime minister", "2024-01-09",
                "French President Emmanuel Macron appointed Gabriel Attal as prime minister.");
        List<PassageHit> hits = List.of(philippe, attal);
        // Without a year, the newest story is the new one.
        WindowFeatures now = features("Who did Macron appoint as prime minister?", hits, false);
        assertEquals(0.0, now.window(attal, 0, 1).get(Feature.AGE), 1e-9);
        assertTrue(now.window(philippe, 0, 1).get(Feature.AGE) > 0.99);
        // With one, the stories of that year are, and a later one is as far from them as an earlier one would be.
        WindowFeatures then = features("Who did Macron appoint as prime minister in 2017?", hits, false);
        assertEquals(0.0, then.window(philippe, 0, 1).get(Feature.AGE), 1e-9);
        assertEquals(now.window(philippe, 0, 1).get(Feature.AGE), then.window(attal, 0, 1).get(Feature.AGE), 1e-9);
        // A year no retrieved story is dated in, and a year to come, say nothing of the stories' dates.
        for (String question : List.of("Who did Macron appoint as prime minister after the 1995 election?",
                "Who did Macron appoint as prime minister, and will he serve until 2030?")) {
            WindowFeatures f = features(question, hits, false);
            assertEquals(0.0, f.window(attal, 0, 1).get(Feature.AGE), 1e-9, question);
        }
    }
}
