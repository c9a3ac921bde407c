package dev.citeqa.answer.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.citeqa.analysis.EntityTagger.Entity;
import dev.citeqa.analysis.EntityTagger.Kind;
import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.answer.TestPassages;
import dev.citeqa.search.PassageHit;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scorer, the vote and abstention, each on windows made by hand. */
class StagesTest {

    private static TestPassages passages;

    @BeforeAll
    static void setUp() throws IOException {
        passages = new TestPassages(Files.createTempDirectory("citeqa-stages"));
    }

    private static Window window(String article, double coverage, double missing, Entity entity, double score) {
        return window(article, coverage, coverage, missing, entity, score);
    }

    /** @param ownTerms the share of the question's terms in the window's own words */
    private static Window window(String article, double coverage, double ownTerms, double missing, Entity entity,
            double score) {
        PassageHit hit = passages.passage(article, "T", null, "A sentence about it.");
        double[] f = new double[Feature.values().length];
        f[Feature.COVERAGE.ordinal()] = coverage;
        f[Feature.WINDOW_TERMS.ordinal()] = ownTerms;
        f[Feature.MISSING_REQUIRED.ordinal()] = missing;
        return new Window(hit, 0, 1, f, entity, Double.NaN, score);
    }

    private static AnswererModel model(Map<String, Double> weights, double bias, double minScore) {
        AnswererModel shipped = AnswererModel.load();
        return new AnswererModel(Map.of(), weights, bias, minScore, minScore, shipped.evidence());
    }

    @Test
    void theScoreIsTheWeightedSumOfTheFeaturesPlusTheBias() {
        WindowScorer scorer = new WindowScorer(model(Map.of("coverage", 2.0, "missingRequired", -1.0), 0.5, 0));
        assertEquals(0.5 + 2 * 0.75 - 1 * 2, scorer.score(window("a", 0.75, 2, null, 0).features()), 1e-12);
    }

    @Test
    void aModelNamingAnUnknownFeatureIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> model(Map.of("shoeSize", 1.0), 0, 0));
    }

    @Test
    void theAnswerMostArticlesAssertWinsTheVote() {
        Entity rutte = new Entity(Kind.PERSON, "Mark Rutte", 0, 10);
        Entity stoltenberg = new Entity(Kind.PERSON, "Jens Stoltenberg", 0, 16);
        Window odd = window("a", 1.0, 0, stoltenberg, 0.9);
        Window one = window("b", 1.0, 0, rutte, 0.7);
        Window two = window("c", 1.0, 0, rutte, 0.8);
        QuestionAnalysis question = QuestionAnalysis.of("Who is the NATO Secretary General?");
        assertSame(two, new AnswerVote(0.9).winner(question, List.of(odd, one, two), odd));
        // A window that does not state the whole question does not vote.
        Window partial = window("d", 0.5, 0, stoltenberg, 0.95);
        assertSame(partial, new AnswerVote(0.9).winner(question, List.of(partial, one), partial));
        // Nor does one that covers the question only with its passage's words ("Russian Foreign Minister Sergey
        // Lavrov" in a story about Ukraine, for Ukraine's foreign minister), however many articles it is in.
        Window lavrov1 = window("e", 1.0, 0.67, 0, stoltenberg, 0.6);
        Window lavrov2 = window("f", 1.0, 0.67, 0, stoltenberg, 0.6);
        assertSame(one, new AnswerVote(0.9).winner(question, List.of(one, lavrov1, lavrov2), one));
        // Nor does a question that asks for no kind of phrase.
        assertSame(odd, new AnswerVote(0.9).winner(QuestionAnalysis.of("Why did talks fail?"),
                List.of(odd, one, two), odd));
    }

    @Test
    void abstentionFollowsTheThresholdAndTheMissingNameRule() {
        Abstention abstention = new Abstention(1.0, 1.0);
        QuestionAnalysis why = QuestionAnalysis.of("Why did talks fail?");
        assertNull(abstention.reason(why, window("a", 1, 0, null, 1.2)));
        assertEquals("No passage answers the question closely enough.",
                abstention.reason(why, window("a", 1, 0, null, 0.8)));
        assertEquals("No passage is about everything the question names.",
                abstention.reason(why, window("a", 1, 1, null, 5.0)));
        // A figure the windows lack is settled before this stage (WindowFeaturesTest, the eligible windows).
        assertEquals("No passage gives the number asked for.",
                Abstention.noFigure(QuestionAnalysis.of("How many visitors came?")));
        assertEquals("No passage gives the year asked for.",
                Abstention.noFigure(QuestionAnalysis.of("In which year did Rutte take office?")));
        assertEquals("No passage gives the length of time asked for.",
                Abstention.noFigure(QuestionAnalysis.of("How long did the talks last?")));
        assertNull(Abstention.askedFigure(why));
    }

    @Test
    void featureNamesInTheModelFileAreLowerCamelCase() {
        assertEquals("anchorCoverage", Feature.ANCHOR_COVERAGE.key());
        assertEquals("coverage", Feature.COVERAGE.key());
    }
}
