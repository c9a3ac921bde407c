package dev.citeqa.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.citeqa.FailingModel;
import dev.citeqa.TestModels;
import dev.citeqa.collection.NewsCollection;
import dev.citeqa.collection.PassageChunker;
import dev.citeqa.embed.Embedder;
import dev.citeqa.embed.EmbeddingCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
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
                new IndexGenerator(PassageChunker.ofSentences(3, 1), embedder));
    }

    private List<String> dataFolders() throws IOException {
        try (Stream<Path> list = Files.list(data)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aRestartSeesAnEditThatKeepsTheSizeAndTheModificationTime() throws IOException, InterruptedException {
        manager(Embedder.none(), "v1").openOrBuild().index().close();
        // Unchanged, the folder's listing is the same, and a restart reads no article file (that is what keeps
        // start-up flat as the corpus grows).
        manager(Embedder.none(), "v1").openOrBuild().index().close();
        IndexManager.Opened same = manager(Embedder.none(), "v1").openOrBuild();
        assertEquals(IndexManager.Outcome.REUSED, same.outcome());
        same.index().close();
        // An edit that keeps the size, the modification time and the file (a restore that keeps times): the change
        // time (POSIX ctime), which no one can set, is in the listing too.
        Path file = corpus.resolve("clinic.txt");
        FileTime time = Files.getLastModifiedTime(file);
        String text = Files.readString(file);
        Thread.sleep(1_100); // a file system may keep its times in whole seconds
        Files.writeString(file, text.replace("antibiotics", "ANTIBIOTICS"));
        Files.setLastModifiedTime(file, time);

        IndexManager.Opened opened = manager(Embedder.none(), "v1").openOrBuild();
        assertEquals(IndexManager.Outcome.UPDATED, opened.outcome());
        assertTrue(opened.index().article("clinic").orElseThrow().text().contains("ANTIBIOTICS"));
        opened.index().close();
    }

    @Test
    void onlyACleanStopSkipsTheChecksumsAndTheMarkIsUsedOnce() throws IOException {
        IndexManager manager = manager(Embedder.none(), "v1");
        manager.openOrBuild().index().close();
        manager.markCleanStop();
        assertTrue(Files.exists(data.resolve(".clean-stop")));
        manager.openOrBuild().index().close();
        // Gone once read: if the service now crashes, the next start verifies every file.
        assertFalse(Files.exists(data.resolve(".clean-stop")));
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
        assertEquals(IndexManager.Outcome.UPDATED, third.outcome());
        assertEquals(11, third.index().articles().size());
        assertNotEquals(first.index().path(), third.index().path());
        assertEquals(List.of(third.index().path().getFileName().toString()), dataFolders(),
                "the replaced index is deleted");
        third.index().close();
    }

    /**
     * A line of nothing but zero-width spaces once became a sentence the model rejected ("Cannot embed empty or
     * whitespace-only text"), failing start-up after the whole corpus had been embedded.
     */
    @Test
    void invisibleDebrisReachesNeitherTheModelNorTheIndex() throws IOException {
        Files.writeString(corpus.resolve("debris.txt"), "Bridge repairs finish early\n\nThe bridge reopened on "
                + "Tuesday.\n\u200B\u200B\u200B\n\u2060\uFEFF\u200E\n\u2022\n\uD83C\uDF89\nThe council thanked "
                + "the\u00A0crews \u202Eat once\u202C.\n");
        Embedder embedder = TestModels.embedder(data);
        IndexManager.Opened opened = manager(embedder, "v1").openOrBuild();
        assertEquals(IndexManager.Outcome.BUILT, opened.outcome());
        assertEquals(0, opened.written().textsNotEmbedded());
        assertEquals(List.of("The bridge reopened on Tuesday.", "The council thanked the crews at once."),
                opened.index().passage("debris#0").orElseThrow().passage().sentences().stream()
                        .map(s -> s.text()).toList());
        opened.index().close();
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
    void theSchemaVersionIsPartOfEveryCallersSettings() throws IOException {
        // The trainer and tests pass their own settings: a layout change must rebuild their indexes too.
        try (CorpusIndex index = manager(TestModels.embedder(data), "chunk=3/1").openOrBuild().index()) {
            String recorded = index.commitData(IndexConstants.COMMIT_SETTINGS);
            assertEquals(sha256("schema=" + IndexConstants.SCHEMA_VERSION + ";chunk=3/1"), recorded);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
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
        assertEquals(0, restarted.modelCalls(), "every passage came from the cache");
        rebuilt.index().close();

        // Only the text of a new article reaches the model.
        Files.writeString(corpus.resolve("extra.txt"), "One brand new sentence about tulips.");
        Embedder again = TestModels.embedder(data);
        manager(again, "v2").openOrBuild().index().close();
        assertEquals(1, again.modelCalls(), "one passage: sentences are not embedded at build time");
    }

    @Test
    void theEmbeddingCacheDropsTheVectorsOfReplacedTextsOnceTheyOutnumberTheLiveOnes() throws IOException {
        Embedder embedder = TestModels.embedder(data);
        IndexManager manager = manager(embedder, "v1");
        CorpusIndex index = manager.openOrBuild().index();
        int passages = index.passageCount();
        EmbeddingCache cache = EmbeddingCache.open(data.resolve("embeddings.bin"), TestModels.model().dimension());
        String original = Files.readString(corpus.resolve("clinic.txt"));
        long most = 0;
        boolean compacted = false;
        // A story edited again and again (a live blog) adds a vector at each edit.
        for (int edit = 1; edit <= 2 * passages + 2; edit++) {
            Files.writeString(corpus.resolve("clinic.txt"), "The clinic opened its doors to visitor number " + edit + ".");
            CorpusIndex next = manager.refresh(index).index();
            manager.discard(index);
            index = next;
            long records = cache.records();
            compacted |= records < most;
            most = Math.max(most, records);
            assertTrue(records <= 2L * index.passageCount(), "at most twice the live vectors: " + records);
        }
        assertTrue(compacted, "the file was rewritten");

        // Every live passage kept its vector: a rebuild embeds nothing. The story's first text was dropped.
        index.close();
        Embedder restarted = TestModels.embedder(data);
        IndexManager rebuilt = manager(restarted, "v2");
        CorpusIndex again = rebuilt.openOrBuild().index();
        assertEquals(0, restarted.modelCalls(), "every live passage came from the cache");
        Files.writeString(corpus.resolve("clinic.txt"), original);
        rebuilt.refresh(again).index().close();
        assertTrue(restarted.modelCalls() > 0, "the story's first text went with the other replaced ones");
        again.close();
    }

    /** A folder emptied for a moment (a share unmounted, a folder moved away and back) keeps the cache's vectors. */
    @Test
    void anEmptiedFolderKeepsTheEmbeddingCache() throws IOException {
        Embedder embedder = TestModels.embedder(data);
        IndexManager manager = manager(embedder, "v1");
        CorpusIndex index = manager.openOrBuild().index();
        Path away = Files.move(corpus, root.resolve("away"));
        Files.createDirectory(corpus);
        CorpusIndex empty = manager.refresh(index).index();
        assertEquals(0, empty.articleCount());
        manager.discard(index);
        Files.delete(corpus);
        Files.move(away, corpus);
        empty.close();

        Embedder restarted = TestModels.embedder(data);
        manager(restarted, "v2").openOrBuild().index().close();
        assertEquals(0, restarted.modelCalls(), "every passage came from the cache");
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

    /**
     * A replaced index that cannot be deleted (a file another user owns, a share's lock file) kept the service from
     * opening the newest one, and it stayed down; now it is left where it is, with a warning.
     */
    @Test
    void anOldIndexThatCannotBeDeletedIsLeftAndTheNewestServed() throws IOException, InterruptedException {
        manager(TestModels.embedder(data), "v1").openOrBuild().index().close();
        Path stuck = Files.createDirectories(data.resolve("index-000000000000001")).resolve("_0.cfs");
        Files.writeString(stuck, "held");
        // Root deletes what any permission forbids: only the immutable flag holds it, where the file system has one.
        assumeTrue(chattr("+i", stuck) == 0, "chattr +i is not available here");
        try {
            IndexManager.Opened opened = manager(TestModels.embedder(data), "v1").openOrBuild();
            assertEquals(IndexManager.Outcome.REUSED, opened.outcome());
            assertEquals(10, opened.index().articleCount());
            assertTrue(Files.exists(stuck));
            opened.index().close();
        } finally {
            chattr("-i", stuck);
        }
    }

    private static int chattr(String flag, Path file) throws InterruptedException {
        try {
            return new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            return -1; // no chattr
        }
    }

    /**
     * A restart after the folder changed serves the last run's index while the changes are indexed: it answered
     * nothing (503) for as long as the update took. The caller owns that index: it is not deleted under it.
     */
    @Test
    void aRestartAfterAChangeHandsOverTheLastIndexToServeMeanwhile() throws IOException {
        Embedder embedder = TestModels.embedder(data);
        manager(embedder, "v1").openOrBuild().index().close();
        Files.writeString(corpus.resolve("ferry.txt"), """
                Ferry service resumes

                The ferry to Gull Island runs again from Monday, the harbour office said.
                """);
        List<CorpusIndex> served = new ArrayList<>();

        IndexManager.Opened opened = manager(embedder, "v1").openOrBuild(
                NewsCollection.listingFingerprint(corpus), served::add);

        assertEquals(IndexManager.Outcome.UPDATED, opened.outcome());
        assertEquals(1, served.size());
        CorpusIndex meanwhile = served.getFirst();
        assertEquals(10, meanwhile.articleCount(), "the last run's index, before the change");
        assertEquals(11, opened.index().articleCount());
        assertTrue(meanwhile.article("roads_2019").isPresent(), "still open and readable");
        assertTrue(Files.isDirectory(meanwhile.path()), "left for the caller to discard");
        opened.index().close();
        manager(embedder, "v1").discard(meanwhile);

        // Other settings: the old index's vectors may not fit the new model, so nothing serves meanwhile.
        Files.delete(corpus.resolve("ferry.txt"));
        manager(embedder, "v2").openOrBuild(NewsCollection.listingFingerprint(corpus), served::add).index().close();
        assertEquals(1, served.size());
    }

    /** A data folder deleted under the service failed every reindex until a restart; now it is built anew. */
    @Test
    void aDataFolderDeletedWhileServingIsBuiltAnewAtTheNextChange() throws IOException {
        Embedder embedder = TestModels.embedder(data);
        IndexManager manager = manager(embedder, "v1");
        CorpusIndex first = manager.openOrBuild().index();
        try (Stream<Path> all = Files.walk(data)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        Files.writeString(corpus.resolve("ferry.txt"), """
                Ferry service resumes

                The ferry to Gull Island runs again from Monday, the harbour office said.
                """);

        IndexManager.Opened rebuilt = manager.refresh(first);

        assertEquals(IndexManager.Outcome.BUILT, rebuilt.outcome());
        assertEquals(11, rebuilt.index().articleCount());
        assertTrue(rebuilt.index().article("ferry").isPresent());
        rebuilt.index().close();
        first.close();
        assertEquals(IndexManager.Outcome.REUSED, manager.openOrBuild().outcome(), "the new index is whole on disk");
    }

    @Test
    void anEditReindexesOnlyThatArticleInANewGeneration() throws IOException {
        Embedder embedder = TestModels.embedder(data);
        IndexManager manager = manager(embedder, "v1");
        CorpusIndex first = manager.openOrBuild().index();
        int editedPassages = passagesOf(first, "roads_2019");
        Files.writeString(corpus.resolve("roads_2019.txt"), """
                Springfield council approves road repairs

                In 2019 the council approved $9.9 million for bridges.
                """);
        long callsBefore = embedder.modelCalls();

        IndexManager.Opened updated = manager.refresh(first);

        assertEquals(IndexManager.Outcome.UPDATED, updated.outcome());
        CorpusIndex second = updated.index();
        assertEquals(new IndexGenerator.Stats(1, 1, List.of(), 0), updated.written(), "one article, one passage parsed");
        assertEquals(1, embedder.modelCalls() - callsBefore, "only the edited passage is embedded");
        assertEquals(first.generation() + 1, second.generation());
        assertEquals(10, second.articleCount());
        assertEquals(first.passageCount() - editedPassages + 1, second.passageCount());
        assertTrue(second.article("roads_2019").orElseThrow().text().contains("$9.9 million"));
        assertTrue(sharesFiles(first.path(), second.path()), "unchanged segments are linked, not rewritten");
        // The replaced generation is untouched until discarded: requests in flight still read it.
        assertTrue(first.article("roads_2019").orElseThrow().text().contains("$4.2 million"));
        assertEquals(first.passageCount(), first.searcher().count(new MatchAllDocsQuery())
                - first.articleCount());

        manager.discard(first);
        assertEquals(List.of(second.path().getFileName().toString()), dataFolders());
        assertEquals(IndexManager.Outcome.REUSED, manager.refresh(second).outcome(), "nothing changed since");
        second.close();
    }

    @Test
    void aDeletedFileLeavesTheIndex() throws IOException {
        IndexManager manager = manager(TestModels.embedder(data), "v1");
        CorpusIndex first = manager.openOrBuild().index();
        Files.delete(corpus.resolve("clinic.txt"));

        CorpusIndex second = manager.refresh(first).index();

        assertEquals(9, second.articleCount());
        assertTrue(second.article("clinic").isEmpty());
        assertEquals(first.passageCount() - passagesOf(first, "clinic"), second.passageCount());
        assertEquals(0, passagesOf(second, "clinic"));
        first.close();
        second.close();
    }

    @Test
    void aFullDiskKeepsTheServingIndexAndLeavesNothingHalfWritten() throws IOException {
        Embedder embedder = TestModels.embedder(data);
        CorpusIndex serving = manager(embedder, "v1").openOrBuild().index();
        Files.writeString(corpus.resolve("new.txt"), "Fresh text that needs room on disk.");
        IndexManager full = new IndexManager(data, corpus, 1_000_000, "v1",
                new IndexGenerator(PassageChunker.ofSentences(3, 1), embedder, IndexManagerTest::fullDisk));

        IOException e = assertThrows(IOException.class, () -> full.refresh(serving));

        assertEquals("No space left on device", e.getMessage());
        assertEquals(List.of(serving.path().getFileName().toString()), dataFolders());
        assertEquals(10, serving.articleCount());
        assertTrue(serving.article("clinic").isPresent(), "the serving index still reads");
        serving.close();
    }

    @Test
    void anUnreadableFileFailsTheReindex() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads every file");
        IndexManager manager = manager(TestModels.embedder(data), "v1");
        CorpusIndex serving = manager.openOrBuild().index();
        Path locked = corpus.resolve("locked.txt");
        Files.writeString(locked, "Nobody may read this.");
        Files.setPosixFilePermissions(locked, Set.of());

        assertThrows(AccessDeniedException.class, () -> manager.refresh(serving));
        assertEquals(List.of(serving.path().getFileName().toString()), dataFolders());
        serving.close();
    }

    @Test
    void aDamagedIndexIsRebuiltAtStartUp() throws IOException {
        Embedder embedder = TestModels.embedder(data);
        CorpusIndex damaged = manager(embedder, "v1").openOrBuild().index();
        damaged.close();
        Path biggest;
        try (Stream<Path> files = Files.list(damaged.path())) {
            biggest = files.max(Comparator.comparingLong(IndexManagerTest::size)).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(biggest);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(biggest, bytes);

        IndexManager.Opened opened = manager(embedder, "v1").openOrBuild();

        assertEquals(IndexManager.Outcome.BUILT, opened.outcome());
        assertEquals(10, opened.index().articleCount());
        assertEquals(List.of(opened.index().path().getFileName().toString()), dataFolders());
        opened.index().close();
        assertClean(opened.index().path());
    }

    @Test
    void anIndexWithoutACommitIsRebuiltAtStartUp() throws IOException {
        Embedder embedder = TestModels.embedder(data);
        CorpusIndex built = manager(embedder, "v1").openOrBuild().index();
        built.close();
        try (Stream<Path> files = Files.list(built.path())) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments")).toList()) {
                Files.delete(f);
            }
        }

        IndexManager.Opened opened = manager(embedder, "v1").openOrBuild();

        assertEquals(IndexManager.Outcome.BUILT, opened.outcome());
        assertEquals(10, opened.index().articleCount());
        opened.index().close();
    }

    @Test
    void aStaleWriteLockDoesNotBlockStartUpOrUpdates() throws IOException {
        Embedder embedder = TestModels.embedder(data);
        CorpusIndex built = manager(embedder, "v1").openOrBuild().index();
        built.close();
        // What a killed process leaves: lock files that no live process holds.
        Files.writeString(built.path().resolve("write.lock"), "");
        Files.writeString(data.resolve(".lock"), "");
        Files.writeString(corpus.resolve("late.txt"), "A late story about a lock.");

        IndexManager.Opened opened = manager(embedder, "v1").openOrBuild();

        assertEquals(IndexManager.Outcome.UPDATED, opened.outcome());
        assertEquals(11, opened.index().articleCount());
        opened.index().close();
        assertClean(opened.index().path());
    }

    private static int passagesOf(CorpusIndex index, String articleId) throws IOException {
        return index.searcher().count(new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexConstants.KIND, IndexConstants.KIND_PASSAGE)), Occur.FILTER)
                .add(new TermQuery(new Term(IndexConstants.ARTICLE_ID, articleId)), Occur.FILTER)
                .build());
    }

    private static boolean sharesFiles(Path a, Path b) throws IOException {
        try (Stream<Path> files = Files.list(a)) {
            for (Path f : files.toList()) {
                Path other = b.resolve(f.getFileName());
                if (!f.getFileName().toString().equals("write.lock") && Files.exists(other)
                        && Files.isSameFile(f, other)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertClean(Path index) throws IOException {
        try (Directory dir = FSDirectory.open(index); CheckIndex check = new CheckIndex(dir)) {
            assertTrue(check.checkIndex().clean, "CheckIndex finds " + index + " clean");
        }
    }

    /** A disk with no room left: every new file fails, as writes would with ENOSPC. */
    private static Directory fullDisk(Path path) throws IOException {
        return new FilterDirectory(FSDirectory.open(path)) {
            @Override
            public IndexOutput createOutput(String name, IOContext context) throws IOException {
                throw new IOException("No space left on device");
            }
        };
    }

    private static EmbeddingCache cache(Path file) {
        try {
            return EmbeddingCache.open(file, 384);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
