package dev.citeqa.collection;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Notices added, edited and deleted files in the corpus folder and reports each burst of changes once, after
 * the folder has held still for one interval (so copying in a thousand files starts one reindex, not many). A
 * folder that never holds still (a feed adding a file every second) is indexed all the same once its changes
 * have waited {@link #MAX_UNSETTLED_INTERVALS} intervals, 30 s at the default 2 s, and again after as long.
 *
 * <p>It polls the folder's listing (names, sizes, modification and change times, file identities) rather than using
 * {@link java.nio.file.WatchService}: a watch service sees nothing on network shares and on many
 * container-mounted folders, polls anyway on some platforms, and can overflow and drop events, after which
 * only a full comparison like this one tells what changed. Listing 10,000 files takes a few milliseconds.
 *
 * <p>A reaction that fails (a full disk, a file being rewritten) is tried again without a new change, after a
 * delay that doubles with each failure up to {@link #MAX_RETRY_DELAY}: the corpus must not stay out of step
 * with the index until someone touches it again, nor be rebuilt every interval while the fault lasts.
 */
public final class CorpusWatcher implements Closeable {

    private static final Logger LOG = Logger.getLogger(CorpusWatcher.class);
    private static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(10);
    /** How many intervals a change waits, at most, for the folder to hold still. */
    static final int MAX_UNSETTLED_INTERVALS = 15;

    private final Path dir;
    private final BooleanSupplier onChange;
    private final ScheduledExecutorService timer;
    private List<String> seen;
    private boolean pending;
    /** When the oldest change not yet indexed was seen. */
    private long pendingSince;
    private long interval;
    private int failures;
    private long retryAt;

    /**
     * Takes the folder's state now; changes from this moment on are reported once {@link #start} is called.
     *
     * @param onChange reacts to a change and says whether it succeeded; a failure is tried again later
     */
    public CorpusWatcher(Path dir, BooleanSupplier onChange) {
        this(dir, listing(dir), onChange);
    }

    /**
     * Watches for changes since {@code baseline}, a {@link #listing} taken earlier: start-up lists the folder
     * once and shares it with the index, since listing 100,000 files takes about a second.
     */
    public CorpusWatcher(Path dir, List<String> baseline, BooleanSupplier onChange) {
        this.dir = dir;
        this.onChange = onChange;
        this.seen = baseline;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "citeqa-corpus-watcher");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start(Duration interval) {
        long millis = Math.max(1, interval.toMillis());
        this.interval = TimeUnit.MILLISECONDS.toNanos(millis);
        timer.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
        LOG.infof("Watching %s for changes every %d ms", dir, millis);
    }

    private void poll() {
        try {
            check();
        } catch (Throwable e) {
            // Anything thrown out of here cancels the schedule for good, an Error (out of memory in a reindex) as
            // much as an exception, and the index would silently stop following the folder.
            LOG.error("Watching the corpus folder failed", e);
        }
    }

    private void check() {
        List<String> now = listing(dir);
        boolean changed = !now.equals(seen);
        if (changed) {
            // A new change is worth trying at once, whatever failed before.
            seen = now;
            if (!pending) {
                pendingSince = System.nanoTime();
            }
            pending = true;
            failures = 0;
            retryAt = System.nanoTime();
        }
        boolean settled = !changed || System.nanoTime() - pendingSince >= MAX_UNSETTLED_INTERVALS * interval;
        if (pending && settled && System.nanoTime() - retryAt >= 0) {
            boolean done;
            try {
                done = onChange.getAsBoolean();
            } catch (RuntimeException | Error e) {
                LOG.error("Reacting to a corpus change failed", e);
                done = false;
            }
            if (done) {
                pending = false;
                failures = 0;
            } else {
                failures++;
                // A folder that keeps changing waits its full time again, or the failing reaction would run at
                // every poll, with no back-off, for as long as the changes go on.
                pendingSince = System.nanoTime();
                long delay = Math.min(interval << Math.min(failures, 20), MAX_RETRY_DELAY.toNanos());
                retryAt = System.nanoTime() + delay;
                LOG.warnf("Will try the corpus change again in %d ms (failure %d)",
                        TimeUnit.NANOSECONDS.toMillis(delay), failures);
            }
        }
    }

    /**
     * One line per entry {@link NewsCollection#list} gives: an article file by its path, size, times and identity,
     * anything else by its path alone (never read, and a folder's time changes with its contents). A missing
     * folder is a state of its own, so its return is a change too.
     */
    public static List<String> listing(Path dir) {
        List<String> lines = new ArrayList<>();
        try {
            for (Path entry : NewsCollection.list(dir)) {
                String name = NewsCollection.relativeName(dir, entry);
                lines.add(NewsCollection.isArticleFile(entry) ? describe(entry, name) : name + "\u0000not read");
            }
        } catch (IOException | UncheckedIOException e) {
            return List.of("unreadable folder: " + e.getMessage());
        }
        lines.sort(null);
        return lines;
    }

    private static String describe(Path file, String name) {
        try {
            Map<String, Object> a = attributes(file);
            // Readability too: a file the service may not read is skipped, and "chmod" changes neither its size
            // nor its modification time (nor, on Windows, anything else listed here).
            return name + "\u0000" + a.get("size") + "\u0000"
                    + ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS) + "\u0000"
                    + Objects.toString(a.get("ctime"), "") + "\u0000" + Objects.toString(a.get("fileKey"))
                    + (Files.isReadable(file) ? "" : "\u0000unreadable");
        } catch (IOException e) {
            return name + "\u0000unreadable";
        }
    }

    /**
     * A file's size, modification time and identity, and the time its inode last changed where the file system keeps
     * one (POSIX ctime), in one look-up. An edit that keeps the size and sets the modification time back (a restore
     * that keeps times) changes the ctime, which no one can set.
     */
    private static Map<String, Object> attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,fileKey");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Files.readAttributes(file, "size,lastModifiedTime,fileKey"); // Windows
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
