package dev.citeqa.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.index.TinyCorpus;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A corpus folder of the test's own that tests may edit while the service runs, in BM25 mode (nothing to
 * embed, so reindexes are quick) and with an API key, which the admin endpoints need, and with it every
 * other request under {@code /api/}: tests send it on every request with {@link SendsKey}.
 */
public final class LiveCorpus implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "test-admin-key";

    /** Makes each test's RestAssured requests carry the key: {@code @ExtendWith(LiveCorpus.SendsKey.class)}. */
    public static final class SendsKey implements BeforeEachCallback, AfterEachCallback {
        @Override
        public void beforeEach(ExtensionContext context) {
            RestAssured.requestSpecification = new RequestSpecBuilder()
                    .addHeader("Authorization", "Bearer " + API_KEY).build();
        }

        @Override
        public void afterEach(ExtensionContext context) {
            RestAssured.requestSpecification = null;
        }
    }

    private Path root;
    private boolean watch;

    @Override
    public void init(Map<String, String> args) {
        root = Path.of("target", "live-corpus", args.get("name")).toAbsolutePath();
        watch = Boolean.parseBoolean(args.getOrDefault("watch", "false"));
    }

    @Override
    public Map<String, String> start() {
        try {
            deleteTree(root);
            TinyCorpus.write(root.resolve("corpus"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("citeqa.corpus.dir", root.resolve("corpus").toString(),
                "citeqa.data.dir", root.resolve("data").toString(),
                "citeqa.retrieval.mode", "bm25",
                "citeqa.api-key", API_KEY,
                "citeqa.corpus.watch", Boolean.toString(watch),
                "citeqa.corpus.watch-interval", "PT0.2S");
    }

    @Override
    public void stop() {}

    /** Waits for what a watched folder's change should bring about, failing after 10 s. */
    static void within10Seconds(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what + " within 10 s");
            Thread.sleep(100);
        }
    }

    /**
     * {@code target/<name>}, emptied, with a {@code corpus} folder holding {@code files} (by their paths in it), for a
     * test profile's own corpus and data folders.
     */
    static Path freshFolder(String name, Map<String, String> files) {
        Path root = Path.of("target", name).toAbsolutePath();
        try {
            deleteTree(root);
            Path corpus = Files.createDirectories(root.resolve("corpus"));
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = corpus.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return root;
    }

    static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Reindexes only on request. */
    public static final class OnRequest implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LiveCorpus.class, Map.of("name", "on-request")));
        }
    }

    /** Watches the folder every 200 ms. */
    public static final class Watched implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LiveCorpus.class, Map.of("name", "watched", "watch", "true")));
        }
    }
}
