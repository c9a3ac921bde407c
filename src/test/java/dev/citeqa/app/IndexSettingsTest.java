package dev.citeqa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.citeqa.config.CiteQaConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What decides the index: a setting that changes what is indexed rebuilds it, and only such a setting. */
class IndexSettingsTest {

    private static String settings(Map<String, String> values) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withMapping(CiteQaConfig.class);
        values.forEach(builder::withDefaultValue);
        return IndexService.indexSettings(builder.build().getConfigMapping(CiteQaConfig.class));
    }

    @Test
    void meaningsForTheAnswerersKeepTheIndexOfABm25Service() {
        // citeqa.embedding.bm25-answers loads the model for answering, and embeds nothing when indexing.
        assertEquals(settings(Map.of("citeqa.retrieval.mode", "bm25")),
                settings(Map.of("citeqa.retrieval.mode", "bm25", "citeqa.embedding.bm25-answers", "true")));
    }

    @Test
    void embeddingModesHaveAnIndexOfTheirOwn() {
        assertNotEquals(settings(Map.of("citeqa.retrieval.mode", "bm25")), settings(Map.of()));
        assertEquals(settings(Map.of("citeqa.retrieval.mode", "dense")), settings(Map.of()));
        assertNotEquals(settings(Map.of()), settings(Map.of("citeqa.embedding.model", "all-minilm-l6-v2-q")));
    }
}
