package dev.citeqa.answer.extractive;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every number that decides what the extractive answerer quotes, as data: the weights of its window scorer, the
 * score below which it abstains, and the constants its evidence uses. The shipped file,
 * {@code src/main/resources/answerer/model.json}, is written by the {@code train} command from labelled
 * questions (docs/evaluation.md says how, and on which questions); its {@code made} entry records that.
 *
 * @param made how the file was made: command, training questions, date
 * @param weights by {@link Feature#key()}; a feature the file does not name weighs 0
 * @param bias added to every window's score
 * @param minScore a best window scoring below this is not quoted: the answerer abstains
 * @param minScoreWithoutMeaning the same when meanings are not compared (BM25 mode): the meaning features then
 *     add nothing, so scores run lower
 * @param evidence the constants of {@link WindowFeatures}
 */
record AnswererModel(Map<String, String> made, Map<String, Double> weights, double bias, double minScore,
        double minScoreWithoutMeaning, Evidence evidence) {

    static final String RESOURCE = "/answerer/model.json";

    // Strict both ways: a number the file lacks would read as 0 and silently change answers (a voterTerms of 0
    // lets every window vote), and one the code no longer reads is a file made for other code.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    /**
     * @param variantCredit credit for a spelling variant of a name ("Medinski" for "Medinsky")
     * @param relatedFormCredit credit for a related word form ("ministry" for "minister")
     * @param contextCredit credit for a question word found in the passage but not the window
     * @param anchorCredit credit for a name or number found in the passage or the article's lead but not the
     *     window: a story names its subject once, and later sentences refer back to it
     * @param anchorShare share of the names and figures in a question's coverage, the rest going to the words
     *     that say what is asked about them
     * @param semanticFloor cosine similarity of unrelated text for the embedding model
     * @param semanticSpan distance from the floor to the similarity of a paraphrase
     * @param voterTerms share of the question's terms a window's own words hold when it votes for its answer
     *     ({@link AnswerVote})
     * @param ageHalfLifeDays how much older than the newest retrieved article an article is when its
     *     {@link Feature#AGE} is half-way to 1
     */
    record Evidence(double variantCredit, double relatedFormCredit, double contextCredit, double anchorCredit,
            double anchorShare, double semanticFloor, double semanticSpan, double voterTerms,
            double ageHalfLifeDays) {

        /** Cosine similarity mapped to 0 (unrelated) .. 1 (paraphrase). */
        double similarity(double cosine) {
            return Math.max(0, Math.min(1, (cosine - semanticFloor) / semanticSpan));
        }

        /**
         * How much of the question a text says: the names and figures found, and the other words found, mixed by
         * {@link #anchorShare} when the question has both, else the one share it has (0 when it has neither).
         */
        double said(double anchorsFound, double anchorsTotal, double focusFound, double focusTotal) {
            if (anchorsTotal == 0 || focusTotal == 0) {
                double total = anchorsTotal + focusTotal;
                return total == 0 ? 0 : (anchorsFound + focusFound) / total;
            }
            return anchorShare * anchorsFound / anchorsTotal + (1 - anchorShare) * focusFound / focusTotal;
        }
    }

    AnswererModel {
        made = made == null ? Map.of() : Map.copyOf(made);
        weights = Map.copyOf(weights);
        for (String name : weights.keySet()) {
            if (Arrays.stream(Feature.values()).noneMatch(f -> f.key().equals(name))) {
                throw new IllegalArgumentException("unknown feature in the answerer model: " + name);
            }
        }
    }

    /** The shipped model. */
    static AnswererModel load() {
        try (InputStream in = AnswererModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return JSON.readValue(in, AnswererModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the answerer model " + RESOURCE, e);
        }
    }

    static AnswererModel read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), AnswererModel.class);
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        // Keys in a fixed order, so that a retrained file differs from the last one only where its numbers do.
        JSON.writerWithDefaultPrettyPrinter().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .writeValue(file.toFile(), this);
    }

    /** The weights in {@link Feature} order. */
    double[] weightVector() {
        double[] w = new double[Feature.values().length];
        for (Feature f : Feature.values()) {
            w[f.ordinal()] = weights.getOrDefault(f.key(), 0.0);
        }
        return w;
    }

    AnswererModel withWeights(Map<String, Double> newWeights, double newBias, double newMinScore,
            double newMinScoreWithoutMeaning, Map<String, String> newMade) {
        return new AnswererModel(new LinkedHashMap<>(newMade), newWeights, newBias, newMinScore,
                newMinScoreWithoutMeaning, evidence);
    }
}
