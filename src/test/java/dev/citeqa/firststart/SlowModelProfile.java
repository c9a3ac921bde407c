package dev.citeqa.firststart;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A first start on the web corpus in hybrid mode, with nothing cached and a model held until the test lets it
 * go: the words are committed first, BM25 answers, and the vectors wait. Every start has a fresh data folder,
 * so that nothing comes from an embedding cache.
 */
public class SlowModelProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Path data = Path.of("target", "test-data", "first-start-" + getClass().getSimpleName());
        deleteTree(data);
        return Map.of(
                "citeqa.corpus.dir", "src/test/resources/web-corpus",
                "citeqa.data.dir", data.toString(),
                "citeqa.retrieval.mode", "hybrid",
                "citeqa.embedding.inline-texts", "0",
                "citeqa.corpus.watch", "false",
                "test.slow-model.held", "true",
                "test.slow-model.delay-ms", "20");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(SlowModelLoader.class);
    }

    /** The same, for a second test class: a profile of its own restarts the service on a fresh folder. */
    public static final class ForThePage extends SlowModelProfile {}

    /**
     * The build embeds before it commits (as a small corpus does): while the model is held no index can answer,
     * and the service says how far the build has got.
     */
    public static class EmbedFirst extends SlowModelProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new java.util.HashMap<>(super.getConfigOverrides());
            config.put("citeqa.embedding.inline-texts", "100000");
            return config;
        }

        /** For the page. */
        public static final class ForThePage extends EmbedFirst {}
    }

    /**
     * A corpus folder of its own, a copy of the web corpus, that the test may add files to; the folder is not
     * watched, the test asks for the reindex.
     */
    public static final class OwnCorpus extends SlowModelProfile {
        public static final Path CORPUS = Path.of("target", "test-data", "first-start-own-corpus");

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new java.util.HashMap<>(super.getConfigOverrides());
            config.put("citeqa.corpus.dir", copyOfTheWebCorpus(CORPUS).toString());
            config.put("test.slow-model.delay-ms", "0");
            return config;
        }
    }

    /** {@link FailingOnce} on a corpus folder of its own, which the test may change, and no retry for an hour. */
    public static final class FailingOnceOwnCorpus extends FailingOnce {
        public static final Path CORPUS = Path.of("target", "test-data", "failing-once-own-corpus");

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new java.util.HashMap<>(super.getConfigOverrides());
            config.put("citeqa.corpus.dir", copyOfTheWebCorpus(CORPUS).toString());
            config.put("citeqa.embedding.retry-after", "PT1H");
            return config;
        }
    }

    static Path copyOfTheWebCorpus(Path folder) {
        deleteTree(folder);
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/web-corpus"))) {
            Files.createDirectories(folder);
            for (Path file : files.toList()) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /**
     * The model fails the first vector pass's first batch, and the pass is tried again a second later; the model
     * then holds the retry until the test lets it go, so that a slow machine cannot finish it before the test has
     * seen the failure.
     */
    public static class FailingOnce extends SlowModelProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new java.util.HashMap<>(super.getConfigOverrides());
            config.put("test.slow-model.allowed-at-start", "1");
            config.put("test.slow-model.delay-ms", "0");
            config.put("test.slow-model.failures", "1");
            config.put("citeqa.embedding.retry-after", "PT1S");
            return config;
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
