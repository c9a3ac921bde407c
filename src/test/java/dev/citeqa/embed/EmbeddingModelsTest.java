package dev.citeqa.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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

    /**
     * The session is built by hand (one thread per call), so prove it is the same model as LangChain4j's stock
     * class: same weights, tokenizer and pooling give the same vectors, up to the order of float additions.
     */
    @ParameterizedTest
    @EnumSource(EmbeddingModels.class)
    void theSingleThreadedSessionEmbedsAsTheStockModelDoes(EmbeddingModels choice) {
        EmbeddingModel stock = choice.loadStock();
        assertTrue(stock.getClass().getName().startsWith("dev.langchain4j."), stock.getClass().getName());
        EmbeddingModel tuned = choice.load();
        assertEquals(384, tuned.dimension());
        List<TextSegment> texts = List.of(TextSegment.from("Who won the 2013-14 Western Counties League?"),
                TextSegment.from("The city council approved the budget after a long debate on Tuesday."));
        List<Embedding> expected = stock.embedAll(texts).content();
        List<Embedding> actual = tuned.embedAll(texts).content();
        for (int i = 0; i < texts.size(); i++) {
            float[] e = Embedder.unit(expected.get(i).vector());
            float[] a = Embedder.unit(actual.get(i).vector());
            assertTrue(dot(e, a) > 0.9999, choice + ": " + dot(e, a));
        }
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
