package dev.citeqa.answer;

import dev.citeqa.collection.Article;
import dev.citeqa.collection.Paragraph;
import dev.citeqa.collection.Passage;
import dev.citeqa.collection.Sentence;
import dev.citeqa.embed.Embedder;
import dev.citeqa.embed.EmbeddingCache;
import dev.citeqa.index.StoredPassage;
import dev.citeqa.search.PassageHit;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hand-made passages for unit tests, embedded by a bag-of-words {@link EmbeddingModel} instead of the real
 * one: sentences sharing words are similar, sentences sharing none are orthogonal, and nothing is loaded.
 */
public final class TestPassages {

    private final Embedder embedder;

    public TestPassages(Path dir) throws IOException {
        BagOfWords model = new BagOfWords();
        this.embedder = new Embedder(model, EmbeddingCache.open(dir.resolve("embeddings.bin"), model.dimension()));
    }

    public Embedder embedder() {
        return embedder;
    }

    /** One passage of article {@code id}, made of {@code sentences}. */
    public PassageHit passage(String id, String title, String date, String... sentences) {
        List<Sentence> list = new ArrayList<>();
        int offset = 0;
        for (String s : sentences) {
            list.add(new Sentence(s, offset, offset + s.length()));
            offset += s.length() + 1;
        }
        String text = String.join(" ", sentences);
        Article article = new Article(id, title, date, null, List.of(new Paragraph(text, 0, text.length())));
        return new PassageHit(new StoredPassage(article, new Passage(id, 0, list),
                embedder.embed(String.join(" ", sentences))), 1f);
    }

    /** Hashes each lower-cased word into one of 512 dimensions. */
    static final class BagOfWords implements EmbeddingModel {
        private static final int DIMENSION = 512;

        @Override
        public Response<Embedding> embed(String text) {
            float[] v = new float[DIMENSION];
            for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!word.isEmpty()) {
                    v[Math.floorMod(word.hashCode(), DIMENSION)] += 1;
                }
            }
            return Response.from(Embedding.from(v));
        }

        @Override
        public Response<Embedding> embed(TextSegment segment) {
            return embed(segment.text());
        }

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            return Response.from(segments.stream().map(s -> embed(s.text()).content()).toList());
        }

        @Override
        public int dimension() {
            return DIMENSION;
        }
    }
}
