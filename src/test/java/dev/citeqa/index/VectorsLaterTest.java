package dev.citeqa.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.collection.PassageChunker;
import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.embed.Embedder;
import dev.citeqa.embed.EmbeddingCache;
import dev.citeqa.search.PassageSearcher;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build with more new texts than it embeds inline commits the words first, and {@link IndexManager#addVectors}
 * brings the vectors in a generation of its own; stopped half-way, it keeps what it embedded in the cache, and
 * the next pass embeds only the rest.
 */
class VectorsLaterTest {

    /** Articles of many sentences: 64 of them make several batches of the embedder (32 texts). */
    private static final int ARTICLES = 64;

    @TempDir
    Path root;

    private Path corpus;
    private CountingModel model;
    private BuildProgress progress;

    @BeforeEach
    void setUp() throws IOException {
        corpus = Files.createDirectories(root.resolve("corpus"));
        for (int i = 0; i < ARTICLES; i++) {
            StringBuilder text = new StringBuilder("Harbour report " + i + "\n\nHarbour Gazette - 3 May 2024\n\n");
            for (int s = 0; s < 20; s++) {
                text.append("The harbour board of district ").append(i).append(" approved plan ").append(s)
                        .append(" for the quay, which will cost ").append(i * 100 + s).append(" thousand dollars. ");
            }
            Files.writeString(corpus.resolve(String.format("h_%03d.txt", i)), text);
        }
        model = new CountingModel();
        progress = new BuildProgress();
    }

    private IndexManager manager(int inlineTexts) throws IOException {
        return manager(inlineTexts, FSDirectory::open);
    }

    private IndexManager manager(int inlineTexts, IndexGenerator.DirectoryOpener directories) throws IOException {
        Embedder embedder = new Embedder(model, EmbeddingCache.open(root.resolve("data/e.bin"), CountingModel.DIM));
        return new IndexManager(root.resolve("data"), corpus, 1_000_000, "test",
                new IndexGenerator(PassageChunker.of(CiteQaConfig.defaults().chunk()), embedder,
                        directories, false, inlineTexts, progress));
    }

    @Test
    void theWordsFirstThenTheVectorsInTheNextGeneration() throws IOException {
        IndexManager manager = manager(0);
        try (CorpusIndex words = manager.openOrBuild().index()) {
            int passages = words.passageCount();
            assertEquals(ARTICLES, words.articleCount());
            assertEquals(ARTICLES, words.pendingArticles());
            assertEquals(passages, words.pendingPassages());
            assertFalse(words.hasVectors());
            assertFalse(words.vectorsComplete());
            assertEquals(0, model.embedded.get(), "nothing embedded before the words are committed");
            assertEquals(RetrievalMode.bm25, PassageSearcher.retrievalFor(words, RetrievalMode.hybrid));
            assertEquals(RetrievalMode.bm25, PassageSearcher.retrievalFor(words, RetrievalMode.dense));

            IndexManager.Opened opened = manager.addVectors(words);
            try (CorpusIndex complete = opened.index()) {
                assertEquals(IndexManager.Outcome.VECTORS_ADDED, opened.outcome());
                assertEquals(words.generation() + 1, complete.generation());
                assertEquals(ARTICLES, complete.articleCount());
                assertEquals(passages, complete.passageCount());
                assertEquals(0, complete.pendingArticles());
                assertTrue(complete.vectorsComplete());
                assertEquals(words.sourceHashes(), complete.sourceHashes());
                assertEquals(words.commitData(IndexConstants.COMMIT_FINGERPRINT),
                        complete.commitData(IndexConstants.COMMIT_FINGERPRINT));
                assertEquals(passages, model.embedded.get(), "one text per passage");
                assertEquals(RetrievalMode.hybrid, PassageSearcher.retrievalFor(complete, RetrievalMode.hybrid));
            }
        }
        // The vectors' generation records the listing too: the next start reuses it.
        try (CorpusIndex reopened = manager(0).openOrBuild().index()) {
            assertTrue(reopened.vectorsComplete());
            assertEquals(2, reopened.generation());
        }
    }

    @Test
    void aFewNewTextsAreEmbeddedBeforeTheCommit() throws IOException {
        try (CorpusIndex index = manager(100_000).openOrBuild().index()) {
            assertEquals(0, index.pendingArticles());
            assertTrue(index.vectorsComplete());
            assertEquals(1, index.generation());
            assertEquals(index.passageCount(), model.embedded.get());
        }
    }

    @Test
    void aStoppedVectorPassKeepsWhatItEmbeddedAndTheNextOneEmbedsTheRest() throws IOException {
        IndexManager manager = manager(0);
        try (CorpusIndex words = manager.openOrBuild().index()) {
            int passages = words.passageCount();
            assertTrue(passages > 3 * 32, passages + " passages make more than three batches");
            // Asked to stop once two batches are embedded.
            model.afterBatch = batches -> {
                if (batches == 2) {
                    progress.stop();
                }
            };
            assertThrows(CancellationException.class, () -> manager.addVectors(words));
            assertEquals(64, model.embedded.get());
            assertEquals(List.of(words.path().getFileName().toString()), indexFolders(), "nothing half-written");
            assertEquals(64, (Files.size(root.resolve("data/e.bin")) - 8) / (32 + 4 * CountingModel.DIM),
                    "two batches in the cache file");

            progress.resume();
            model.afterBatch = batches -> {};
            try (CorpusIndex complete = manager.addVectors(words).index()) {
                assertTrue(complete.vectorsComplete());
                assertEquals(passages, model.embedded.get(), "no text embedded twice");
                BuildProgress.Snapshot last = progress.snapshot();
                assertEquals(BuildProgress.Phase.COMMITTING, last.phase());
            }
        }
    }

    @Test
    void aReindexAddingManyFilesCommitsTheirWordsFirstAndOnlyTheyWaitForVectors() throws IOException {
        try (CorpusIndex complete = manager(100_000).openOrBuild().index()) {
            int embeddedBefore = model.embedded.get();
            for (int i = 0; i < 5; i++) {
                Files.writeString(corpus.resolve("new_" + i + ".txt"), "New pier " + i + "\n\nThe new pier " + i
                        + " opened on Friday after two years of building, the harbour board said.\n");
            }
            IndexManager manager = manager(0);
            try (CorpusIndex words = manager.refresh(complete).index()) {
                assertEquals(ARTICLES + 5, words.articleCount());
                assertEquals(5, words.pendingArticles(), "only the new articles wait for their vectors");
                assertEquals(5, words.pendingPassages());
                assertTrue(words.hasVectors());
                assertFalse(words.vectorsComplete());
                assertEquals(RetrievalMode.bm25, PassageSearcher.retrievalFor(words, RetrievalMode.hybrid));
                assertEquals(embeddedBefore, model.embedded.get());
                try (CorpusIndex again = manager.addVectors(words).index()) {
                    assertTrue(again.vectorsComplete());
                    assertEquals(embeddedBefore + 5, model.embedded.get());
                }
            }
        }
    }

    @Test
    void aThousandWordArticleEmbedsTenTexts() throws IOException {
        // 1,000 words in sentences of 20 words: 120-word passages that share a sentence.
        StringBuilder text = new StringBuilder("A long report\n\nGazette - 3 May 2024\n\n");
        for (int s = 0; s < 50; s++) {
            text.append("Sentence ").append(s).append(" says that the council met again and ")
                    .append("that the members agreed on the next steps for the plan. ");
        }
        assertEquals(1000, text.toString().split("\\s+").length - 8, "words besides the title and date line");
        Files.list(corpus).forEach(p -> p.toFile().delete());
        Files.writeString(corpus.resolve("long.txt"), text);
        try (CorpusIndex index = manager(100_000).openOrBuild().index()) {
            // Six 20-word sentences a passage (120 words), one shared with the next: 10 passages for 50 sentences.
            assertEquals(10, index.passageCount());
            assertEquals(10, model.embedded.get(), "at most 12 texts per 1,000 words; sentences are not embedded");
        }
    }

    @Test
    void eachPhaseIsReportedWithItsCounts() throws IOException {
        IndexManager manager = manager(0);
        int passages;
        try (CorpusIndex words = manager.openOrBuild().index()) {
            passages = words.passageCount();
            assertEquals(List.of("LISTING 0/0", "PARSING 64/64", "LEXICAL 64/64", "COMMITTING 64/64"),
                    steps(), "the words first: nothing embedded before the commit");
            progress.idle();
            assertEquals(List.of(), progress.steps());

            manager.addVectors(words).index().close();
            assertEquals(List.of("EMBEDDING " + passages + "/" + passages, "COMMITTING 64/64"), steps());
        }
        progress.idle();
        deleteTree(root.resolve("data"));
        manager(100_000).openOrBuild().index().close(); // the cache went with the data: all texts are new
        assertEquals(List.of("LISTING 0/0", "PARSING 64/64", "EMBEDDING " + passages + "/" + passages,
                "LEXICAL 64/64", "COMMITTING 64/64"), steps(), "a few new texts: embedded before the words");
    }

    @Test
    void aBuildStoppedWhileParsingLeavesNoIndexAndTheNextStartBuildsOne() throws IOException {
        IndexManager manager = manager(0);
        progress.stop();
        assertThrows(CancellationException.class, manager::openOrBuild);
        assertEquals(List.of(), indexFolders(), "no index, and no half-written folder");
        progress.resume();
        try (CorpusIndex index = manager(0).openOrBuild().index()) {
            assertEquals(ARTICLES, index.articleCount());
        }
    }

    @Test
    void aBuildStoppedWhileEmbeddingBeforeItsCommitLeavesNoIndexButKeepsTheVectors() throws IOException {
        model.afterBatch = batches -> {
            if (batches == 1) {
                progress.stop();
            }
        };
        assertThrows(CancellationException.class, () -> manager(100_000).openOrBuild());
        assertEquals(List.of(), indexFolders());
        assertEquals(32, model.embedded.get());

        progress.resume();
        model.afterBatch = batches -> {};
        try (CorpusIndex index = manager(100_000).openOrBuild().index()) {
            assertTrue(index.vectorsComplete());
            assertEquals(index.passageCount(), model.embedded.get(), "the first batch came from the cache");
        }
    }

    @Test
    void aReindexStoppedWhileWritingTheWordsLeavesThePreviousIndexServing() throws IOException {
        CorpusIndex previous = manager(100_000).openOrBuild().index();
        String folder = previous.path().getFileName().toString();
        int passages = previous.passageCount();
        previous.close();
        for (int i = 0; i < 5; i++) {
            Files.writeString(corpus.resolve("late_" + i + ".txt"), "Late pier " + i + "\n\nThe late pier " + i
                    + " opened on Sunday, the harbour board said.\n");
        }
        // The folder of the new generation is opened as its lexical phase starts: asked to stop right then.
        IndexManager stopping = manager(0, path -> {
            assertEquals(BuildProgress.Phase.LEXICAL, progress.snapshot().phase());
            progress.stop();
            return FSDirectory.open(path);
        });
        try (CorpusIndex serving = CorpusIndex.open(root.resolve("data").resolve(folder))) {
            assertThrows(CancellationException.class, () -> stopping.refresh(serving));
            assertEquals(List.of(folder), indexFolders(), "only the previous index, untouched");
        }
        // The same at start-up: a stop is no failed update, after which the old index would serve as stale.
        progress.resume();
        assertThrows(CancellationException.class, stopping::openOrBuild);
        assertEquals(List.of(folder), indexFolders());
        progress.resume();
        try (CorpusIndex reopened = manager(0).openOrBuild().index()) {
            assertEquals(ARTICLES + 5, reopened.articleCount(), "the next start picks the new files up");
            assertEquals(passages + 5, reopened.passageCount());
        }
    }

    /** The build's phases so far, as "PHASE done/total". */
    private List<String> steps() {
        return progress.steps().stream().map(s -> s.phase() + " " + s.done() + "/" + s.total()).toList();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private List<String> indexFolders() throws IOException {
        try (Stream<Path> list = Files.list(root.resolve("data"))) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Pseudo-embeddings that count the texts embedded and can act after each batch. */
    private static final class CountingModel implements EmbeddingModel {
        static final int DIM = 8;
        final AtomicInteger embedded = new AtomicInteger();
        final AtomicInteger batches = new AtomicInteger();
        volatile java.util.function.IntConsumer afterBatch = batches -> {};

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            List<Embedding> vectors = segments.stream().map(s -> {
                Random random = new Random(s.text().hashCode());
                float[] v = new float[DIM];
                for (int i = 0; i < DIM; i++) {
                    v[i] = random.nextFloat() - 0.5f;
                }
                return Embedding.from(v);
            }).toList();
            embedded.addAndGet(segments.size());
            afterBatch.accept(batches.incrementAndGet());
            return Response.from(vectors);
        }

        @Override
        public int dimension() {
            return DIM;
        }
    }
}
