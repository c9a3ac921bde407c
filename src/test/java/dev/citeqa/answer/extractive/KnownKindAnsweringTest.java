package dev.citeqa.answer.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.answer.Answer;
import dev.citeqa.answer.AnswerRequest;
import dev.citeqa.answer.Citation;
import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.embed.Embedder;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.TinyCorpus;
import dev.citeqa.search.PassageHit;
import dev.citeqa.search.PassageSearcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The answerer end to end, on words alone, where the best-scored window names no phrase of the kind asked for and a
 * lower one does (docs/evaluation.md, "The kind asked for, among the best windows").
 */
class KnownKindAnsweringTest {

    private static CorpusIndex index;
    private static PassageSearcher searcher;
    private static ExtractiveAnswerer answerer;

    @BeforeAll
    static void buildIndex() throws IOException {
        Path root = Files.createTempDirectory("citeqa-kind");
        Path corpus = Files.createDirectories(root.resolve("corpus"));
        // The grounding story repeats every word of the question but "airline"; the airline's story says less.
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
        Files.writeString(corpus.resolve("weather.txt"), """
                Storm brings snow to the plains
                2024-01-09

                A winter storm brought heavy snow to the plains on Monday, forecasters said. Schools closed early.
                """);
        index = TinyCorpus.openIndex(root, corpus, Embedder.none());
        searcher = new PassageSearcher(Embedder.none(), PassageSearcher.Settings.of(CiteQaConfig.defaults().retrieval()));
        answerer = new ExtractiveAnswerer(Embedder.none());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static Answer ask(String question) {
        List<PassageHit> hits = searcher.searchForAnswering(index, QuestionAnalysis.of(question), 8, RetrievalMode.bm25);
        return answerer.answer(AnswerRequest.single(question, hits, index, false));
    }

    @Test
    void whichAirlineIsAnsweredByTheWindowThatNamesOne() {
        Answer answer = ask("Which airline found loose bolts on grounded Boeing 737 Max 9 planes?");
        assertTrue(answer.answered(), answer.text());
        assertTrue(answer.text().contains("United Airlines"), answer.text());
        assertEquals(List.of("inspections"), answer.citations().stream().map(Citation::id).toList());
        assertEquals("United Airlines", answer.answerSpan().text());
    }

    @Test
    void aQuestionOfNoKnownKindKeepsTheBestWindow() {
        // "Which company" names no word a company's name carries: the best window stands.
        Answer answer = ask("Which company found loose bolts on grounded Boeing 737 Max 9 planes?");
        assertTrue(answer.answered(), answer.text());
        assertEquals(List.of("grounded"), answer.citations().stream().map(Citation::id).toList());
    }
}
