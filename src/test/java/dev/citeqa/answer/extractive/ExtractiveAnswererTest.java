package dev.citeqa.answer.extractive;

import dev.citeqa.config.CiteQaConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.TestModels;
import dev.citeqa.answer.Answer;
import dev.citeqa.answer.Citation;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.embed.Embedder;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.TinyCorpus;
import dev.citeqa.search.PassageSearcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Answers over the {@link TinyCorpus}: the right sentence, the right citation, or an abstention. */
@Tag("model")
class ExtractiveAnswererTest {

    private static Path root;
    private static CorpusIndex index;
    private static PassageSearcher searcher;
    private static ExtractiveAnswerer answerer;

    @BeforeAll
    static void buildIndex() throws IOException {
        root = Files.createTempDirectory("citeqa-answer");
        Embedder embedder = TestModels.embedder(root.resolve("data"));
        index = TinyCorpus.openIndex(root, embedder);
        searcher = new PassageSearcher(embedder, PassageSearcher.Settings.of(CiteQaConfig.defaults().retrieval()));
        answerer = new ExtractiveAnswerer(embedder);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static Answer ask(String question) {
        return Asking.ask(index, searcher, answerer, question, RetrievalMode.hybrid);
    }

    private static void assertAnswer(Answer answer, String phrase, String articleId) {
        assertTrue(answer.answered(), answer.text());
        assertTrue(answer.text().contains(phrase), answer.text());
        assertTrue(answer.text().contains("[" + articleId + "]"), "marker after the sentence: " + answer.text());
        assertEquals(List.of(articleId), answer.citations().stream().map(Citation::id).toList());
    }

    @Test
    void theYearAskedPicksTheNearDuplicate() {
        assertAnswer(ask("How much did the Springfield council approve for road repairs in 2021?"), "$5.8 million",
                "roads_2021");
        assertAnswer(ask("How much did the Springfield council approve for road repairs in 2019?"), "$4.2 million",
                "roads_2019");
    }

    @Test
    void aStoryDatedInTheYearAskedButAboutAnotherIsNotTheAnswer() {
        assertAnswer(ask("How much did the Springfield council set aside for road repairs in 2021?"), "$5.8 million",
                "roads_2021");
        assertAnswer(ask("How much did the Springfield council set aside for road repairs in 2022?"), "$6.1 million",
                "roads_2022");
    }

    @Test
    void aYearNoArticleMentionsIsNotGuessed() {
        Answer answer = ask("How much did the Springfield council approve for road repairs in 2015?");
        assertFalse(answer.answered(), answer.text());
        assertTrue(answer.text().startsWith(Answer.NOT_IN_CORPUS));
        assertEquals(List.of(), answer.citations());
    }

    @Test
    void whoIsANameIsAnsweredWithTheDescription() {
        assertAnswer(ask("Who is Clara Voss?"), "a veteran diplomat", "profile");
        assertAnswer(ask("What position does Clara Voss hold?"), "a veteran diplomat", "profile");
    }

    @Test
    void numberPlaceAndPersonQuestionsFindTheirAnswerType() {
        assertAnswer(ask("How many officials will Voss lead?"), "14 officials", "profile");
        assertAnswer(ask("Where will the water summit take place?"), "Lisbon", "profile");
        // Both Springfield stories name the mayor; either is a correct source.
        Answer mayor = ask("Who is the mayor of Springfield?");
        assertTrue(mayor.text().contains("Ana Lopez"), mayor.text());
        assertTrue(mayor.citations().get(0).id().startsWith("roads_"));
    }

    @Test
    void theAnswerMostArticlesGiveOutvotesTheClosestOddOne() {
        Answer director = ask("Who is the director of the Riverside Museum?");
        assertTrue(director.text().contains("Helena Marsh"), director.text());
        assertTrue(List.of("museum_wing", "museum_board").contains(director.citations().get(0).id()));
    }

    /** The museum's stories name its director, and no chairman: none of their windows can say who chairs it. */
    @Test
    void anOfficeNoStoryNamesIsNotAnsweredByAnotherOfTheSameBody() {
        Answer answer = ask("Who is the chairman of the Riverside Museum?");
        assertFalse(answer.answered(), answer.text());
        assertTrue(answer.text().contains("names who holds that title"), answer.text());
    }

    /** The clinic's story says what "the physician" did, and names nobody: it cannot tell who. */
    @Test
    void aWhoQuestionIsNotAnsweredByAWindowThatNamesNoOne() {
        assertAbstains("Who prescribed antibiotics at the rural clinic?", "names anyone");
        assertAbstains("What is the name of the physician who prescribed antibiotics at the rural clinic?",
                "names anyone");
        assertAnswer(ask("Who opened the new wing of the Riverside Museum?"), "Helena Marsh", "museum_wing");
    }

    /**
     * The clinic's story names the office ("The physician …") but no one who holds it; the council's stories name
     * only its mayor, whom the answer phrase passes over as the holder of another office.
     */
    @Test
    void aTitleHolderQuestionIsNotAnsweredByAWindowThatNamesNoOne() {
        assertAbstains("Who is the physician at the rural clinic?", "names who holds that title");
        assertAbstains("Who is the secretary of the Springfield city council?", "names who holds that title");
    }

    private static void assertAbstains(String question, String reason) {
        Answer answer = ask(question);
        assertFalse(answer.answered(), question + " " + answer.text());
        assertTrue(answer.text().contains(reason), answer.text());
    }

    @Test
    void durationsAndSumsOfMoneyDoNotCountThings() {
        Answer answer = ask("How many visitors came to the opening of the museum wing?");
        assertFalse(answer.answered(), "\"two hours\" and \"$12\" count no visitors: " + answer.text());
        assertAnswer(ask("For how many hours did visitors queue at the museum wing?"), "two hours", "museum_wing");
    }

    @Test
    @Disabled("The learned model abstains here (score below its threshold): paraphrases are a known miss, "
            + "docs/evaluation.md, \"What the answerer gets wrong\"")
    void aParaphraseIsAnsweredThroughEmbeddings() {
        assertAnswer(ask("Which medicine did the doctor give for the illness?"), "antibiotics", "clinic");
    }

    @Test
    void aFactTheCorpusLacksIsNotAnswered() {
        assertFalse(ask("What is the population of Lisbon?").answered());
        assertFalse(ask("Who is the chief executive of Apple?").answered());
        assertFalse(ask("What did the president say about inflation?").answered());
    }

    @Test
    void theAnswerIsOneToThreeSentencesNotAPassage() {
        Answer answer = ask("How many officials will Voss lead?");
        String withoutMarker = answer.text().replaceAll("\\s*\\[[^]]+]", "");
        assertTrue(withoutMarker.split("(?<=[.!?])\\s+").length <= 3, answer.text());
        Citation c = answer.citations().get(0);
        assertTrue(c.snippet().contains("14 officials"));
        assertTrue(c.end() > c.start());
    }
}
