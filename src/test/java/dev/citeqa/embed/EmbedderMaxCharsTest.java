package dev.citeqa.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** citeqa.embedding.max-chars: long index-time texts are embedded by their start. */
class EmbedderMaxCharsTest {

    @TempDir
    Path dir;

    /** Records what it is asked to embed; every vector is the text's length, so it is never zero. */
    static final class RecordingModel implements EmbeddingModel {
        final List<String> seen = new ArrayList<>();

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            segments.forEach(s -> seen.add(s.text()));
            return Response.from(segments.stream().map(s -> Embedding.from(new float[] {s.text().length(), 1})).toList());
        }

        @Override
        public int dimension() {
            return 2;
        }
    }

    @Test
    void maxCharsEmbedsOnlyTheStartOfLongTextsCutAtAWord() throws IOException {
        RecordingModel model = new RecordingModel();
        Embedder embedder = new Embedder(model, EmbeddingCache.open(dir.resolve("c.bin"), 2), 12);

        List<float[]> vectors = embedder.embedAll(List.of("short text", "the council approved the budget"));

        assertEquals(List.of("short text", "the council"), model.seen);
        assertEquals(2, vectors.size());
        assertNotNull(vectors.get(1));
    }

    @Test
    void textsSharingTheirStartShareOneModelCall() throws IOException {
        RecordingModel model = new RecordingModel();
        Embedder embedder = new Embedder(model, EmbeddingCache.open(dir.resolve("c.bin"), 2), 12);

        embedder.embedAll(List.of("the council approved the budget", "the council rejected the plan"));

        assertEquals(List.of("the council"), model.seen);
    }

    @Test
    void zeroMaxCharsEmbedsWholeTexts() throws IOException {
        RecordingModel model = new RecordingModel();
        Embedder embedder = new Embedder(model, EmbeddingCache.open(dir.resolve("c.bin"), 2), 0);

        embedder.embedAll(List.of("the council approved the budget"));

        assertEquals(List.of("the council approved the budget"), model.seen);
    }
}
