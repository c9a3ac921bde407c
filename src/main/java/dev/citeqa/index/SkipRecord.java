package dev.citeqa.index;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.citeqa.collection.NewsCollection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.util.IOUtils;
import org.jboss.logging.Logger;

/**
 * The corpus files an index generation left out, kept in a file of its folder: a restart that reuses the index
 * reads no corpus file, yet readiness still reports what was skipped. Lucene leaves files alone that are not
 * named like its own.
 */
final class SkipRecord {

    private static final Logger LOG = Logger.getLogger(SkipRecord.class);
    static final String FILE = "citeqa-skipped.json";

    private SkipRecord() {}

    static void write(Path indexDir, List<NewsCollection.Skipped> skipped) throws IOException {
        Path file = indexDir.resolve(FILE);
        IndexGenerator.JSON.writeValue(file.toFile(), skipped);
        IOUtils.fsync(file, false);
    }

    /** Empty for an index written before the record existed, or whose record a crash cut short. */
    static List<NewsCollection.Skipped> read(Path indexDir) {
        Path file = indexDir.resolve(FILE);
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return IndexGenerator.JSON.readValue(file.toFile(), new TypeReference<List<NewsCollection.Skipped>>() {});
        } catch (IOException e) {
            LOG.warnf("Cannot read the list of skipped files in %s: %s", indexDir, e.getMessage());
            return List.of();
        }
    }
}
