package dev.citeqa.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A text the model cannot embed is left out and counted; it never fails the build it is part of. */
class EmbedderRobustnessTest {

    @TempDir
    Path dir;

    private Embedder embedder(EmbeddingModel model) throws IOException {
        return new Embedder(model, EmbeddingCache.open(dir.resolve("e.bin"), model.dimension()));
    }

    @Test
    void textsWithoutLettersOrDigitsNeverReachTheModel() throws IOException {
        StrictModel model = new StrictModel();
        Embedder embedder = embedder(model);

        List<float[]> vectors = embedder.embedAll(List.of("Real text.", "\u200B\u200B", "• — \uD83C\uDF89",
                "\u00A0\u2060", "More text."));

        assertEquals(List.of("Real text.", "More text."), model.seen);
        assertEquals(3, embedder.notEmbedded());
        assertTrue(Embedder.isNone(vectors.get(1)));
        assertTrue(Embedder.isNone(vectors.get(2)));
        assertTrue(Embedder.isNone(vectors.get(3)));
        assertFalse(Embedder.isNone(vectors.get(0)));
        assertEquals(1f, norm(vectors.get(4)), 1e-5f);
    }

    @Test
    void aTextTheModelRejectsIsLeftOutAndTheRestOfItsBatchIsEmbedded() throws IOException {
        StrictModel model = new StrictModel("poison");
        Embedder embedder = embedder(model);

        List<float[]> vectors = embedder.embedAll(List.of("First text.", "A poison text.", "Last text."));

        assertTrue(Embedder.isNone(vectors.get(1)));
        assertFalse(Embedder.isNone(vectors.get(0)));
        assertFalse(Embedder.isNone(vectors.get(2)));
        assertEquals(1, embedder.notEmbedded());
        // The embedded ones are cached; the refused one is not, and is tried (and counted) again next time.
        model.seen.clear();
        List<float[]> again = embedder.embedAll(List.of("First text.", "A poison text."));
        assertEquals(List.of(), model.seen);
        assertArrayEquals(vectors.get(0), again.get(0));
        assertEquals(2, embedder.notEmbedded());
    }

    @Test
    void aVectorThatIsNotFiniteOrOfAnotherDimensionIsRefused() throws IOException {
        Embedder embedder = embedder(new FixedModel(new float[] {Float.NaN, 1}));
        assertTrue(Embedder.isNone(embedder.embedAll(List.of("Any text.")).getFirst()));
        assertEquals(1, embedder.notEmbedded());
        Embedder wrongSize = new Embedder(new FixedModel(new float[] {1, 2, 3}),
                EmbeddingCache.open(dir.resolve("other.bin"), 2));
        float[] vector = wrongSize.embedAll(List.of("Any text.")).getFirst();
        assertEquals(2, vector.length);
        assertTrue(Embedder.isNone(vector));
    }

    @Test
    void aBrokenModelIsStillAnError() throws IOException {
        Embedder embedder = embedder(new FixedModel(null));
        assertThrows(IllegalStateException.class, () -> embedder.embedAll(List.of("Any text.")));
    }

    @Test
    void aQuestionOfInvisibleCharactersGetsTheZeroVectorWithoutTheModel() throws IOException {
        StrictModel model = new StrictModel();
        Embedder embedder = embedder(model);
        assertTrue(Embedder.isNone(embedder.embed("\u200B\u200B")));
        assertEquals(List.of(), model.seen);
        assertEquals(0, embedder.modelCalls());
    }

    private static float norm(float[] v) {
        float sum = 0;
        for (float f : v) {
            sum += f * f;
        }
        return (float) Math.sqrt(sum);
    }

    /** Returns the same vector for every text; with none, fails as a broken native library would. */
    private record FixedModel(float[] vector) implements EmbeddingModel {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            if (vector == null) {
                throw new IllegalStateException("model failure");
            }
            return Response.from(segments.stream().map(s -> Embedding.from(vector.clone())).toList());
        }

        @Override
        public int dimension() {
            return 2;
        }
    }
}
