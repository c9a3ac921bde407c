package dev.citeqa.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** The service over {@link SyntheticCorpus}, in BM25 mode: embedding thousands of articles would take minutes. */
public class LargeCorpusProfile implements QuarkusTestProfile {

    static final Path CORPUS = Path.of("target", "test-data", "large-corpus");

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            SyntheticCorpus.write(CORPUS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "citeqa.corpus.dir", CORPUS.toString(),
                "citeqa.data.dir", "target/test-data/large",
                "citeqa.retrieval.mode", "bm25",
                "citeqa.corpus.watch", "false");
    }
}
