package dev.citeqa.answer.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/** The train command's own rules, on made-up outcomes and windows: no corpus, index or embedding model. */
class TrainAnswererTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private static TrainAnswerer.Outcome right(double score) {
        return new TrainAnswerer.Outcome(score, true);
    }

    private static TrainAnswerer.Outcome wrong(double score) {
        return new TrainAnswerer.Outcome(score, false);
    }

    @Test
    void theThresholdIsTheHighestScoreThatKeepsAnswerAccuracyWithinTheAllowedLoss() {
        // 3 of 5 right with no threshold (0.6); the bar may cost 0.02, less than one question of five, so it
        // must keep all three right answers: the highest such score is 2, the lowest right one.
        Map<String, List<TrainAnswerer.Outcome>> one = Map.of("news", List.of(right(5), right(4), wrong(3),
                right(2), wrong(1)));
        assertEquals(2.0, TrainAnswerer.threshold(one, QUIET));
    }

    @Test
    void aLargeSetMayGiveUpAnAnswerWithinTheLoss() {
        // 60 right of 100 (0.60): 58 right are enough (0.58), so the two lowest right answers may go.
        List<TrainAnswerer.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            outcomes.add(i < 60 ? right(100 + i) : wrong(i));
        }
        assertEquals(102.0, TrainAnswerer.threshold(Map.of("big", outcomes), QUIET));
        // 20 of 100: 18 are within 0.02 too, although 18 / 100 < 20 / 100 - 0.02 in floating point.
        List<TrainAnswerer.Outcome> fifth = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            fifth.add(i < 20 ? right(100 + i) : wrong(i));
        }
        assertEquals(102.0, TrainAnswerer.threshold(Map.of("fifth", fifth), QUIET));
    }

    @Test
    void everySetKeepsItsAnswersSoTheLowestSetsThresholdWins() {
        Map<String, List<TrainAnswerer.Outcome>> sets = new LinkedHashMap<>();
        sets.put("hard", List.of(right(9), wrong(8), wrong(7)));
        sets.put("small corpus", List.of(right(3), right(2.5), wrong(1)));
        assertEquals(2.5, TrainAnswerer.threshold(sets, QUIET));
    }

    @Test
    void aQuestionTheAnswererRefusedBeforeScoringSetsNoThreshold() {
        // Abstained before any window was scored (-∞): it counts as a question, never as a bar.
        double t = TrainAnswerer.threshold(Map.of("s", List.of(wrong(Double.NEGATIVE_INFINITY), right(4),
                wrong(6))), QUIET);
        assertEquals(4.0, t);
        assertThrows(IllegalArgumentException.class, () -> TrainAnswerer.threshold(Map.of(), QUIET));
        // A set whose every question was refused sets no bar; it must not turn abstention off for all.
        assertThrows(IllegalArgumentException.class, () -> TrainAnswerer.threshold(Map.of("refused",
                List.of(wrong(Double.NEGATIVE_INFINITY), right(Double.NEGATIVE_INFINITY))), QUIET));
    }

    @Test
    void optionsAreCheckedBeforeAnythingRuns() {
        assertEquals(Map.of("--plan", "p.json", "--out", "m.json"),
                TrainAnswerer.options(new String[] {"--plan", "p.json", "--out", "m.json"}));
        // An option without its value would train over the shipped model instead of evaluating it.
        assertThrows(IllegalArgumentException.class, () -> TrainAnswerer.options(new String[] {"--evaluate"}));
        assertThrows(IllegalArgumentException.class,
                () -> TrainAnswerer.options(new String[] {"--evalute", "model.json"}));
        assertThrows(IllegalArgumentException.class,
                () -> TrainAnswerer.options(new String[] {"--objective", "listwise"}));
        assertThrows(IllegalArgumentException.class,
                () -> TrainAnswerer.options(new String[] {"--without", "meaning,colour"}));
        assertThrows(IllegalArgumentException.class,
                () -> TrainAnswerer.options(new String[] {"--out", "a.json", "--out", "b.json"}));
        assertThrows(IllegalArgumentException.class,
                () -> TrainAnswerer.options(new String[] {"--evaluate", "model.json", "--out", "b.json"}));
        for (String other : List.of("--evaluate", "--without", "--objective")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainAnswerer.options(
                    new String[] {"--thresholds", "model.json", other, "pairwise"}));
            assertTrue(e.getMessage().contains(other), e.getMessage());
        }
    }

    private static Window window(double... features) {
        return new Window(null, 0, 0, features, null, Double.NaN, 0);
    }

    @Test
    void eachAnswerWindowIsPairedBothWaysWithAtMostTwentyOthersOfItsQuestion() {
        String[] names = {"a", "b"};
        Map<String, List<Window>> yes = Map.of("q", List.of(window(1, 0)));
        List<Window> others = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            others.add(window(0, i));
        }
        MutableDataset<Label> pairs = TrainAnswerer.pairs(yes, Map.of("q", others), names, w -> { });
        assertEquals(2 * TrainAnswerer.PAIRS_PER_POSITIVE, pairs.size());
        // The first pair: the answer's window minus the first other, then the same negated.
        Example<Label> first = pairs.getExample(0);
        Example<Label> second = pairs.getExample(1);
        assertEquals("yes", first.getOutput().getLabel());
        assertEquals("no", second.getOutput().getLabel());
        assertEquals(1.0, value(first, "a"));
        assertEquals(-1.0, value(second, "a"));
    }

    private static double value(Example<Label> example, String feature) {
        for (var f : example) {
            if (f.getName().equals(feature)) {
                return f.getValue();
            }
        }
        return 0; // Tribuo leaves out features whose value is 0
    }

    @Test
    void theLearnedWeightsFavourTheFeatureThatTellsAnswersApart() {
        // "tells" is higher in every answer's window; "noise" is drawn the same way for both.
        Random random = new Random(5);
        Map<Integer, List<Window>> yes = new HashMap<>();
        Map<Integer, List<Window>> no = new HashMap<>();
        for (int q = 0; q < 200; q++) {
            yes.put(q, List.of(window(0.6 + 0.4 * random.nextDouble(), random.nextDouble())));
            List<Window> bad = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                bad.add(window(0.5 * random.nextDouble(), random.nextDouble()));
            }
            no.put(q, bad);
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        TrainAnswerer.train(TrainAnswerer.pairs(yes, no, new String[] {"tells", "noise"}, w -> { }),
                new String[] {"tells", "noise"}, weights);
        // "yes" against "no" the right way round: a sign error in reading Tribuo's rows would flip this. The
        // bounds are loose (the feature parts the pairs perfectly, so its weight grows well past 1; the noise's
        // stays a small fraction of it), so that they test the direction, not Tribuo's optimiser.
        assertTrue(weights.get("tells") > 1, weights.toString());
        assertTrue(Math.abs(weights.get("noise")) < weights.get("tells") / 4, weights.toString());
    }
}
