package dev.citeqa.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.citeqa.index.IndexConstants;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged service as a separate process, kills it with SIGKILL in the middle of indexing a few
 * thousand generated articles, and checks after each kill that what is on disk is a whole index (Lucene's
 * CheckIndex is clean, and it holds the old or the new article count, never one in between), and that a
 * restart becomes ready and serves the whole corpus.
 *
 * <p>BM25 mode: embedding thousands of articles on a CI machine's two cores would take minutes per kill point,
 * and the embeddings do not change what is tested here (how a generation is written, published and found
 * again after a crash).
 */
class ReindexCrashIT extends ServiceProcess {

    private static final String KEY = "crash-test-key";
    private static final int BATCH = 1000;
    private static final Duration READY_WITHIN = Duration.ofMinutes(2);

    ReindexCrashIT() {
        super("crash-it");
    }

    @Test
    void aKilledReindexLeavesAWholeIndexAndARestartServesTheCorpus() throws Exception {
        // Kill point 0: during the very first build, when there is no index to fall back on.
        addArticles(0, BATCH);
        start();
        killWhen("the first build writes its segment", building(name -> !name.equals("write.lock")));
        assertWholeIndexOnDisk(Set.of(0, BATCH));
        start();
        awaitReady(BATCH, BATCH);

        int count = BATCH;
        for (String killPoint : List.of("copy", "write", "publish")) {
            int before = count;
            addArticles(count, BATCH);
            count += BATCH;
            String serving = newestIndexName().orElseThrow();
            Set<String> linked = files(data.resolve(serving));
            reindexInBackground();
            switch (killPoint) {
                // The new generation's folder exists: links to the old files are being made, or articles parsed.
                case "copy" -> killWhen("the update begins", dir -> !list(dir).stream()
                        .filter(p -> p.getFileName().toString().startsWith(".building-")).toList().isEmpty());
                // Lucene writes the new articles' segment into it.
                case "write" -> killWhen("the update writes its segment",
                        building(name -> !linked.contains(name) && !name.equals("write.lock")));
                // The committed generation has been renamed into place, and may or may not be serving yet.
                default -> killWhen("the update is published",
                        dir -> !newestIndexName().orElseThrow().equals(serving));
            }
            assertWholeIndexOnDisk(Set.of(before, count));
            start();
            awaitReady(before, count);
        }
        service.destroy();
        service.waitFor();
        assertWholeIndexOnDisk(Set.of(count));
    }

    // --- the service process ---

    private void start() throws IOException {
        start(List.of(
                "-Dciteqa.corpus.dir=" + corpus,
                "-Dciteqa.data.dir=" + data,
                "-Dciteqa.retrieval.mode=bm25",
                "-Dciteqa.corpus.watch=false",
                "-Dciteqa.api-key=" + KEY));
    }

    /**
     * Waits for the restarted service to serve the whole corpus. It may serve the last whole index first, the one
     * before the killed update, while it indexes what the update had not finished; never anything in between.
     */
    private void awaitReady(int before, int documents) throws Exception {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(service.isAlive(), "the service exited; see " + log(run));
            try {
                HttpResponse<String> ready = http.send(request("/q/health/ready").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    JsonNode index = index(json.readTree(ready.body()));
                    int serving = index.path("documents").asInt();
                    if (serving == before && serving != documents) {
                        Thread.sleep(200); // the last whole index, while the rest is indexed
                        continue;
                    }
                    assertEquals(documents, serving, "after restart, the whole corpus");
                    HttpResponse<String> articles = http.send(request("/api/articles").GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(documents, json.readTree(articles.body()).path("count").asInt());
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting up
            }
            Thread.sleep(200);
        }
        fail("not ready within " + READY_WITHIN);
    }

    private static JsonNode index(JsonNode health) {
        for (JsonNode check : health.path("checks")) {
            if (check.path("name").asText().equals("index")) {
                return check.path("data");
            }
        }
        throw new AssertionError("no index check in " + health);
    }

    private void reindexInBackground() {
        http.sendAsync(request("/api/admin/reindex")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** With the API key, which the admin endpoint needs and, once set, every other path under /api/ too. */
    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + KEY);
    }

    /** Polls the data folder and sends SIGKILL the moment {@code state} holds. */
    private void killWhen(String what, Predicate<Path> state) throws Exception {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (!state.test(data)) {
            assertTrue(service.isAlive(), "the service exited before " + what);
            assertTrue(System.nanoTime() < deadline, "never saw: " + what);
            Thread.sleep(1);
        }
        service.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no cleanup
        service.waitFor();
        System.out.println("Killed the service when " + what);
    }

    /** True while a {@code .building-*} folder holds a file matching {@code file}. */
    private static Predicate<Path> building(Predicate<String> file) {
        return dir -> list(dir).stream()
                .filter(p -> p.getFileName().toString().startsWith(".building-"))
                .anyMatch(p -> files(p).stream().anyMatch(file));
    }

    // --- what is on disk ---

    /** Every published index passes CheckIndex, and the newest holds one of the expected article counts. */
    private void assertWholeIndexOnDisk(Set<Integer> wholeCounts) throws IOException {
        List<Path> indexes = list(data).stream().filter(p -> p.getFileName().toString().startsWith("index-")).toList();
        for (Path index : indexes) {
            try (Directory dir = FSDirectory.open(index); CheckIndex check = new CheckIndex(dir)) {
                check.setInfoStream(null);
                assertTrue(check.checkIndex().clean, "CheckIndex is clean on " + index);
            }
        }
        if (indexes.isEmpty()) {
            assertTrue(wholeCounts.contains(0), "no index on disk, though one had been published");
            return;
        }
        try (Directory dir = FSDirectory.open(newestIndex()); DirectoryReader reader = DirectoryReader.open(dir)) {
            int articles = new IndexSearcher(reader).count(new TermQuery(
                    new Term(IndexConstants.KIND, IndexConstants.KIND_ARTICLE)));
            assertTrue(wholeCounts.contains(articles), "a whole index: " + articles + " articles, expected one of "
                    + wholeCounts);
        }
    }

    private Path newestIndex() {
        return data.resolve(newestIndexName().orElseThrow());
    }

    private Optional<String> newestIndexName() {
        return list(data).stream().map(p -> p.getFileName().toString()).filter(n -> n.startsWith("index-"))
                .max(Comparator.naturalOrder());
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.toList();
        } catch (IOException e) {
            return List.of(); // a folder renamed or deleted while listed: look again on the next poll
        }
    }

    private static Set<String> files(Path dir) {
        return list(dir).stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }

    // --- generated articles ---

    private static final String[] TOWNS = {"Ashford", "Brimley", "Calder", "Dunmore", "Elwick", "Fenwick", "Garston",
        "Harlow", "Ivybridge", "Kelso", "Lanark", "Morley", "Nairn", "Oakham", "Penrith", "Ripon"};
    private static final String[] SUBJECTS = {"council", "library", "harbour board", "hospital trust", "school board",
        "water company", "football club", "museum", "rail operator", "chamber of commerce"};
    private static final String[] ACTIONS = {"approved a budget of", "announced repairs costing", "raised",
        "set aside", "borrowed", "spent", "requested", "returned"};

    /** Articles {@code from} to {@code from + count - 1}: a title, a date and a few sentences, all different. */
    private void addArticles(int from, int count) throws IOException {
        for (int i = from; i < from + count; i++) {
            Random random = new Random(i);
            String town = TOWNS[random.nextInt(TOWNS.length)];
            String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
            StringBuilder text = new StringBuilder()
                    .append(town).append(' ').append(subject).append(" report ").append(i).append("\n\n")
                    .append(town).append(" Courier - ").append(1 + random.nextInt(28)).append(" March ")
                    .append(2000 + random.nextInt(25)).append("\n\n");
            List<String> sentences = new ArrayList<>();
            for (int s = 0; s < 4 + random.nextInt(6); s++) {
                sentences.add("The " + town + " " + SUBJECTS[random.nextInt(SUBJECTS.length)] + " "
                        + ACTIONS[random.nextInt(ACTIONS.length)] + " $" + (1 + random.nextInt(900)) + "."
                        + random.nextInt(10) + " million in case " + i + "-" + s + ".");
            }
            text.append(String.join(" ", sentences)).append('\n');
            Files.writeString(corpus.resolve(String.format("gen_%05d.txt", i)), text);
        }
    }
}
