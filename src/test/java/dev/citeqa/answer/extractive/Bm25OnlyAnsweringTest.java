package dev.citeqa.answer.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.FailingModel;
import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.answer.Answer;
import dev.citeqa.answer.AnswerRequest;
import dev.citeqa.answer.Citation;
import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.embed.Embedder;
import dev.citeqa.embed.EmbeddingCache;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.TinyCorpus;
import dev.citeqa.search.PassageHit;
import dev.citeqa.search.PassageSearcher;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * BM25 mode runs no model: the index holds no vectors and answers are judged on words alone. Built with
 * {@link Embedder#none()}, which throws if anything asks it for a vector, so these tests also prove that
 * nothing on the BM25 path embeds.
 */
class Bm25OnlyAnsweringTest {

    private static CorpusIndex index;
    /** Stories where the best-scored window names no airline and a lower one does, and one of a team's win. */
    private static CorpusIndex airlines;
    private static PassageSearcher searcher;
    private static ExtractiveAnswerer answerer;

    @BeforeAll
    static void buildIndex() throws IOException {
        Path root = Files.createTempDirectory("citeqa-bm25");
        index = TinyCorpus.openIndex(root, Embedder.none());
        airlines = TinyCorpus.openIndex(root.resolve("airlines"), airlineStories(root.resolve("airlines-corpus")),
                Embedder.none());
        searcher = new PassageSearcher(Embedder.none(), PassageSearcher.Settings.of(CiteQaConfig.defaults().retrieval()));
        answerer = new ExtractiveAnswerer(Embedder.none());
    }

    /** The grounding story repeats every word of the question but "airline"; the airline's story says less. */
    private static Path airlineStories(Path corpus) throws IOException {
        Files.createDirectories(corpus);
        Files.writeString(corpus.resolve("grounded.txt"), """
                Boeing 737 Max 9 planes grounded
                2024-01-08

                All Boeing 737 Max 9 planes were grounded on Saturday after loose bolts were found on several planes, \
                regulators said. Boeing said it supports the decision.
                """);
        Files.writeString(corpus.resolve("inspections.txt"), """
                Boeing 737 Max 9 inspections go on
                2024-01-09

                United Airlines said its engineers found loose parts during inspections. The checks continue this week.
                """);
        Files.writeString(corpus.resolve("lions.txt"), """
                Lions end their playoff drought
                2024-01-15

                The Detroit Lions won a playoff game for the first time in 32 years, beating the Los Angeles Rams \
                24-23 on Sunday night.
                """);
        Files.writeString(corpus.resolve("weather.txt"), """
                Storm brings snow to the plains
                2024-01-09

                A winter storm brought heavy snow to the plains on Monday, forecasters said. Schools closed early.
                """);
        Files.writeString(corpus.resolve("royals.txt"), """
                Royal duties resume
                2024-02-07

                Britain's Prince William returned to royal duties on Wednesday, a palace spokesman said.
                """);
        return corpus;
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
        airlines.close();
    }

    private static Answer ask(String question) {
        return Asking.ask(index, searcher, answerer, question, RetrievalMode.bm25);
    }

    @Test
    void theIndexHasNoVectorsAndDenseRetrievalSaysWhy() {
        assertFalse(index.hasVectors());
        assertNull(index.passage("roads_2019#0").orElseThrow().vector());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> searcher.search(index, "road repairs", 5, RetrievalMode.hybrid));
        assertTrue(e.getMessage().contains("BM25 mode"), e.getMessage());
    }

    @Test
    void wordsAloneStillPickTheYearAskedAndCiteIt() {
        Answer answer = ask("How much did the Springfield council approve for road repairs in 2021?");
        assertTrue(answer.text().contains("$5.8 million"), answer.text());
        assertEquals(List.of("roads_2021"), answer.citations().stream().map(Citation::id).toList());
    }

    @Test
    void aModelThatCouldNotBeLoadedLeavesTheAnswersToWordsAlone() throws IOException {
        // A hybrid service answers from BM25 while its vectors are built, comparing meanings with the model; if
        // the model never loads, its answers are those of words alone, not errors.
        EmbeddingModel broken = new FailingModel();
        Path dir = Files.createTempDirectory("citeqa-broken-model");
        ExtractiveAnswerer withBrokenModel = new ExtractiveAnswerer(new Embedder(broken,
                EmbeddingCache.open(dir.resolve("e.bin"), broken.dimension())));
        for (String question : List.of("How much did the Springfield council approve for road repairs in 2021?",
                "Who won the chess championship in Reykjavik?")) {
            List<PassageHit> hits = searcher.searchForAnswering(index, QuestionAnalysis.of(question), 8,
                    RetrievalMode.bm25);
            Answer semantic = withBrokenModel.answer(AnswerRequest.single(question, hits, index, true));
            Answer words = ask(question);
            assertEquals(words.text(), semantic.text());
            assertEquals(words.answered(), semantic.answered());
        }
    }

    @Test
    void aFactTheCorpusLacksIsStillNotAnswered() {
        assertFalse(ask("How much did the Springfield council approve for road repairs in 2015?").answered());
        assertFalse(ask("Who won the chess championship in Reykjavik?").answered());
    }

    @Test
    void aQuestionWhoseEveryNameTheCorpusLacksIsNotAnswered() {
        // Museums and their directors are in the corpus, Shelbyville is not: whoever the corpus names, it names
        // for another museum.
        Answer unknown = ask("Who is the director of the museum in Shelbyville?");
        assertFalse(unknown.answered(), unknown.text());
        assertTrue(unknown.text().contains("No article mentions \"Shelbyville\""), unknown.text());
        Answer possessive = ask("Who is the director of Shelbyville's museum?");
        assertTrue(possessive.text().contains("No article mentions \"Shelbyville\""), possessive.text());
        // A name of several words is named whole, though each word is a term of its own.
        Answer whole = ask("Who is the director of the Shelbyville Gallery's museum?");
        assertTrue(whole.text().contains("No article mentions \"Shelbyville Gallery\"."), whole.text());
        // Beside a name the corpus has, an unknown one may be another form of a word the story uses.
        Answer beside = ask("Who is the director of the Riverside Museum in Ohio?");
        assertTrue(beside.text().contains("Helena Marsh"), beside.text());
        // An unknown figure alone may be another count of the story's ("15" where it says 14): it only weighs.
        assertFalse(ask("How many officials will the envoy's delegation of 15 have?").text()
                .contains("No article mentions"));
    }

    @Test
    void anUnknownNameIsNamedWholeAsTheQuestionWritesIt() {
        assertEquals("Shelbyville Gallery",
                ExtractiveAnswerer.firstName("Who runs the Shelbyville Gallery?", List.of("Shelbyville", "Gallery")));
        // A whole word, not the start of a longer one ("Marks"); the words after it join only as they follow.
        assertEquals("Mark Ltd", ExtractiveAnswerer.firstName("Do Marks and Mark Ltd trade?", List.of("Mark", "Ltd")));
        assertEquals("Acme", ExtractiveAnswerer.firstName("Did Acme sue Zenith?", List.of("Acme", "Zenith")));
        // A possessive ends the name: "Shelbyville", not "Shelbyville's Grand Gallery".
        assertEquals("Shelbyville", ExtractiveAnswerer.firstName("Who runs Shelbyville's Grand Gallery?",
                List.of("Shelbyville's", "Grand", "Gallery")));
    }

    @Test
    void articlesAreReadOnDemandAndListedByHeader() {
        assertEquals(TinyCorpus.ARTICLES.size(), index.articleCount());
        assertEquals(TinyCorpus.ARTICLES.keySet().stream().sorted().toList(),
                index.articles().stream().map(h -> h.id()).toList());
        assertEquals("Rural clinic reopens", index.article("clinic").orElseThrow().title());
        assertTrue(index.article("no_such_article").isEmpty());
    }

    @Test
    void whichAirlineIsAnsweredByTheBestWindowThatNamesOne() {
        // docs/evaluation.md, "The kind asked for, among the best windows".
        Answer answer = Asking.ask(airlines, searcher, answerer,
                "Which airline found loose bolts on grounded Boeing 737 Max 9 planes?", RetrievalMode.bm25);
        assertTrue(answer.answered(), answer.text());
        assertTrue(answer.text().contains("United Airlines"), answer.text());
        assertEquals(List.of("inspections"), answer.citations().stream().map(Citation::id).toList());
        assertEquals("United Airlines", answer.answerSpan().text());
        // "Which company" names no word a company's name carries: the best window stands.
        Answer company = Asking.ask(airlines, searcher, answerer,
                "Which company found loose bolts on grounded Boeing 737 Max 9 planes?", RetrievalMode.bm25);
        assertTrue(company.answered(), company.text());
        assertEquals(List.of("grounded"), company.citations().stream().map(Citation::id).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // A person is named with the style they are called by, but no other title.
        "Which member of the royal family returned to royal duties on Wednesday?|Prince William",
        // The entity rules read "Detroit Lions" as a person's two capitalised words; asked for a team, it is no one.
        "Which NFL team won its first playoff game in 32 years?|Detroit Lions",
    })
    void thePhraseIsTheNameAsAsked(String question, String phrase) {
        Answer answer = Asking.ask(airlines, searcher, answerer, question, RetrievalMode.bm25);
        assertTrue(answer.answered(), answer.text());
        assertEquals(phrase, answer.answerSpan() == null ? null : answer.answerSpan().text());
    }
}
