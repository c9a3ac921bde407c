package dev.citeqa.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.answer.Answer;
import dev.langchain4j.rag.query.Metadata;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.data.message.UserMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpResolverTest {

    @Test
    void aPersonalPronounBecomesThePreviousAnswersPerson() {
        assertEquals("What did Mark Rutte say about Russia?", FollowUpResolver.resolve(
                "What did he say about Russia?", "Who is the NATO Secretary General?", "Mark Rutte"));
        assertEquals("What is Mark Rutte's role?",
                FollowUpResolver.resolve("What is his role?", "Who chairs NATO?", "Mark Rutte"));
    }

    @Test
    void withoutAnAnswerEntityThePreviousQuestionsNameIsUsed() {
        assertEquals("Where did Hakan Fidan travel?",
                FollowUpResolver.resolve("Where did he travel?", "Who is Hakan Fidan?", null));
    }

    @Test
    void vagueFollowUpsCarryTheQuestionsBeforeThemOnlySoFar() {
        String standalone = "Who is Mark Rutte?";
        for (int i = 0; i < 1_000; i++) {
            standalone = FollowUpResolver.resolve("And then?", standalone, null);
        }
        // Each "And then?" carries the one before it; the oldest context goes once the question would pass the
        // longest a client may ask, at a space.
        assertTrue(standalone.length() <= FollowUpResolver.MAX_CHARS, "length " + standalone.length());
        assertTrue(standalone.length() > FollowUpResolver.MAX_CHARS - "And then?".length() - 1);
        assertTrue(standalone.startsWith("And then? And then?"), standalone);
        assertTrue(standalone.endsWith("And then?"), standalone);
        // The question's own words are never cut, only what it carries.
        String longQuestion = "And what of it " + "x".repeat(1_990) + "?";
        assertEquals(longQuestion, FollowUpResolver.resolve(longQuestion, "Who is Mark Rutte?", null));
    }

    @Test
    void itsStandsForTheOneNameThePreviousQuestionAskedAbout() {
        assertEquals("By how much did Nordvik Shipping's shares fall?", FollowUpResolver.resolve(
                "By how much did its shares fall?", "What was Nordvik Shipping's net loss?", "$86 million"));
        // A person asked for is no "its".
        assertEquals("By how much did Nordvik Shipping's shares fall?", FollowUpResolver.resolve(
                "By how much did its shares fall?", "Who is the chief executive of Nordvik Shipping?", "Astrid Holm"));
        // A follow-up that names its own owner of "its", or asks for one, is left to it (and, being vague, carries the
        // previous question as before).
        assertEquals("What did Apple say about its earnings? What was Nordvik Shipping's net loss?", FollowUpResolver.resolve(
                "What did Apple say about its earnings?", "What was Nordvik Shipping's net loss?", null));
        assertEquals("Which company raised its prices? What was Nordvik Shipping's net loss?", FollowUpResolver.resolve(
                "Which company raised its prices?", "What was Nordvik Shipping's net loss?", null));
        // What else the follow-up leaves vague still carries the previous question.
        assertEquals("And what was Bramwell Home Stores's net profit in that quarter? What revenue did Bramwell Home "
                + "Stores report for the fourth quarter of 2021?", FollowUpResolver.resolve(
                "And what was its net profit in that quarter?",
                "What revenue did Bramwell Home Stores report for the fourth quarter of 2021?", null));
        // Asked for a company, "its" may be the answer's: the previous question is carried instead. So with two
        // names, or none.
        assertEquals("Where is its head office? Which company won the Alder River contract?", FollowUpResolver.resolve(
                "Where is its head office?", "Which company won the Alder River contract?", null));
        assertEquals("What was its revenue? What did Nordvik tell Halvorsen?", FollowUpResolver.resolve(
                "What was its revenue?", "What did Nordvik tell Halvorsen?", null));
    }

    @Test
    void aPronounWithNoPersonToStandForCarriesThePreviousQuestion() {
        // "the Halvorsen Prize" cannot be "he"; without a person the follow-up is as vague as "it".
        assertEquals("What was he honoured for? Who won the Halvorsen Prize in 2013?",
                FollowUpResolver.resolve("What was he honoured for?", "Who won the Halvorsen Prize in 2013?", null));
    }

    @Test
    void aTitleAloneIsNoPersonToStandFor() {
        // A language model's answer has no answer phrase: the previous question's title is all there is, and it is
        // no name ("Where did General chair …").
        assertEquals("Where did he chair the meeting? Who is the NATO Secretary General?", FollowUpResolver.resolve(
                "Where did he chair the meeting?", "Who is the NATO Secretary General?", null));
        assertEquals("What did he say? Who is the Attorney General of Texas?",
                FollowUpResolver.resolve("What did he say?", "Who is the Attorney General of Texas?", null));
        assertEquals("What did Mark Rutte say?",
                FollowUpResolver.resolve("What did he say?", "What did Secretary General Mark Rutte say?", null));
    }

    @Test
    void aVagueOrEllipticalFollowUpCarriesThePreviousQuestion() {
        assertEquals("Where was it held? When was the NATO summit?",
                FollowUpResolver.resolve("Where was it held?", "When was the NATO summit?", null));
        // The new year replaces the old one instead of asking about both.
        assertEquals("And in 2021? How much did Springfield spend on roads in ?",
                FollowUpResolver.resolve("And in 2021?", "How much did Springfield spend on roads in 2019?", null));
    }

    @Test
    void anOpeningAndBeforeAQuestionThatNamesItsSubjectCarriesNothing() {
        assertEquals("And who founded SpaceX?",
                FollowUpResolver.resolve("And who founded SpaceX?", "Who is the chief executive of Tesla?", null));
        assertEquals("Also, which ministry did Hakan Fidan lead?", FollowUpResolver.resolve(
                "Also, which ministry did Hakan Fidan lead?", "Who is Turkey's foreign minister?", null));
        // Without a name of its own it goes on from the previous question, as does "what about".
        assertEquals("And how many people died? Where did the earthquake strike?",
                FollowUpResolver.resolve("And how many people died?", "Where did the earthquake strike?", null));
        assertEquals("And what about Russia? What did Rutte say about Ukraine?",
                FollowUpResolver.resolve("And what about Russia?", "What did Rutte say about Ukraine?", null));
        // A month, a weekday or "I" names nothing new.
        assertEquals("And how many died in March? Where did the earthquake strike?",
                FollowUpResolver.resolve("And how many died in March?", "Where did the earthquake strike?", null));
        assertEquals("And what happened on Monday? Where did the earthquake strike?",
                FollowUpResolver.resolve("And what happened on Monday?", "Where did the earthquake strike?", null));
        assertEquals("And what should I know? Where did the earthquake strike?",
                FollowUpResolver.resolve("And what should I know?", "Where did the earthquake strike?", null));
    }

    @Test
    void aStandaloneQuestionIsLeftAlone() {
        assertEquals("Who is Turkey's foreign minister?", FollowUpResolver.resolve(
                "Who is Turkey's foreign minister?", "Who is the NATO Secretary General?", "Mark Rutte"));
    }

    @Test
    void theFirstQuestionOfAConversationIsNotRewritten() {
        ConversationStore store = new ConversationStore(10, Duration.ofMinutes(5), 5);
        FollowUpResolver resolver = new FollowUpResolver(store);
        UserMessage message = UserMessage.from("What did he say?");
        Query query = Query.from("What did he say?", Metadata.from(message, "c1", List.of()));
        assertEquals("What did he say?", resolver.transform(query).iterator().next().text());

        store.getOrCreate("c1").record("Who is Hakan Fidan?", "Who is Hakan Fidan?",
                new Answer("Hakan Fidan is Turkey's foreign minister. [x]", true, List.of(), "extractive", List.of(),
                        "Hakan Fidan"));
        assertEquals("What did Hakan Fidan say?", resolver.transform(query).iterator().next().text());
    }

    /** "And the Russian Foreign Minister?" asks the previous question of a new subject, not both at once. */
    @Test
    void aNewSubjectTakesTheOldOnesPlaceInAnIdentityQuestion() {
        String second = FollowUpResolver.resolve("And the Russian Foreign Minister?",
                "Who is the NATO Secretary General?", "Mark Rutte");
        assertEquals("Who is the Russian Foreign Minister?", second);
        assertEquals("Who is the U.S. Secretary of State?",
                FollowUpResolver.resolve("What about the U.S. Secretary of State?", second, "Sergey Lavrov"));
        assertEquals("Who is Mark Rutte?", FollowUpResolver.resolve("And Mark Rutte?", "Who is Hakan Fidan?", null));
        // Not a role for a name, nor a role that drops what the old one was of: the question is carried instead.
        assertEquals("And Ankara? What is the population of Antalya?",
                FollowUpResolver.resolve("And Ankara?", "What is the population of Antalya?", null));
        assertEquals("And the prime minister? Who is the president of France?",
                FollowUpResolver.resolve("And the prime minister?", "Who is the president of France?", null));
        assertEquals("Who is the president of Italy?",
                FollowUpResolver.resolve("And the president of Italy?", "Who is the president of France?", null));
        // A subject that points back is read with the previous question, as before.
        assertEquals("And the one before Mark Rutte?", FollowUpResolver.resolve("And the one before him?",
                "Who is the NATO Secretary General?", "Mark Rutte"));
        // Not a name or a role for a role, a possessive or a verb: the question is carried instead.
        for (String[] turn : new String[][] {{"And Ankara?", "What is Antalya's population?"},
                {"And SpaceX?", "Who is Tesla's CEO?"}, {"And Biden?", "What is Trump saying about tariffs?"},
                {"And the EU?", "Who is the NATO Secretary General?"},
                {"And the deputy?", "Who is the NATO Secretary General?"},
                {"And a year ago?", "Who is the NATO Secretary General?"}}) {
            assertEquals(turn[0] + " " + turn[1], FollowUpResolver.resolve(turn[0], turn[1], null));
        }
        // A question of its own after "And" stays one.
        assertEquals("And Who founded SpaceX?", FollowUpResolver.resolve("And Who founded SpaceX?",
                "Who is the NATO Secretary General?", null));
    }

    /** Thanks and greetings ask nothing: the previous question is not asked again under them. */
    @Test
    void thanksAndGreetingsCarryNoQuestion() {
        for (String turn : List.of("Thanks!", "hi", "OK, got it", "Thank you very much.", "Great, thanks")) {
            assertEquals(turn, FollowUpResolver.resolve(turn, "Who is the NATO Secretary General?", "Mark Rutte"));
        }
        // A question after the thanks is still one.
        assertEquals("Thanks, and where is Mark Rutte now?", FollowUpResolver.resolve("Thanks, and where is he now?", "Who is the NATO Secretary General?",
                        "Mark Rutte"));
    }
}
