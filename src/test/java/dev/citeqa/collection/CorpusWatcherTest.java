package dev.citeqa.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusWatcherTest {

    @TempDir
    Path dir;

    private final Semaphore changes = new Semaphore(0);

    private boolean report() {
        changes.release();
        return true;
    }

    private boolean changeReported() throws InterruptedException {
        return changes.tryAcquire(10, TimeUnit.SECONDS);
    }

    @Test
    void reportsAddedEditedAndDeletedFiles() throws IOException, InterruptedException {
        Files.writeString(dir.resolve("a.txt"), "First.");
        try (CorpusWatcher watcher = new CorpusWatcher(dir, this::report)) {
            watcher.start(Duration.ofMillis(50));

            Files.writeString(dir.resolve("b.txt"), "Added.");
            assertTrue(changeReported(), "an added file");
            Files.writeString(dir.resolve("a.txt"), "Edited, longer than before.");
            assertTrue(changeReported(), "an edited file");
            Files.delete(dir.resolve("b.txt"));
            assertTrue(changeReported(), "a deleted file");
            Files.writeString(dir.resolve("notes.md"), "Not an article.");
            assertTrue(changeReported(), "another file, which the skip report lists");
            Files.writeString(dir.resolve("notes.md"), "Edited, but never read.");
            assertEquals(false, changes.tryAcquire(500, TimeUnit.MILLISECONDS), "other files are not articles");
        }
    }

    @Test
    void anEditThatKeepsTheSizeAndTheModificationTimeIsAChange() throws IOException, InterruptedException {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, "First.");
        FileTime modified = Files.getLastModifiedTime(file);
        List<String> before = CorpusWatcher.listing(dir);
        Thread.sleep(1_100); // a file system may keep its times in whole seconds
        Files.writeString(file, "Fixed.");
        Files.setLastModifiedTime(file, modified);
        assertNotEquals(before, CorpusWatcher.listing(dir));
    }

    @Test
    void aBurstOfChangesIsReportedOnceItEnds() throws IOException, InterruptedException {
        try (CorpusWatcher watcher = new CorpusWatcher(dir, this::report)) {
            // Files keep arriving for longer than the interval; the folder never holds still meanwhile. The interval
            // is long beside the writes' 30 ms, so that a stall of a loaded machine does not split the burst.
            watcher.start(Duration.ofMillis(1_000));
            for (int i = 0; i < 40; i++) {
                Files.writeString(dir.resolve("burst_" + i + ".txt"), "Story " + i + ".");
                Thread.sleep(30);
            }
            assertTrue(changeReported());
            assertEquals(false, changes.tryAcquire(2_000, TimeUnit.MILLISECONDS), "one report for the burst");
        }
    }

    /** A feed that adds a file more often than the interval is indexed all the same, every so often. */
    @Test
    void aFolderThatNeverHoldsStillIsReportedAfterAWhile() throws IOException, InterruptedException {
        try (CorpusWatcher watcher = new CorpusWatcher(dir, this::report)) {
            // A change waits at most 15 intervals (3 s); a file every 10 ms never lets an interval pass unchanged.
            watcher.start(Duration.ofMillis(200));
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(7_000);
            for (int i = 0; System.nanoTime() < end; i++) {
                Files.writeString(dir.resolve("feed_" + i + ".txt"), "Story " + i + ".");
                Thread.sleep(10);
            }
            assertTrue(changes.availablePermits() >= 2, changes.availablePermits() + " reports while the feed ran");
        }
    }

    /** An Error out of a reindex (out of memory) was the watcher's end: the index never followed the folder again. */
    @Test
    void aReactionThatThrowsAnErrorIsTriedAgain() throws IOException, InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        try (CorpusWatcher watcher = new CorpusWatcher(dir, () -> {
            if (calls.incrementAndGet() == 1) {
                throw new OutOfMemoryError("Java heap space");
            }
            return report();
        })) {
            watcher.start(Duration.ofMillis(50));
            Files.writeString(dir.resolve("a.txt"), "Added.");
            assertTrue(changeReported(), "tried again after the error");
            Files.writeString(dir.resolve("b.txt"), "Added later.");
            assertTrue(changeReported(), "still watching");
        }
    }

    @Test
    void aFailedReactionIsTriedAgainWithoutANewChangeThenNoMore() throws IOException, InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        // Fails twice (a full disk, say), then succeeds.
        BooleanSupplier flaky = () -> {
            changes.release();
            return calls.incrementAndGet() > 2;
        };
        try (CorpusWatcher watcher = new CorpusWatcher(dir, flaky)) {
            watcher.start(Duration.ofMillis(50));
            Files.writeString(dir.resolve("a.txt"), "Added.");
            assertTrue(changeReported(), "the change");
            assertTrue(changeReported(), "first retry, with no new change");
            assertTrue(changeReported(), "second retry");
            assertEquals(false, changes.tryAcquire(1, TimeUnit.SECONDS), "no more once it succeeded");
            assertEquals(3, calls.get());
        }
    }

    @Test
    void retriesBackOff() throws IOException, InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        try (CorpusWatcher watcher = new CorpusWatcher(dir, () -> calls.incrementAndGet() < 0)) {
            watcher.start(Duration.ofMillis(20));
            Files.writeString(dir.resolve("a.txt"), "Added.");
            Thread.sleep(1_500);
            // Every poll (20 ms) would be about 70 tries; doubling delays (40, 80, 160, 320, 640 ms) allow 6.
            assertTrue(calls.get() >= 2 && calls.get() <= 7, "tries: " + calls.get());
        }
    }

    @Test
    void aFolderThatGoesAndComesBackIsAChange() throws IOException, InterruptedException {
        Path corpus = Files.createDirectory(dir.resolve("corpus"));
        try (CorpusWatcher watcher = new CorpusWatcher(corpus, this::report)) {
            watcher.start(Duration.ofMillis(50));
            Files.move(corpus, dir.resolve("moved"));
            assertTrue(changeReported(), "the folder went away");
            Files.move(dir.resolve("moved"), corpus);
            assertTrue(changeReported(), "the folder is back");
        }
    }
}
