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
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A first start stopped and resumed, on the packaged service: the port opens while the corpus is indexed,
 * SIGTERM (and then SIGINT) in the middle of embedding ends the process within 5 s, what is left on disk is a
 * whole index (the words, without their vectors), and the next start serves it at once and goes on from the
 * embedding cache, so that no text is embedded twice.
 *
 * <p>The smaller model (all-minilm-l6-v2-q) on a thousand short generated articles keeps the embedding to
 * seconds on two cores.
 */
class FirstStartResumeIT extends ServiceProcess {

    private static final int ARTICLES = 1000;
    private static final String MODEL = "all-minilm-l6-v2-q";
    /** Record size in the embedding cache: a SHA-256 key and 384 floats. */
    private static final int RECORD = 32 + 4 * 384;
    private static final Duration WITHIN = Duration.ofMinutes(3);


    FirstStartResumeIT() {
        super("first-start-it");
    }

    @BeforeEach
    void setUp() throws IOException {
        writeArticles();
    }

    @Test
    void stoppedDuringEmbeddingResumesFromTheCacheWithoutEmbeddingATextTwice() throws Exception {
        // Run 1: the port answers while the corpus is being indexed; SIGTERM while the model embeds.
        start();
        JsonNode building = awaitStatus("the port", s -> true);
        assertTrue(!building.path("ready").asBoolean() || building.has("indexing"), building.toString());
        JsonNode embedding = awaitStatus("the embedding of 300 texts", s -> s.path("indexing").path("phase")
                .asText().equals("embedding") && s.path("indexing").path("embedded").asLong() >= 300);
        assertEquals("bm25", embedding.path("retrieval").asText(), "BM25 answers while the vectors are built");
        long total = embedding.path("indexing").path("total").asLong();
        int passages = embedding.path("passages").asInt();
        assertEquals(passages, total, "one text per passage, no sentences");
        assertEquals(ARTICLES, embedding.path("documents").asInt());
        stop("TERM");
        long cachedAfterFirst = cachedVectors();
        assertTrue(cachedAfterFirst >= 300 && cachedAfterFirst < total, "cached " + cachedAfterFirst);
        assertWordsOnlyOnDisk(passages);

        // Run 2: the index left behind serves at once, the cache hits count as done; SIGINT a little later.
        start();
        JsonNode resumed = awaitStatus("the vector pass", s -> s.path("indexing").path("phase").asText()
                .equals("embedding"));
        assertEquals(true, resumed.path("ready").asBoolean(), "the words of the last run answer at once");
        assertEquals(1, resumed.path("generation").asInt());
        awaitStatus("300 more texts", s -> s.path("indexing").path("embedded").asLong() >= 300);
        stop("INT");
        long cachedAfterSecond = cachedVectors();
        assertTrue(cachedAfterSecond >= cachedAfterFirst + 300 && cachedAfterSecond < total,
                "cached " + cachedAfterSecond);
        assertWordsOnlyOnDisk(passages);

        // Run 3: to the end, embedding only what the two runs before had not.
        start();
        JsonNode complete = awaitStatus("the vectors complete", s -> s.path("vectors").asText().equals("complete")
                && !s.has("indexing"));
        assertEquals(total - cachedAfterSecond, complete.path("textsEmbedded").asLong(),
                "texts embedded = total - already cached");
        assertEquals("hybrid", complete.path("retrieval").asText());
        assertEquals(2, complete.path("generation").asInt(), "the words, then the same words with vectors");
        assertEquals(ARTICLES, complete.path("documents").asInt());
        assertEquals(passages, complete.path("passages").asInt());
        assertEquals(total, cachedVectors(), "every text cached once");
        stop("TERM");
    }

    // --- the service process ---

    private void start() throws IOException {
        start(List.of(
                "-Dciteqa.corpus.dir=" + corpus,
                "-Dciteqa.data.dir=" + data,
                "-Dciteqa.retrieval.mode=hybrid",
                "-Dciteqa.embedding.model=" + MODEL,
                "-Dciteqa.corpus.watch=false"));
    }

    /** Sends the signal and asserts the process has ended within 5 s. */
    private void stop(String signal) throws Exception {
        long sent = System.nanoTime();
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(service.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor());
        boolean ended = service.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        long millis = (System.nanoTime() - sent) / 1_000_000;
        assertTrue(ended, "SIG" + signal + " did not end the service within 10 s; see " + log());
        System.out.printf("SIG%s ended the service in %d ms%n", signal, millis);
        assertTrue(millis < 5_000, "SIG" + signal + " took " + millis + " ms; see " + log());
    }

    private Path log() {
        return log(run);
    }

    /** Polls /api/status (open without a key, like the page) until {@code state} holds. */
    private JsonNode awaitStatus(String what, Predicate<JsonNode> state) throws Exception {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(service.isAlive(), "the service exited; see " + log());
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/status")).timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), response.body());
                JsonNode status = json.readTree(response.body());
                if (state.test(status)) {
                    return status;
                }
            } catch (IOException notListeningYet) {
                // starting up
            }
            Thread.sleep(50);
        }
        fail("never saw " + what + "; see " + log());
        return null;
    }

    // --- what is on disk ---

    /** Vectors in the embedding cache file. */
    private long cachedVectors() throws IOException {
        long bytes = Files.size(data.resolve("embeddings-" + MODEL + ".bin")) - 8;
        return bytes / RECORD;
    }

    /** One published index: whole (CheckIndex), every passage in it, and every one still without a vector. */
    private void assertWordsOnlyOnDisk(int passages) throws IOException {
        List<Path> indexes;
        try (Stream<Path> list = Files.list(data)) {
            indexes = list.filter(p -> p.getFileName().toString().startsWith("index-")).toList();
        }
        assertEquals(1, indexes.size(), indexes.toString());
        try (Directory dir = FSDirectory.open(indexes.getFirst())) {
            try (CheckIndex check = new CheckIndex(dir)) {
                check.setInfoStream(null);
                assertTrue(check.checkIndex().clean, "CheckIndex is clean");
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                assertEquals(passages, searcher.count(new TermQuery(
                        new Term(IndexConstants.KIND, IndexConstants.KIND_PASSAGE))));
                assertEquals(ARTICLES + passages, searcher.count(new TermQuery(
                        new Term(IndexConstants.VECTORS_PENDING, IndexConstants.PENDING))));
            }
        }
    }

    // --- generated articles ---

    private static final String[] PLACES = {"Ashford", "Brimley", "Calder", "Dunmore", "Elwick", "Fenwick",
        "Garston", "Harlow", "Ivybridge", "Kelso", "Lanark", "Morley", "Nairn", "Oakham", "Penrith", "Ripon"};
    private static final String[] BODIES = {"council", "library board", "harbour authority", "hospital trust",
        "school board", "water company", "football club", "museum", "rail operator", "chamber of commerce"};
    private static final String[] DEEDS = {"approved a budget of", "announced repairs costing", "raised",
        "set aside", "borrowed", "spent", "requested", "returned"};

    /** Articles of about 300 words, every sentence different: two or three passages each. */
    private void writeArticles() throws IOException {
        for (int i = 0; i < ARTICLES; i++) {
            Random random = new Random(i);
            String place = PLACES[random.nextInt(PLACES.length)];
            StringBuilder text = new StringBuilder(place + " " + BODIES[random.nextInt(BODIES.length)] + " report " + i
                    + "\n\n" + place + " Courier - " + (1 + random.nextInt(28)) + " March " + (2000 + random.nextInt(25))
                    + "\n\n");
            for (int s = 0; s < 12; s++) {
                text.append("The ").append(place).append(' ').append(BODIES[random.nextInt(BODIES.length)]).append(' ')
                        .append(DEEDS[random.nextInt(DEEDS.length)]).append(" $").append(1 + random.nextInt(900))
                        .append('.').append(random.nextInt(10)).append(" million for project ").append(i).append('-')
                        .append(s).append(", officials said on Monday after a long meeting with residents. ");
            }
            Files.writeString(corpus.resolve(String.format("gen_%05d.txt", i)), text.append('\n'));
        }
    }
}
