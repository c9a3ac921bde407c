package dev.citeqa.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.citeqa.index.CorpusIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What start-up pays to reopen an existing index: the first {@link CorpusIndex#open} in a fresh JVM (class
 * loading included, as in the service), then the median of five more opens. Also the index's size on disk.
 *
 * <pre>IndexOpenTime --data DIR --out FILE</pre>
 */
public final class IndexOpenTime {

    private IndexOpenTime() {}

    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        Path index = VectorSearchBench.newestIndex(Path.of(a.get("data", null)));
        ObjectNode out = new ObjectMapper().createObjectNode().put("index", index.toString())
                .put("bytes", VectorSearchBench.sizeOf(index));
        long started = System.nanoTime();
        try (CorpusIndex opened = CorpusIndex.open(index)) {
            out.put("firstOpenMs", (System.nanoTime() - started) / 1e6).put("articles", opened.articleCount())
                    .put("passages", opened.passageCount());
        }
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            CorpusIndex.open(index).close();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        out.put("reopenMedianMs", ms[ms.length / 2]);
        Files.writeString(Path.of(a.get("out", null)), out.toPrettyString());
        System.err.println(out);
    }
}
