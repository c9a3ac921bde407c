package dev.citeqa.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.citeqa.embed.EmbeddingModels;
import dev.citeqa.index.IndexConstants;
import dev.citeqa.index.IndexGenerator;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.VectorUtil;

/**
 * HNSW query latency as the number of vectors grows, with float and with scalar-quantised vectors.
 *
 * <pre>
 * VectorSearchBench --data DIR --questions FILE --work DIR --out FILE [--model ...] [--sizes 1000,2000,...]
 * </pre>
 *
 * <p>The vectors are real: the passage embeddings of the newest index under {@code --data}, so the sizes
 * measured go up to its passage count. For each size the first n vectors are indexed
 * alone, in one segment, then searched for the top 50 (the application's retrieval depth) with distinct
 * embedded questions. Recall@10 is the share of the exact top ten (brute-force dot products) that the graph
 * finds.
 */
public final class VectorSearchBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIELD = "v";
    private static final int K = 50;
    private static final int QUERIES = 200;

    private VectorSearchBench() {}

    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        List<float[]> pool = readVectors(newestIndex(Path.of(a.get("data", null))));
        EmbeddingModel model = EmbeddingModels.named(a.get("model", EmbeddingModels.BGE_SMALL_EN_V15_Q.id())).load();
        List<String> questions = Questions.read(Path.of(a.get("questions", null)));
        List<float[]> queries = questions.stream().limit(QUERIES)
                .map(q -> VectorUtil.l2normalize(model.embed(q).content().vector(), false)).toList();
        Path work = Path.of(a.get("work", null));
        List<Integer> sizes = new ArrayList<>(Arrays.stream(a.ints("sizes", "1000,2000,5000,10000,20000,50000"))
                .filter(n -> n < pool.size()).boxed().toList());
        sizes.add(pool.size());

        ObjectNode out = JSON.createObjectNode().put("poolVectors", pool.size()).put("k", K)
                .put("queries", queries.size());
        ArrayNode rows = out.putArray("rows");
        for (int n : sizes) {
            List<float[]> vectors = pool.subList(0, n);
            for (boolean quantized : new boolean[] {false, true}) {
                ObjectNode row = rows.addObject().put("vectors", n).put("format", quantized ? "int7" : "float32");
                measure(vectors, queries, quantized, work.resolve(n + (quantized ? "-q" : "-f")), row);
                System.err.println(row);
            }
        }
        Files.writeString(Path.of(a.get("out", null)), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
    }

    private static void measure(List<float[]> vectors, List<float[]> queries, boolean quantized, Path dir,
            ObjectNode row) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(256);
        if (quantized) {
            config.setCodec(IndexGenerator.QUANTIZED_VECTORS);
        }
        long started = System.nanoTime();
        try (Directory d = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(d, config)) {
            for (float[] v : vectors) {
                Document doc = new Document();
                doc.add(new KnnFloatVectorField(FIELD, v, VectorSimilarityFunction.DOT_PRODUCT));
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
        }
        row.put("buildSeconds", (System.nanoTime() - started) / 1e9).put("bytes", sizeOf(dir));
        try (Directory d = FSDirectory.open(dir); DirectoryReader reader = DirectoryReader.open(d)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (int i = 0; i < 3; i++) {
                for (float[] q : queries) {
                    searcher.search(new KnnFloatVectorQuery(FIELD, q, K), K);
                }
            }
            double[] micros = new double[queries.size()];
            double recall = 0;
            for (int i = 0; i < queries.size(); i++) {
                long t = System.nanoTime();
                ScoreDoc[] hits = searcher.search(new KnnFloatVectorQuery(FIELD, queries.get(i), K), K).scoreDocs;
                micros[i] = (System.nanoTime() - t) / 1e3;
                recall += recallAt10(hits, exactTop10(vectors, queries.get(i)));
            }
            Arrays.sort(micros);
            row.put("p50Us", micros[micros.length / 2]).put("p99Us", micros[(int) (micros.length * 0.99)])
                    .put("recallAt10", recall / queries.size());
        }
    }

    private static Set<Integer> exactTop10(List<float[]> vectors, float[] q) {
        return new HashSet<>(IntStream.range(0, vectors.size()).boxed()
                .sorted(Comparator.comparingDouble(i -> -VectorUtil.dotProduct(vectors.get(i), q))).limit(10)
                .toList());
    }

    private static double recallAt10(ScoreDoc[] hits, Set<Integer> exact) {
        return Arrays.stream(hits).limit(10).filter(h -> exact.contains(h.doc)).count() / 10.0;
    }

    /** The passage vectors of an index. */
    private static List<float[]> readVectors(Path index) throws IOException {
        List<float[]> passages = new ArrayList<>();
        try (Directory d = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(d)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexConstants.VECTOR);
                if (values == null) {
                    throw new IllegalArgumentException(index + " has no vectors: was it built in BM25 mode?");
                }
                for (int ord = 0; ord < values.size(); ord++) {
                    passages.add(values.vectorValue(ord).clone());
                }
            }
        }
        return passages;
    }

    static Path newestIndex(Path data) throws IOException {
        try (Stream<Path> children = Files.list(data)) {
            return children.filter(p -> p.getFileName().toString().startsWith("index-"))
                    .max(Comparator.comparing(p -> p.getFileName().toString()))
                    .orElseThrow(() -> new IllegalArgumentException("no index-* folder in " + data));
        }
    }

    static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
