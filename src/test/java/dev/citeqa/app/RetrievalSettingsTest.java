package dev.citeqa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.citeqa.config.CiteQaConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Retrieval settings out of their range are refused at start-up, naming the key: boosts Lucene would refuse at
 * query time, word-leader counts that mean nothing below zero, and a share outside 0..1.
 */
class RetrievalSettingsTest {

    private static CiteQaConfig with(String key, String value) {
        return new SmallRyeConfigBuilder().withMapping(CiteQaConfig.class).withDefaultValue(key, value).build()
                .getConfigMapping(CiteQaConfig.class);
    }

    @ParameterizedTest
    @CsvSource({"citeqa.retrieval.title-boost, -0.5", "citeqa.retrieval.anchor-boost, NaN",
            "citeqa.retrieval.bm25-name-boost, -1", "citeqa.retrieval.bm25-name-boost, Infinity",
            "citeqa.retrieval.word-leaders, -1", "citeqa.retrieval.word-leader-slack, -2",
            "citeqa.retrieval.asked-year-boost, -0.1", "citeqa.retrieval.asked-year-boost, 1.5",
            "citeqa.retrieval.asked-year-boost, NaN"})
    void aSettingOutOfRangeStopsStartUp(String key, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CiteQaBeans().searcher(with(key, value), null, null));
        assertEquals(key, e.getMessage().substring(0, key.length()), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"citeqa.retrieval.title-boost, 0", "citeqa.retrieval.bm25-name-boost, 1.5",
            "citeqa.retrieval.word-leaders, 0", "citeqa.retrieval.word-leader-slack, 0",
            "citeqa.retrieval.asked-year-boost, 0", "citeqa.retrieval.asked-year-boost, 1"})
    void aSettingAtTheEdgeOfItsRangeIsAccepted(String key, String value) {
        assertNotNull(new CiteQaBeans().searcher(with(key, value), null, null));
    }
}
