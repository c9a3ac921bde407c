package dev.citeqa.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A model as strict as the real one, without its weights: like its tokenizer, it drops invisible characters
 * and rejects the whole batch ({@code IllegalArgumentException}) when a text has no tokens left, or holds one
 * of the {@code refused} words. Vectors are pseudo-random per text, never zero. It records what it was asked.
 */
public final class StrictModel implements EmbeddingModel {

    public static final int DIM = 8;

    private final Set<String> refused;
    public final List<String> seen = new CopyOnWriteArrayList<>();

    public StrictModel(String... refused) {
        this.refused = Set.of(refused);
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        for (TextSegment s : segments) {
            String tokens = s.text().replaceAll("[\\p{Cf}\\p{Cc}]", "").strip();
            if (tokens.isEmpty() || refused.stream().anyMatch(s.text()::contains)) {
                throw new IllegalArgumentException("Cannot embed empty or whitespace-only text");
            }
        }
        segments.forEach(s -> seen.add(s.text()));
        return Response.from(segments.stream().map(s -> {
            Random random = new Random(s.text().hashCode());
            float[] v = new float[DIM];
            for (int i = 0; i < DIM; i++) {
                v[i] = random.nextFloat() + 0.01f;
            }
            return Embedding.from(v);
        }).toList());
    }

    @Override
    public int dimension() {
        return DIM;
    }
}
