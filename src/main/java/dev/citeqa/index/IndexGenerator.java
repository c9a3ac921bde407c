package dev.citeqa.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.citeqa.collection.Article;
import dev.citeqa.collection.ArticleParser;
import dev.citeqa.collection.NewsCollection;
import dev.citeqa.collection.Passage;
import dev.citeqa.collection.PassageChunker;
import dev.citeqa.collection.Sentence;
import dev.citeqa.collection.SentenceSplitter;
import dev.citeqa.embed.Embedder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.jboss.logging.Logger;

/** Writes a fresh index of a scanned corpus into an empty folder: parse, clean, chunk, embed, index. */
public final class IndexGenerator {

    private static final Logger LOG = Logger.getLogger(IndexGenerator.class);
    static final ObjectMapper JSON = new ObjectMapper();

    private final PassageChunker chunker;
    private final Embedder embedder;

    public IndexGenerator(PassageChunker chunker, Embedder embedder) {
        this.chunker = chunker;
        this.embedder = embedder;
    }

    public record Stats(int articles, int passages, int skipped) {}

    /** One article with everything the index stores for it. */
    private record Parsed(Article article, List<Passage> passages) {}

    public Stats build(NewsCollection.Scan scan, Path target, String fingerprint) throws IOException {
        List<Parsed> parsed = new ArrayList<>();
        int skipped = scan.skipped().size();
        for (NewsCollection.SourceFile file : scan.files()) {
            var article = ArticleParser.parse(file.id(), file.text());
            if (article.isEmpty()) {
                LOG.warnf("Skipping %s.txt: no article text is left after removing page boilerplate", file.id());
                skipped++;
                continue;
            }
            List<Sentence> sentences = SentenceSplitter.split(file.text(), article.get().paragraphs());
            parsed.add(new Parsed(article.get(), chunker.chunk(file.id(), sentences)));
        }

        // Embed everything in one pass so the model sees full batches and the log shows one progress count.
        List<String> passageTexts = new ArrayList<>();
        List<String> sentenceTexts = new ArrayList<>();
        for (Parsed p : parsed) {
            for (Passage passage : p.passages()) {
                passageTexts.add(embeddingText(p.article().title(), passage));
                passage.sentences().forEach(s -> sentenceTexts.add(s.text()));
            }
        }
        boolean embed = embedder.available();
        List<float[]> passageVectors = embed ? embedder.embedAll(passageTexts) : null;
        List<float[]> sentenceVectors = embed ? embedder.embedAll(sentenceTexts) : null;

        IndexWriterConfig config = new IndexWriterConfig(NewsAnalyzer.forText())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
        int passageCount = 0;
        int sentenceCount = 0;
        try (Directory dir = FSDirectory.open(target); IndexWriter writer = new IndexWriter(dir, config)) {
            for (Parsed p : parsed) {
                writer.addDocument(articleDocument(p.article()));
                for (Passage passage : p.passages()) {
                    Document doc = passageDocument(p.article(), passage);
                    if (embed) {
                        addVectors(doc, passageVectors.get(passageCount), sentenceVectors.subList(sentenceCount,
                                sentenceCount + passage.sentences().size()));
                    }
                    writer.addDocument(doc);
                    passageCount++;
                    sentenceCount += passage.sentences().size();
                }
            }
            // The fingerprint rides in the commit itself, so an index can never claim a corpus it lacks.
            writer.setLiveCommitData(Map.of(IndexConstants.COMMIT_FINGERPRINT, fingerprint).entrySet());
            writer.commit();
        }
        return new Stats(parsed.size(), passageCount, skipped);
    }

    /** The title gives a passage its context: "he said" means little without knowing the story. */
    public static String embeddingText(String title, Passage passage) {
        return title + "\n" + passage.text();
    }

    private static Document articleDocument(Article article) throws JsonProcessingException {
        Document doc = new Document();
        doc.add(new StringField(IndexConstants.KIND, IndexConstants.KIND_ARTICLE, Field.Store.NO));
        doc.add(new StringField(IndexConstants.ARTICLE_ID, article.id(), Field.Store.YES));
        doc.add(new StoredField(IndexConstants.ARTICLE_JSON, JSON.writeValueAsString(article)));
        doc.add(new StoredField(IndexConstants.ARTICLE_HEADER, JSON.writeValueAsString(ArticleHeader.of(article))));
        return doc;
    }

    private static Document passageDocument(Article article, Passage passage) {
        Document doc = new Document();
        doc.add(new StringField(IndexConstants.KIND, IndexConstants.KIND_PASSAGE, Field.Store.NO));
        doc.add(new StringField(IndexConstants.ARTICLE_ID, passage.articleId(), Field.Store.YES));
        doc.add(new StringField(IndexConstants.PASSAGE_KEY, passage.key(), Field.Store.YES));
        doc.add(new TextField(IndexConstants.TITLE, article.metadataText(), Field.Store.NO));
        doc.add(new TextField(IndexConstants.BODY, passage.text(), Field.Store.NO));
        for (Sentence s : passage.sentences()) {
            doc.add(new StoredField(IndexConstants.SENTENCE, s.text()));
            doc.add(new StoredField(IndexConstants.SENTENCE_START, s.start()));
            doc.add(new StoredField(IndexConstants.SENTENCE_END, s.end()));
        }
        return doc;
    }

    private static void addVectors(Document doc, float[] vector, List<float[]> sentenceVectors) {
        doc.add(new KnnFloatVectorField(IndexConstants.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        doc.add(new StoredField(IndexConstants.SENTENCE_VECTORS, pack(sentenceVectors)));
    }

    static byte[] pack(List<float[]> vectors) {
        int dim = vectors.isEmpty() ? 0 : vectors.getFirst().length;
        ByteBuffer buffer = ByteBuffer.allocate(vectors.size() * dim * Float.BYTES);
        for (float[] v : vectors) {
            for (float f : v) {
                buffer.putFloat(f);
            }
        }
        return buffer.array();
    }

    static List<float[]> unpack(BytesRef bytes, int count) {
        List<float[]> vectors = new ArrayList<>(count);
        if (count == 0) {
            return vectors;
        }
        var floats = ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).asFloatBuffer();
        int dim = floats.remaining() / count;
        for (int i = 0; i < count; i++) {
            float[] v = new float[dim];
            floats.get(v);
            vectors.add(v);
        }
        return vectors;
    }
}
