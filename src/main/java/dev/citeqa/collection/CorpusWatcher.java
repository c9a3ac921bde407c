package dev.citeqa.collection;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Notices added, edited and deleted files in the corpus folder and reports each burst of changes once, after
 * the folder has held still for one interval (so copying in a thousand files starts one reindex, not many).
 *
 * <p>It polls the folder's listing (names, sizes, modification times, file identities) rather than using
 * {@link java.nio.file.WatchService}: a watch service sees nothing on network shares and on many
 * container-mounted folders, polls anyway on some platforms, and can overflow and drop events, after which
 * only a full comparison like this one tells what changed. Listing 10,000 files takes a few milliseconds.
 */
public final class CorpusWatcher implements Closeable {

    private static final Logger LOG = Logger.getLogger(CorpusWatcher.class);

    private final Path dir;
    private final Runnable onChange;
    private final ScheduledExecutorService timer;
    private List<String> seen;
    private boolean pending;

    /** Takes the folder's state now; changes from this moment on are reported once {@link #start} is called. */
    public CorpusWatcher(Path dir, Runnable onChange) {
        this(dir, listing(dir), onChange);
    }

    /**
     * Watches for changes since {@code baseline}, a {@link #listing} taken earlier: start-up lists the folder
     * once and shares it with the index, since listing 100,000 files takes about a second.
     */
    public CorpusWatcher(Path dir, List<String> baseline, Runnable onChange) {
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
        timer.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
        LOG.infof("Watching %s for changes every %d ms", dir, millis);
    }

    private void poll() {
        try {
            List<String> now = listing(dir);
            if (!now.equals(seen)) {
                seen = now;
                pending = true;
            } else if (pending) {
                pending = false;
                onChange.run();
            }
        } catch (RuntimeException e) {
            // A failure must not cancel the schedule; the next change tries again.
            LOG.error("Reacting to a corpus change failed", e);
        }
    }

    /** One line per article file; a missing folder is a state of its own, so its return is a change too. */
    public static List<String> listing(Path dir) {
        List<String> lines = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.txt")) {
            for (Path file : files) {
                lines.add(describe(file));
            }
        } catch (IOException e) {
            return List.of("unreadable folder: " + e.getMessage());
        }
        lines.sort(null);
        return lines;
    }

    private static String describe(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return file.getFileName() + "\u0000" + a.size() + "\u0000" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS) + "\u0000"
                    + Objects.toString(a.fileKey());
        } catch (IOException e) {
            return file.getFileName() + "\u0000unreadable";
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
