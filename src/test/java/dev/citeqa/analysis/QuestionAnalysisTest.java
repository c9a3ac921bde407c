package dev.citeqa.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.analysis.QuestionAnalysis.AnswerType;
import dev.citeqa.analysis.QuestionAnalysis.QuestionTerm;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QuestionAnalysisTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Who is Turkey's foreign minister? | PERSON",
            "Whose legitimacy did Lavrov question? | PERSON",
            "Who is Vladimir Medinsky? | DEFINITION",
            "What cabinet post does Rustem Umerov hold? | DEFINITION",
            "What is Medinsky's job? | DEFINITION",
            "Medinsky's job? | DEFINITION",
            "O'Brien's job? | DEFINITION",
            "What is NATO's role? | OTHER",
            "What is NATO's position? | OTHER",
            "What is NATO's title? | OTHER",
            "Who is Turkey's Defence Minister? | PERSON",
            "Who is NATO Secretary General? | PERSON",
            "What did Dmitry Peskov say about how long the talks would last? | OTHER",
            "What did the mayor tell reporters about when the bridge reopens? | OTHER",
            "How long did the talks last? | DURATION",
            "What has Russia said about who will lead the delegation? | OTHER",
            "What is the name of the man charged with arson? | PERSON",
            "What is the name of the new museum wing? | NAME",
            "What is the name of the player's club? | NAME",
            "Who is Stephen King? | DEFINITION",
            "Who is Prince? | DEFINITION",
            "When did the talks start? | DATE",
            "On which date did Putin suggest holding the talks? | DATE",
            "Where did Rutte chair the meeting? | PLACE",
            "In which city were the talks held? | PLACE",
            "How many allies attended? | NUMBER",
            "What is the population of Antalya? | NUMBER",
            "How hot did it get in Elmstead? | NUMBER",
            "How strong were the gusts during Storm Jorunn? | NUMBER",
            "What was the snowfall in Westlake City? | NUMBER",
            "How long did the round of talks last? | DURATION",
            "Within what period did Rutte expect progress? | DURATION",
            "Which ministry does Umerov run? | ORGANIZATION",
            "What did Rutte praise Turkey for? | OTHER",
            "Which former president scored an Emmy? | PERSON",
            "Which basketball star scored 40,000 points? | PERSON",
            "Which Democratic congressperson called for elections? | PERSON",
            "Which state will host the final? | PLACE",
            "Which holiday will host the fair? | OTHER",
            "Which island nation elected a new leader? | PLACE",
            "Which US state banned the app? | PLACE",
            "Which Democratic state senator resigned? | PERSON",
            "What share of the state's voters turned out? | NUMBER",
            "Which popular flea-and-tick treatment was banned? | OTHER",
            "Which U.S. state banned the app? | PLACE",
            "Which landlocked country held elections? | PLACE",
            "Which minister visited island communities? | PERSON",
            "Which party won state elections? | ORGANIZATION",
            "What are countries doing about it? | OTHER",
            "What happened to port workers? | OTHER",
            "Which of the candidates won? | PERSON",
            "Which airline found loose bolts? | ORGANIZATION",
            "Which tech giant surpassed Apple? | ORGANIZATION",
            "Which large fast food chain is testing dynamic pricing? | ORGANIZATION",
            "Which of the following streaming services signed the deal? | ORGANIZATION",
            "Which US college basketball player was the top pick? | PERSON",
            "Which member of the royal family will take on his duties? | PERSON",
            "Which actor joined the band? | PERSON",
            "Which company did the parties choose? | ORGANIZATION",
            "What is the estimated cost of the project? | NUMBER",
            "What is the name of the spacecraft? | NAME",
            "Coca-Cola is making a new flavor permanent. What is it called? | NAME",
            "What is the mission called? | NAME",
            "What's the new U.S. mission called? | NAME",
            "What was the floating library barge in Wexmouth called? | NAME",
            "What was the senator called to testify about? | OTHER",
            "Which classic video game was finally beaten? | NAME",
            "What was the name of the player who led Smyrna? | PERSON",
            "Insulin makers sell it to more Americans at what price? | NUMBER",
            "What revenue did Fernhill Brewing report for the third quarter? | NUMBER",
            "What sum was earmarked by the council to mend its streets? | NUMBER",
            // The sum's noun only qualifies what is asked for.
            "What spending cuts did the council announce? | OTHER",
            "What kind of investment does the city need? | OTHER",
            "What will the investment do for the town? | OTHER",
            "What is the hottest UK temperature on record? | NUMBER",
            "Which London borough is the cheapest to rent in? | PLACE",
            "Where are the celebrations most popular? | PLACE",
            "Barristers have voted to strike indefinitely from when? | DATE",
            "Where had Fidan just returned from when he visited Kyiv? | PLACE",
            "Which MP will lead the inquiry? | PERSON",
            "Which US government department is at the centre of the row? | ORGANIZATION",
            "Which prestigious tournament kicked off this week? | NAME",
            "Students will do better in what area? | OTHER",
            "Which district court blocked the law? | ORGANIZATION",
            "Which borough council collects the waste? | ORGANIZATION",
            "Which district attorney charged him? | PERSON",
            "Which store manager was fired? | PERSON",
            "Which NATO expert was quoted ahead of the talks? | PERSON",
            "Which war correspondents were detained? | PERSON",
            "Which oil producer cut its output? | OTHER",
            "Which Super Bowl champion visited the White House? | OTHER",
            "Till when?! | DATE",
            // A superlative asks for the one thing of the noun's kind, as "which" does.
            "What is the world’s happiest country? | PLACE",
            "What was the country's largest city? | PLACE",
            "What is the most valuable company in the world? | ORGANIZATION",
            "What is the best place to see the eclipse? | PLACE",
            // A count or a sum named by its noun, as sports, broadcasting and budget news ask for them.
            "What was the attendance at Alder Park when the Hawks beat the Sharks? | NUMBER",
            "What is the capacity of the new stadium? | NUMBER",
            "What was the margin of victory? | NUMBER",
            "What is the projected deficit for 2025? | NUMBER",
            "What was the crowd's reaction to the verdict? | OTHER",
            "What is the state of the economy? | OTHER",
            "What is the biggest company's logo? | OTHER",
            "What was the city's population in 2020? | NUMBER",
            "What is Nordvik Shipping's net profit? | NUMBER",
            "What were the three clubs' wage bills? | NUMBER",
            "What was Nordvik Shipping's turnover? | NUMBER",
            // An owner after a preposition or a verb: the sum is not what is asked for.
            "What is the reason for the company's revenue drop? | OTHER",
            "What was in the chancellor's budget? | OTHER",
            "What was the reaction to the government's budget? | OTHER"})
    void answerTypeFromCueWords(String question, AnswerType expected) {
        assertEquals(expected, QuestionAnalysis.of(question, question).type());
    }

    @Test
    void anEllipticalFollowUpAskingSinceWhenAsksForADate() {
        // The conversation appends the previous question for context; the follow-up's own cue decides.
        assertEquals(AnswerType.DATE, QuestionAnalysis.of("Since when? Who leads the party?", "Since when?").type());
    }

    @Test
    void howOldAsksForAnAgeWithoutTheWordOld() {
        QuestionAnalysis age = QuestionAnalysis.of("How old is Anneke Roos?");
        assertEquals(QuestionAnalysis.Subtype.AGE, age.subtype());
        // The answerer's terms lack "old"; retrieval's tokens keep it.
        assertEquals(List.of("Anneke", "Roos"), age.terms().stream().map(QuestionTerm::surface).toList());
        assertEquals(List.of("old", "Anneke", "Roos"), age.tokens().stream().map(t -> t.surface()).toList());
    }

    @Test
    void howLongIsATunnelAsksForANumberNotATime() {
        assertEquals(AnswerType.NUMBER, QuestionAnalysis.of("How long is the Kaldbjerg tunnel?").type());
        for (String time : List.of("How long will the bridge be closed?", "How long is the strike?",
                "How long is the delay on the line?", "How long was the strike on the railway?",
                "How long is the wait at the border?", "How long is the closure of the bridge?",
                "How long are the delays on the track?", "How long is the line?")) {
            assertEquals(AnswerType.DURATION, QuestionAnalysis.of(time).type(), time);
        }
    }

    @Test
    void aQuestionForSomeonesPostAsksWhoTheyAre() {
        QuestionAnalysis post = QuestionAnalysis.of("What cabinet post does Rustem Umerov hold?");
        assertEquals("Rustem Umerov", post.subject());
        assertEquals(List.of("rustem", "umerov"), post.terms().stream().map(QuestionTerm::term).toList());
    }

    @Test
    void aTerseQuestionForSomeonesJobAsksWhoTheyAre() {
        assertEquals("Medinsky", QuestionAnalysis.of("Medinsky's job?").subject());
        assertEquals("Vladimir Medinsky", QuestionAnalysis.of("What is Vladimir Medinsky's job?").subject());
        assertEquals("Conan O'Brien", QuestionAnalysis.of("What is Conan O'Brien's job?").subject());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Which US state banned the app? | REGION",
            "Which island nation elected a new leader? | COUNTRY",
            "In which city were the talks held? | SETTLEMENT",
            "Where did Rutte chair the meeting? | ANY",
            "Which state senator resigned? | ANY",
            "How much will a 30-second ad cost advertisers? | MONEY",
            "What is the estimated cost of the project? | MONEY",
            "Insulin makers sell it to more Americans at what price? | MONEY",
            "What is the annual licence fee? | MONEY",
            // A sum given out or taken in, however the question says it.
            "How much did the council allocate for road repairs in its 2021 budget? | MONEY",
            "How much did its 2024 budget set aside for parks? | MONEY",
            "How much is the retailer investing in its new store? | MONEY",
            "How much did the firm take in from sales in the first quarter? | MONEY",
            "How much revenue did the shipping line make in Q3 2023? | MONEY",
            "What net profit did the energy supplier report? | MONEY",
            "What overall spending did the council sign off for 2022? | MONEY",
            // Whose sum it is may be said by a name, and money by what it is paid as.
            "What was Brightwell Appliances' annual revenue? | MONEY",
            "What was Halvorsen Energy's fourth-quarter revenue? | MONEY",
            "What is its annual budget? | MONEY",
            "What prize money did the marathon winner receive? | MONEY",
            "What compensation will the families get? | MONEY",
            "What prize did the novel win? | ANY",
            "What was the company's main product? | ANY",
            "How much snow fell in the storm? | ANY",
            "What is the hottest UK temperature on record? | ANY",
            "What is the exchange rate of the yen? | ANY",
            "How much has the cost of living risen? | ANY",
            // A change asked "by how much" is a share or a sum; a vote passed "by how much" is a margin, a count.
            "By how much did Nordvik Shipping's shares fall? | CHANGE",
            "By how much does Keshtar say the dam has reduced the river's flow? | CHANGE",
            "A bill to ban TikTok passed by how much in a House vote? | ANY",
            "What is the national vote share of Labour? | SHARE",
            "What percentage of the population will see it? | SHARE",
            "What was the turnout in the 2015 mayoral election? | TURNOUT",
            "What proportion of the electorate took part when Thornleigh chose its mayor? | TURNOUT",
            "How many registered voters are there in Texas? | ANY",
            "How many voters turned out in the primary? | TURNOUT",
            "How many people turned out for the protest? | ANY",
            "How many people attended? | ANY",
            "Ireland's new prime minister is the youngest ever. How old is he? | AGE",
            "Most children have drunk alcohol by the time they reach what age? | AGE",
            "What is the age of the oldest player? | AGE",
            "What time can Delaware bars start serving alcohol? | TIME",
            "When can Delaware bars start serving alcohol? | ANY",
            "In which month is the tax filing deadline? | MONTH",
            "In which week did the talks resume? | CALENDAR",
            "On which date did Putin suggest the talks? | DAY",
            "On which day of the week did Rubio arrive in Istanbul? | DAY",
            "What time of year do monarchs migrate? | ANY",
            "How many children under the age of five died? | ANY",
            // A length in kilometres or metres, where "how long" otherwise asks for a time.
            "How long is the Kaldbjerg tunnel? | LENGTH",
            "How long will the new flood wall be? | LENGTH",
            "How long are the cycle lanes? | LENGTH",
            "How long will the bridge be closed? | ANY",
            "What is the world's happiest country? | COUNTRY",
            "What was the state's largest city? | SETTLEMENT"})
    void theNarrowerKindAskedFor(String question, QuestionAnalysis.Subtype expected) {
        assertEquals(expected, QuestionAnalysis.of(question).subtype());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "Which airline said this week it found loose bolts on several grounded Boeing 737 Max 9 planes? | airline",
            "Which Scottish university employs the NATO specialist? | university",
            "Which of the following political parties won the most seats? | party",
            "Which US government department is at the centre of a budget battle? | department",
            // A noun names seldom carry: "Microsoft" answers it.
            "Which company surpassed Apple? | none",
            // Asked about the airline's chief, not for the airline.
            "Which airline's chief executive resigned? | none",
            // A noun that qualifies a role asks for a person; a state is a place, not an organisation.
            "Which college basketball player scored 40 points? | none",
            "Which state passed the bill? | none",
            "Who founded the airline? | none"})
    void theWordANameOfTheOrganisationAskedForCarries(String question, String term) {
        assertEquals(term, QuestionAnalysis.of(question).askedNameHead());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "none", delimiter = '|', value = {
            "Which NATO expert was quoted ahead of the Istanbul talks? | expert",
            "Which US college basketball player was the top pick? | player",
            "Which of the candidates won the Iowa caucuses? | candidates",
            "What pop star is being sued for starting her concerts late? | star",
            // No noun, or the noun qualifies what is asked about.
            "Who was quoted ahead of the Istanbul talks? | none",
            "Which airline's chief executive resigned? | none",
            "Which president's plane landed? | none",
            "Which party did the senator join? | none",
            "Who said which candidate would win the race? | none"})
    void theNounAPersonIsAskedForBy(String question, String role) {
        assertEquals(role, QuestionAnalysis.of(question).askedRole());
    }

    @Test
    void theYearsAQuestionNamesAreItsFiguresThatAreYears() {
        assertEquals(Set.of(2017, 2020, 2050),
                QuestionAnalysis.of("What changed between 2017 and 2020, and what is planned for 2050?").years());
        assertEquals(Set.of(2024), QuestionAnalysis.of("Which Oreo cookie was launched in 2024's first month?").years());
        assertEquals(Set.of(), QuestionAnalysis.of("Who won 3,000 votes in 20 states in 1750?").years());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "United Airlines | airline | true",
            "the Labour and Conservative parties | party | true",
            "University of Strathclyde | university | true",
            "Universal Pictures | university | false",
            "Agence France-Presse | agency | false",
            "Hospitality Group | hospital | false"})
    void aNameCarriesTheNounAsAWordInEitherNumber(String name, String head, boolean carries) {
        assertEquals(carries, QuestionAnalysis.carriesNameHead(name, head));
    }

    @Test
    void everyNameHeadIsAnOrganisationNoun() {
        // A name head that no "which …?" cue reads would never be asked for.
        assertTrue(WordLists.load("organisation-nouns").containsAll(WordLists.load("name-heads")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Who was named Director of the Year at this week's Palm gala? | name director year palm gala",
            "Which of the following films was not nominated? | film nomin",
            "What is the name of the new Food Bank center in Milford? | new food bank center milford",
            "Which island nation recently elected a new leader? | island nation elect new leader",
            "Which type of Apple product was banned in America last week? | appl product ban america",
            "What happened at London Fashion Week this year? | happen london fashion week",
            "Who is the Kremlin spokesman mentioned in the coverage of the talks? | kremlin spokesman talk",
            "What office does the article about the summit attribute to Rutte? | offic summit attribut rutt",
            "Who is the top diplomat in these reports? | top diplomat",
            "What did the agency report, according to the article? | agenc report",
            "Who signed up in the Article 5 commitment? | sign up articl 5 commit"})
    void questionFormsLeaveNoTerms(String question, String terms) {
        // "this week" is the asker's time and "the name of" the quiz's framing; "Fashion Week" is a name. "In these
        // reports" names the folder, not anything an article says.
        assertEquals(List.of(terms.split(" ")),
                QuestionAnalysis.of(question).tokens().stream().map(t -> t.term()).toList());
    }

    @Test
    void theTextAndTokensAreTheRewrittenQuestion() {
        QuestionAnalysis q = QuestionAnalysis.of("What was the profit in Q2 2022?");
        assertEquals("What was the profit in second quarter of 2022?", q.text());
        assertEquals(List.of("profit", "second", "quarter", "2022"), q.tokens().stream().map(t -> t.term()).toList());
    }

    @Test
    void namesAndNumbersAreRequiredTerms() {
        QuestionAnalysis q = QuestionAnalysis.of("What budget did Springfield approve in 2021?",
                "What budget did Springfield approve in 2021?");
        assertTrue(term(q, "springfield").required());
        assertTrue(term(q, "2021").required());
        assertFalse(term(q, "budget").required());
        // A day or month names no one, possessive or not: the story may say "on Monday" or give the date.
        QuestionAnalysis draft = QuestionAnalysis.of("Who was the top pick in Monday's WNBA Draft?");
        assertFalse(term(draft, "mondai").required());
        assertTrue(term(draft, "wnba").required());
        assertFalse(term(QuestionAnalysis.of("Who won March’s primary in Ohio?"), "march").required());
    }

    @Test
    void aCountryNamedAsTheScopeIsMarkedSo() {
        // American stories about strawberries seldom say "US"; the answer need not. It is still a name.
        QuestionTerm us = term(QuestionAnalysis.of("Which fruit in the US contains the most pesticides?"), "us");
        assertEquals("US", us.scope());
        assertTrue(us.required());
        QuestionAnalysis across = QuestionAnalysis.of("Which network had an outage across the United States?");
        assertEquals("United States", term(across, "united").scope());
        assertEquals("United States", term(across, "state").scope());
        // The country of the noun asked for: "region of the US" is in the US.
        assertEquals("US", term(QuestionAnalysis.of("Which region of the US was pummeled by rain?"), "us").scope());
        assertEquals("UK", term(QuestionAnalysis.of("What part of the UK saw snow?"), "uk").scope());
        // Where the country is what the question is about, or part of another name, or a state, it is no scope.
        assertNull(term(QuestionAnalysis.of("Which country exports the most goods to the US?"), "us").scope());
        assertNull(term(QuestionAnalysis.of("Which app led in the US App Store?"), "us").scope());
        assertNull(term(QuestionAnalysis.of("Which city in Texas voted?"), "texa").scope());
    }

    @Test
    void theNameThatPointsOutTheStoryIsItsTopic() {
        QuestionAnalysis office = QuestionAnalysis.of(
                "What office does the article about the Istanbul Communique attribute to Mark Rutte?");
        assertTrue(term(office, "istanbul").storyTopic());
        assertTrue(term(office, "communiqu").storyTopic());
        // Still a name the answer must be about, anywhere in its story.
        assertTrue(term(office, "communiqu").required());
        assertFalse(term(office, "rutt").storyTopic());
        assertFalse(term(office, "offic").storyTopic());
        QuestionAnalysis report = QuestionAnalysis.of(
                "According to the report on the Treaty of Paris and Gaza, who signed?");
        assertTrue(term(report, "treati").storyTopic());
        assertTrue(term(report, "gaza").storyTopic());
        // A name the question asks about, or one after a report in lower-case words, is no topic.
        assertFalse(term(QuestionAnalysis.of("Whom did Mark Rutte meet about the Istanbul Communique?"),
                "communiqu").storyTopic());
        assertFalse(term(QuestionAnalysis.of("Which agency wrote the report about drinking water in Flint?"),
                "flint").storyTopic());
    }

    @Test
    void aCountryOrStateQualifyingTheAskedNounIsAScope() {
        // Local news seldom names its own state: "Hagley Museum and Library near Wilmington is a winner".
        QuestionAnalysis museum = QuestionAnalysis.of("Which Delaware museum won the award for open air museums?");
        assertEquals("Delaware", term(museum, "delawar").scope());
        assertTrue(term(museum, "delawar").required());
        assertEquals("New Hampshire", term(QuestionAnalysis.of("Which New Hampshire town voted first?"), "hampshir")
                .scope());
        assertEquals("U.S.", term(QuestionAnalysis.of("Which U.S. state qualified him first?"), "us").scope());
        // Not a party, a league or a country's name that is what the question asks about.
        assertNull(term(QuestionAnalysis.of("Which Republican candidate won Iowa?"), "republican").scope());
        assertNull(term(QuestionAnalysis.of("Which NBA team signed McClung?"), "nba").scope());
        assertNull(term(QuestionAnalysis.of("What did Texas pass this week?"), "texa").scope());
        // After "what", a verb's shape says the place is the subject: the question is about the country itself.
        assertNull(term(QuestionAnalysis.of("What France banned this week was a surprise?"), "franc").scope());
        assertNull(term(QuestionAnalysis.of("What Iran wants from the talks?"), "iran").scope());
        assertEquals("US", term(QuestionAnalysis.of("What US state qualified him first?"), "us").scope());
    }

    @Test
    void aFollowUpAsksForItsOwnKindOfFigure() {
        // The previous question, appended for context, asked for an age; this one asks for a count.
        QuestionAnalysis q = QuestionAnalysis.of("How many children does Varadkar have? How old is Varadkar?",
                "How many children does he have?");
        assertEquals(AnswerType.NUMBER, q.type());
        assertEquals(QuestionAnalysis.Subtype.ANY, q.subtype());
    }

    @Test
    void anAcronymThatIsACommonNounIsNoName() {
        // A story about the firing says "Disney+ streaming series", never "TV".
        QuestionAnalysis q = QuestionAnalysis.of("Which actor is suing Disney over their firing from TV series "
                + "\"The Mandalorian\"?");
        assertTrue(term(q, "disnei").required());
        assertTrue(term(q, "mandalorian").required());
        assertFalse(term(q, "tv").required());
        // Plural, too; and a title stays a name, as "Secretary General" does: the answer names it.
        assertFalse(term(QuestionAnalysis.of("How many EVs did Tesla sell?"), "ev").required());
        assertFalse(term(QuestionAnalysis.of("Which network aired TV's longest debate?"), "tv").required());
        assertTrue(term(QuestionAnalysis.of("Who was named MVP of the game?"), "mvp").required());
        assertTrue(term(QuestionAnalysis.of("Which NATO ally objected?"), "nato").required());
    }

    @Test
    void wordsOnlyTheConversationSuppliedWeighLess() {
        QuestionAnalysis q = QuestionAnalysis.of("And in 2021? What budget did Springfield approve", "And in 2021?");
        assertEquals(1.0, term(q, "2021").weight());
        assertEquals(0.5, term(q, "budget").weight());
        assertEquals(1.0, term(q, "springfield").weight(), "a name the follow-up refers to keeps full weight");
    }

    @Test
    void aFollowUpThatAsksItsOwnQuestionKeepsItsOwnAnswerType() {
        assertEquals(AnswerType.OTHER, QuestionAnalysis.of(
                "What was he honoured for? Who won the Halvorsen Prize in 2013?", "What was he honoured for?").type());
        assertEquals(AnswerType.NUMBER, QuestionAnalysis.of(
                "What about 2020? How many people attended the festival in", "What about 2020?").type(),
                "an elliptical follow-up asks the previous question again");
    }

    private static QuestionTerm term(QuestionAnalysis q, String term) {
        return q.terms().stream().filter(t -> t.term().equals(term)).findFirst().orElseThrow();
    }
}
