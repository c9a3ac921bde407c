package dev.citeqa.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.TestModels;
import dev.citeqa.collection.PassageChunker;
import dev.citeqa.embed.Embedder;
import dev.citeqa.embed.EmbeddingCache;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("model")
class IndexManagerTest {

    @TempDir
    Path root;

    private Path corpus;
    private Path data;

    @BeforeEach
    void setUp() throws IOException {
        corpus = TinyCorpus.write(root.resolve("corpus"));
        data = root.resolve("data");
    }

    private IndexManager manager(Embedder embedder, String settings) {
        return new IndexManager(data, corpus, 1_000_000, settings,
                new IndexGenerator(new PassageChunker(3, 1), embedder));
    }

    private List<String> dataFolders() throws IOException {
        try (Stream<Path> list = Files.list(data)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void buildsOnceThenReusesUntilTheCorpusChanges() throws IOException {
        Embedder embedder = TestModels.embedder(data);
        IndexManager.Opened first = manager(embedder, "v1").openOrBuild();
        assertEquals(IndexManager.Outcome.BUILT, first.outcome());
        // Ten fixture files, each one article; every passage document is searchable.
        assertEquals(10, first.index().articles().size());
        assertTrue(first.index().passageCount() >= 10);
        first.index().close();

        long callsBefore = embedder.modelCalls();
        IndexManager.Opened second = manager(embedder, "v1").openOrBuild();
        assertEquals(IndexManager.Outcome.REUSED, second.outcome());
        assertEquals(first.index().path(), second.index().path());
        assertEquals(callsBefore, embedder.modelCalls(), "reusing an index runs no model");
        second.index().close();

        Files.writeString(corpus.resolve("late_news.txt"), "A late story arrived. It names nobody.");
        IndexManager.Opened third = manager(embedder, "v1").openOrBuild();
        assertEquals(IndexManager.Outcome.BUILT, third.outcome());
        assertEquals(11, third.index().articles().size());
        assertNotEquals(first.index().path(), third.index().path());
        assertEquals(List.of(third.index().path().getFileName().toString()), dataFolders(),
                "the replaced index is deleted");
        third.index().close();
    }

    @Test
    void changedSettingsRebuild() throws IOException {
        Embedder embedder = TestModels.embedder(data);
        manager(embedder, "chunk=3/1").openOrBuild().index().close();
        IndexManager.Opened rebuilt = manager(embedder, "chunk=4/1").openOrBuild();
        assertEquals(IndexManager.Outcome.BUILT, rebuilt.outcome());
        rebuilt.index().close();
    }

    @Test
    void reindexingUnchangedTextReusesCachedEmbeddings() throws IOException {
        Embedder embedder = TestModels.embedder(data);
        manager(embedder, "v1").openOrBuild().index().close();
        long afterFirstBuild = embedder.modelCalls();
        assertTrue(afterFirstBuild > 0);

        // A new process: a fresh embedder over the same cache file, and settings that force a rebuild.
        Embedder restarted = TestModels.embedder(data);
        IndexManager.Opened rebuilt = manager(restarted, "v2").openOrBuild();
        assertEquals(IndexManager.Outcome.BUILT, rebuilt.outcome());
        assertEquals(0, restarted.modelCalls(), "every passage and sentence came from the cache");
        rebuilt.index().close();

        // Only the text of a new article reaches the model.
        Files.writeString(corpus.resolve("extra.txt"), "One brand new sentence about tulips.");
        Embedder again = TestModels.embedder(data);
        manager(again, "v2").openOrBuild().index().close();
        assertEquals(2, again.modelCalls(), "one passage and its one sentence");
    }

    @Test
    void aFailedBuildKeepsServingThePreviousIndexAndLeavesNothingHalfWritten() throws IOException {
        IndexManager.Opened good = manager(TestModels.embedder(data), "v1").openOrBuild();
        Path previous = good.index().path();
        good.index().close();
        Files.writeString(corpus.resolve("new.txt"), "Fresh text that needs embedding.");

        Embedder broken = new Embedder(new FailingModel(), EmbeddingCache.open(root.resolve("other.bin"), 384));
        IndexManager.Opened opened = manager(broken, "v1").openOrBuild();

        assertEquals(IndexManager.Outcome.STALE_AFTER_FAILED_BUILD, opened.outcome());
        assertEquals(previous, opened.index().path());
        assertEquals(List.of(previous.getFileName().toString()), dataFolders());
        opened.index().close();
    }

    @Test
    void aFailedFirstBuildFailsStartUp() throws IOException {
        Embedder broken = new Embedder(new FailingModel(), cache(root.resolve("c.bin")));
        assertThrows(IllegalStateException.class, () -> manager(broken, "v1").openOrBuild());
        assertEquals(List.of(), dataFolders(), "no index and no unfinished build is left behind");
    }

    @Test
    void anUnfinishedBuildFromACrashIsRemoved() throws IOException {
        Files.createDirectories(data.resolve(".building-000000000000001"));
        IndexManager.Opened opened = manager(TestModels.embedder(data), "v1").openOrBuild();
        assertEquals(List.of(opened.index().path().getFileName().toString()), dataFolders());
        opened.index().close();
    }

    private static EmbeddingCache cache(Path file) {
        try {
            return EmbeddingCache.open(file, 384);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A model that fails, as a broken native library or an out-of-memory would. */
    private static final class FailingModel implements EmbeddingModel {
        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            throw new IllegalStateException("model failure");
        }

        @Override
        public int dimension() {
            return 384;
        }
    }
}
