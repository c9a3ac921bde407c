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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
    void aModelFileMissingANumberOrCarryingAnUnknownOneIsRefused() throws IOException {
        java.nio.file.Path dir = Files.createTempDirectory("citeqa-model");
        java.nio.file.Path shipped = dir.resolve("shipped.json");
        AnswererModel.load().write(shipped);
        assertEquals(AnswererModel.load(), AnswererModel.read(shipped));
        String json = Files.readString(shipped);
        java.nio.file.Path missing = Files.writeString(dir.resolve("missing.json"),
                json.replaceFirst("\\s*\"voterTerms\" : [0-9.]+,", ""));
        assertThrows(IOException.class, () -> AnswererModel.read(missing));
        java.nio.file.Path renamed = Files.writeString(dir.resolve("renamed.json"),
                json.replace("\"voterTerms\"", "\"fullCoverage\""));
        assertThrows(IOException.class, () -> AnswererModel.read(renamed));
    }

    @Test
    void aModelNamingAnUnknownFeatureIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> model(Map.of("shoeSize", 1.0), 0, 0));
    }

    private static final Entity RUTTE = new Entity(Kind.PERSON, "Mark Rutte", 0, 10);
    private static final Entity STOLTENBERG = new Entity(Kind.PERSON, "Jens Stoltenberg", 0, 16);
    private static final QuestionAnalysis NATO_CHIEF = QuestionAnalysis.of("Who is the NATO Secretary General?");
    private static final AnswerVote VOTE = new AnswerVote(0.7);

    @Test
    void theAnswerMostArticlesGiveWinsTheVote() {
        Window odd = window("a", 1.0, 0, STOLTENBERG, 0.9);
        Window one = window("b", 1.0, 0, RUTTE, 0.7);
        Window two = window("c", 1.0, 0, RUTTE, 0.8);
        // The strongest window of the winning answer is quoted.
        assertSame(two, VOTE.winner(NATO_CHIEF, List.of(odd, one, two), odd));
        // One article is one vote, however many of its windows name the answer: a tie, which the best keeps.
        Window sameArticle = window("b", 1.0, 0, RUTTE, 0.8);
        assertSame(odd, VOTE.winner(NATO_CHIEF, List.of(odd, one, sameArticle), odd));
        // The best window votes whatever its words; a tie goes to it, two articles outvote it.
        Window partial = window("d", 0.5, 0, STOLTENBERG, 0.95);
        assertSame(partial, VOTE.winner(NATO_CHIEF, List.of(partial, one), partial));
        assertSame(two, VOTE.winner(NATO_CHIEF, List.of(partial, one, two), partial));
        // A phrase of stop words names no answer, and such phrases do not pool their articles' votes.
        Window the = window("e", 1.0, 0, new Entity(Kind.NAME, "The", 0, 3), 0.6);
        Window of = window("f", 1.0, 0, new Entity(Kind.NAME, "Of", 0, 2), 0.5);
        assertSame(odd, VOTE.winner(NATO_CHIEF, List.of(odd, the, of), odd));
        // A question that asks for no kind of phrase has nothing to vote on.
        assertSame(odd, VOTE.winner(QuestionAnalysis.of("Why did talks fail?"), List.of(odd, one, two), odd));
    }

    @Test
    void oneTemperatureInTwoStylesIsOneAnswer() {
        QuestionAnalysis hottest = QuestionAnalysis.of("How hot did it get in Elmstead?");
        Window odd = window("a", 1.0, 0, new Entity(Kind.NUMBER, "34.0C", 0, 5), 0.9);
        Window one = window("b", 1.0, 0, new Entity(Kind.NUMBER, "32.6C", 0, 5), 0.7);
        Window two = window("c", 1.0, 0, new Entity(Kind.NUMBER, "32.6 degrees", 0, 12), 0.8);
        assertSame(two, VOTE.winner(hottest, List.of(odd, one, two), odd));
    }

    @Test
    void aWindowWhoseOwnWordsMissTheQuestionDoesNotVote() {
        // "Russian Foreign Minister Sergey Lavrov" in stories about Ukraine, for Ukraine's foreign minister: its
        // passage covers the question, its own words hold two of its three terms.
        Window one = window("b", 1.0, 0, RUTTE, 0.7);
        Window lavrov1 = window("e", 1.0, 0.67, 0, STOLTENBERG, 0.6);
        Window lavrov2 = window("f", 1.0, 0.67, 0, STOLTENBERG, 0.6);
        assertSame(one, VOTE.winner(NATO_CHIEF, List.of(one, lavrov1, lavrov2), one));
        Window stated1 = window("e", 1.0, 0.7, 0, STOLTENBERG, 0.6);
        Window stated2 = window("f", 1.0, 0.7, 0, STOLTENBERG, 0.5);
        assertSame(stated1, VOTE.winner(NATO_CHIEF, List.of(one, stated1, stated2), one));
    }

    @Test
    void onlyTheBestRescoredWindowsVote() {
        Window odd = window("a", 1.0, 0, STOLTENBERG, 0.9);
        Window late1 = window("b", 1.0, 0, RUTTE, 0.5);
        Window late2 = window("c", 1.0, 0, RUTTE, 0.4);
        // Windows with no answer between the best and the two that agree: the two vote only if they are among
        // the best RESCORED.
        assertSame(odd, VOTE.winner(NATO_CHIEF, withFillers(ExtractiveAnswerer.RESCORED - 2, odd, late1, late2),
                odd));
        assertSame(late1, VOTE.winner(NATO_CHIEF, withFillers(ExtractiveAnswerer.RESCORED - 3, odd, late1, late2),
                odd));
    }

    @Test
    void asAskedForAKindTheVoteIsAmongTheBestWindowsOfThatKind() {
        Entity united = new Entity(Kind.ORGANIZATION, "United Airlines", 0, 15);
        Entity alaska = new Entity(Kind.ORGANIZATION, "Alaska Airlines", 0, 15);
        Entity boeing = new Entity(Kind.ORGANIZATION, "Boeing", 0, 6);
        QuestionAnalysis whichAirline = QuestionAnalysis.of("Which airline found loose bolts?");
        Predicate<Window> airline = w -> w.answerEntity() == united || w.answerEntity() == alaska;
        Window planes = window("p", 1.0, 0, boeing, 0.9);
        Window united1 = window("u1", 1.0, 0, united, 0.6);
        Window alaska1 = window("a1", 1.0, 0, alaska, 0.5);
        Window united2 = window("u2", 1.0, 0, united, 0.4);
        // The best window of the kind, unless two articles agree on another answer of it.
        assertSame(united1, VOTE.amongKind(whichAirline, List.of(planes, alaska1, united1), airline, planes));
        assertSame(alaska1, VOTE.amongKind(whichAirline, List.of(planes, alaska1), airline, planes));
        Window alaska2 = window("a2", 1.0, 0, alaska, 0.45);
        assertSame(alaska1, VOTE.amongKind(whichAirline, List.of(planes, united1, alaska1, alaska2), airline,
                planes));
        // None of the kind among the best RESCORED: the window given stands.
        assertSame(planes, VOTE.amongKind(whichAirline,
                withFillers(ExtractiveAnswerer.RESCORED - 1, planes, united2), airline, planes));
        assertSame(united2, VOTE.amongKind(whichAirline,
                withFillers(ExtractiveAnswerer.RESCORED - 2, planes, united2), airline, planes));
        assertSame(planes, VOTE.amongKind(whichAirline, List.of(planes), airline, planes));
    }

    /** The windows, and {@code fillers} windows naming no answer, scored between the first and the rest. */
    private static List<Window> withFillers(int fillers, Window first, Window... rest) {
        List<Window> windows = new ArrayList<>(List.of(first));
        for (int i = 1; i <= fillers; i++) {
            windows.add(window("n" + i, 1.0, 0, null, first.score() - i * 0.01));
        }
        windows.addAll(List.of(rest));
        return windows;
    }

    @Test
    void abstentionFollowsTheThresholdAndTheMissingNameRule() {
        Abstention abstention = new Abstention(1.0, 1.0);
        QuestionAnalysis why = QuestionAnalysis.of("Why did talks fail?");
        assertNull(abstention.reason(why, window("a", 1, 0, null, 1.2), false));
        assertEquals("No passage answers the question closely enough.",
                abstention.reason(why, window("a", 1, 0, null, 0.8), false));
        assertEquals("No passage is about everything the question names.",
                abstention.reason(why, window("a", 1, 1, null, 5.0), false));
        // The window quoted names it in another form ("French" for "France's"): the threshold alone decides.
        assertNull(abstention.reason(why, window("a", 1, 1, null, 5.0), true));
        assertEquals("No passage answers the question closely enough.",
                abstention.reason(why, window("a", 1, 1, null, 0.8), true));
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
