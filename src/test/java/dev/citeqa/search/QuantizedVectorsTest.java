package dev.citeqa.search;

import dev.citeqa.config.CiteQaConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeqa.TestModels;
import dev.citeqa.collection.PassageChunker;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.embed.Embedder;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.IndexConstants;
import dev.citeqa.index.IndexGenerator;
import dev.citeqa.index.IndexManager;
import dev.citeqa.index.TinyCorpus;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.index.LeafReaderContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code citeqa.embedding.quantized=true}: the index is written with quantised vectors and searched as before. */
@Tag("model")
class QuantizedVectorsTest {

    @TempDir
    Path root;

    @Test
    void quantisedVectorsAreWrittenAndStillFindAParaphrase() throws IOException {
        Embedder embedder = TestModels.embedder(root.resolve("data"));
        IndexGenerator generator = new IndexGenerator(PassageChunker.ofSentences(3, 1), embedder, true);
        try (CorpusIndex index = new IndexManager(root.resolve("data"), TinyCorpus.write(root.resolve("corpus")),
                1_000_000, "test", generator).openOrBuild().index()) {
            for (LeafReaderContext leaf : index.searcher().getIndexReader().leaves()) {
                assertEquals("Lucene99HnswScalarQuantizedVectorsFormat", leaf.reader().getFieldInfos()
                        .fieldInfo(IndexConstants.VECTOR).getAttribute("PerFieldKnnVectorsFormat.format"));
            }
            PassageSearcher searcher = new PassageSearcher(embedder, PassageSearcher.Settings.of(CiteQaConfig.defaults().retrieval()));
            assertEquals("clinic", searcher.search(index, "Which medicine did the doctor give for the illness?", 5,
                    RetrievalMode.dense).getFirst().stored().passage().articleId());
        }
    }
}
