package dev.citeqa.search.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.TestModels;
import dev.citeqa.analysis.NewsAnalyzer;
import dev.citeqa.analysis.Spelling;
import dev.citeqa.answer.Answerer;
import dev.citeqa.answer.Citation;
import dev.citeqa.answer.extractive.ExtractiveAnswerer;
import dev.citeqa.chat.ChatMetrics;
import dev.citeqa.chat.ChatService;
import dev.citeqa.chat.ConversationStore;
import dev.citeqa.chat.FollowUpResolver;
import dev.citeqa.collection.PassageChunker;
import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.embed.Embedder;
import dev.citeqa.eval.EvalQuestion;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.IndexGenerator;
import dev.citeqa.index.IndexManager;
import dev.citeqa.search.PassageSearcher;
import dev.citeqa.search.Ranker;
import dev.citeqa.search.SearchUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The OpenSearch backend against a real two-node cluster, over the seed corpus and the public questions.
 * The node-failure test runs last, as it leaves the cluster one node short.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenSearchBackendIT {

    private static final PassageSearcher.Settings SETTINGS = PassageSearcher.Settings.of(CiteQaConfig.defaults().retrieval());

    private static OpenSearchCluster cluster;
    private static CorpusIndex index;
    private static Embedder embedder;
    private static OpenSearchBackend backend;
    private static PassageSearcher lucene;
    private static PassageSearcher openSearch;
    private static List<EvalQuestion> questions;

    @BeforeAll
    static void start() throws Exception {
        Path work = Path.of("target/opensearch-it");
        cluster = OpenSearchCluster.start(work.resolve("cluster-" + System.currentTimeMillis()));
        embedder = TestModels.embedder(work.resolve("embeddings"));
        Path data = Files.createTempDirectory(work, "index");
        index = new IndexManager(data, Path.of("corpus"), 2_000_000, "it",
                new IndexGenerator(PassageChunker.ofSentences(3, 1), embedder)).openOrBuild().index();
        backend = new OpenSearchBackend(settings(cluster.hosts(), "citeqa-it"));
        backend.reindex(index);
        lucene = new PassageSearcher(embedder, SETTINGS, Ranker.LUCENE);
        openSearch = new PassageSearcher(embedder, SETTINGS, backend);
        questions = EvalQuestion.read(Path.of("eval/questions.jsonl"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (backend != null) {
            backend.close();
        }
        if (index != null) {
            index.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void indexesTheSeedCorpusAndReportsAGreenCluster() throws InterruptedException {
        cluster.awaitHealth("green", 2); // the new index's replicas may still be copying
        OpenSearchBackend.Status status = backend.status();
        assertEquals("green", status.health());
        assertEquals(2, status.nodes());
        assertTrue(status.ready(), status.toString());
        assertTrue(index.passageCount() > 0);
        // A broad query reaches deep into the corpus, and finds the same passages in the same order.
        String broad = "Turkey NATO Russia Ukraine Istanbul peace talks ministers war president";
        List<String> local = keys(lucene, broad, 100, RetrievalMode.bm25);
        assertTrue(local.size() >= 30, "only " + local.size() + " passages match");
        assertEquals(local, keys(openSearch, broad, 100, RetrievalMode.bm25));
    }

    @Test
    @Order(2)
    void analysesTextAsTheEmbeddedIndexDoes() throws Exception {
        // The cluster's analyzer is NewsAnalyzer spelled in OpenSearch's filters: both must make the same terms.
        String text = "Erdoğan's U.S. envoys told NATO, the U.K. and J.K. Rowling of a $1.3 billion Amazon.com deal; "
                + "Gov. Jeff Landry organised the 21st Defence Ministry programmes at the theatre, AT&T and the S&P 500";
        assertEquals(NewsAnalyzer.forText().terms(text), cluster.analyze("citeqa-it", ClusterIndexer.ANALYZER, text));
    }

    @Test
    @Order(2)
    void ranksEveryPublicQuestionAsTheEmbeddedIndexDoes() {
        for (RetrievalMode mode : RetrievalMode.values()) {
            for (EvalQuestion q : questions) {
                for (String turn : q.turns()) {
                    assertEquals(keys(lucene, turn, mode), keys(openSearch, turn, mode), mode + " " + q.id() + ": " + turn);
                }
            }
        }
    }

    @Test
    @Order(3)
    void givesThePublicQuestionsTheSameAnswersAndCitations() {
        ChatService viaLucene = chat(lucene);
        ChatService viaCluster = chat(openSearch);
        int answered = 0;
        for (EvalQuestion q : questions) {
            String local = "lucene-" + UUID.randomUUID();
            String remote = "opensearch-" + UUID.randomUUID();
            for (String turn : q.turns()) {
                ChatService.Result expected = viaLucene.ask(turn, local, RetrievalMode.hybrid);
                ChatService.Result actual = viaCluster.ask(turn, remote, RetrievalMode.hybrid);
                assertEquals(citations(expected), citations(actual), q.id() + ": " + turn);
                assertEquals(expected.answer().text(), actual.answer().text(), q.id() + ": " + turn);
                answered += actual.answer().answered() ? 1 : 0;
            }
        }
        assertTrue(answered >= questions.size() - 2, "answered " + answered);
    }

    @Test
    @Order(4)
    void reindexesBehindTheAliasWhileQueriesRun() throws Exception {
        String question = questions.getFirst().lastTurn();
        List<String> expected = keys(lucene, question, RetrievalMode.hybrid);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger queries = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread asker = Thread.ofPlatform().start(() -> {
            while (running.get() && failure.get() == null) {
                try {
                    assertEquals(expected, keys(openSearch, question, RetrievalMode.hybrid));
                    queries.incrementAndGet();
                } catch (Throwable t) {
                    failure.set(t);
                }
            }
        });
        List<String> physical = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            physical.add(backend.reindex(index).index());
        }
        running.set(false);
        asker.join();
        assertEquals(null, failure.get(), "a query failed during the reindex");
        assertTrue(queries.get() > 0, "no query ran during the reindex");
        assertNotEquals(physical.get(0), physical.get(1));
        assertEquals(expected, keys(openSearch, question, RetrievalMode.hybrid));
    }

    @Test
    @Order(5)
    void answersUnavailableWhileTheClusterIsUnreachableAndRecoversByItself() throws Exception {
        URI first = URI.create(cluster.hosts().getFirst());
        try (TcpProxy proxy = new TcpProxy(new InetSocketAddress(first.getHost(), first.getPort()));
                OpenSearchBackend viaProxy = new OpenSearchBackend(
                        settings(List.of("http://127.0.0.1:" + proxy.port()), "citeqa-it"))) {
            PassageSearcher searcher = new PassageSearcher(embedder, SETTINGS, viaProxy);
            String question = questions.getFirst().lastTurn();
            List<String> expected = keys(lucene, question, RetrievalMode.hybrid);
            assertEquals(expected, keys(searcher, question, RetrievalMode.hybrid));

            proxy.cut();
            assertThrows(SearchUnavailableException.class, () -> keys(searcher, question, RetrievalMode.hybrid));
            assertFalse(viaProxy.status().ready());
            assertEquals("unreachable", viaProxy.status().health());

            proxy.restore();
            // The client may hold the node as dead for a moment before trying it again.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            List<String> after = null;
            while (after == null && System.nanoTime() < deadline) {
                try {
                    after = keys(searcher, question, RetrievalMode.hybrid);
                } catch (SearchUnavailableException e) {
                    Thread.sleep(500);
                }
            }
            assertEquals(expected, after);
        }
    }

    @Test
    @Order(6)
    void answersFromTheReplicaWhenANodeStops() throws Exception {
        cluster.stop(1);
        for (EvalQuestion q : questions) {
            assertEquals(keys(lucene, q.lastTurn(), RetrievalMode.hybrid),
                    keys(openSearch, q.lastTurn(), RetrievalMode.hybrid), q.id());
        }
        cluster.awaitHealth("yellow", 1);
        OpenSearchBackend.Status status = backend.status();
        assertEquals(1, status.nodes());
        assertTrue(status.ready(), status.toString());
        assertEquals(keys(lucene, questions.getLast().lastTurn(), RetrievalMode.bm25),
                keys(openSearch, questions.getLast().lastTurn(), RetrievalMode.bm25));
    }

    private static List<String> keys(PassageSearcher searcher, String question, RetrievalMode mode) {
        return keys(searcher, question, 10, mode);
    }

    private static List<String> keys(PassageSearcher searcher, String question, int k, RetrievalMode mode) {
        return searcher.search(index, question, k, mode).stream().map(h -> h.stored().passage().key()).toList();
    }

    private static List<String> citations(ChatService.Result result) {
        return result.answer().citations().stream().map(Citation::id).toList();
    }

    private static ChatService chat(PassageSearcher searcher) {
        ConversationStore conversations = new ConversationStore(100, Duration.ofHours(1), 10);
        FollowUpResolver resolver = new FollowUpResolver(conversations);
        Answerer extractive = new ExtractiveAnswerer(embedder);
        return new ChatService(new ChatService.Retrieval(() -> index, searcher, 8, RetrievalMode.hybrid, true,
                Spelling.Settings.OFF),
                ChatService.Answering.extractive(resolver, extractive), conversations,
                new ChatMetrics(new SimpleMeterRegistry()));
    }

    static CiteQaConfig.OpenSearch settings(List<String> hosts, String alias) {
        return new CiteQaConfig.OpenSearch() {
            @Override
            public List<String> hosts() {
                return hosts;
            }

            @Override
            public String index() {
                return alias;
            }

            @Override
            public Optional<String> username() {
                return Optional.empty();
            }

            @Override
            public Optional<String> password() {
                return Optional.empty();
            }

            @Override
            public int shards() {
                return 2;
            }

            @Override
            public int replicas() {
                return 1;
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(10);
            }
        };
    }
}
