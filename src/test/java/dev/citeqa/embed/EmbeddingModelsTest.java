package dev.citeqa.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.EmbeddingModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("model")
class EmbeddingModelsTest {

    @Test
    void anUnknownNameIsRefusedWithTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EmbeddingModels.named("bge"));
        assertTrue(e.getMessage().contains("citeqa.embedding.model"), e.getMessage());
        assertTrue(e.getMessage().contains("all-minilm-l6-v2-q"), e.getMessage());
    }

    /** The MiniLM artifact is an older release than the ONNX runtime it runs on: prove that they work together. */
    @Test
    void miniLmLoadsAndPlacesRelatedTextsCloser() {
        EmbeddingModel model = EmbeddingModels.named("all-minilm-l6-v2-q").load();
        assertEquals(384, model.dimension());
        float[] council = Embedder.unit(model.embed("The city council approved the budget").content().vector());
        float[] spending = Embedder.unit(model.embed("Councillors passed the spending plan").content().vector());
        float[] football = Embedder.unit(model.embed("The striker scored twice in the final").content().vector());
        assertTrue(dot(council, spending) > dot(council, football) + 0.1);
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
