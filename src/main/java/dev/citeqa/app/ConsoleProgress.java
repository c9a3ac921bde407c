package dev.citeqa.app;

import dev.citeqa.index.BuildProgress;
import java.io.Closeable;
import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The index build's progress on the console: on a terminal, one line redrawn in place every second; otherwise
 * (a log file, a container's output) a log line every few seconds, so that a log is not flooded.
 */
final class ConsoleProgress implements Closeable {

    private static final Logger LOG = Logger.getLogger(ConsoleProgress.class);
    /** Between two log lines when the output is not a terminal. */
    static final long LOG_EVERY_MILLIS = 5_000;

    private final BuildProgress progress;
    private final Supplier<String> serving;
    private final boolean terminal;
    private final PrintStream out;
    private final Consumer<String> log;
    private ScheduledExecutorService ticker;
    private boolean drawn;
    private long lastLogged;

    ConsoleProgress(BuildProgress progress, Supplier<String> serving) {
        this(progress, serving, isTerminal(), System.out, LOG::info);
    }

    ConsoleProgress(BuildProgress progress, Supplier<String> serving, boolean terminal, PrintStream out,
            Consumer<String> log) {
        this.progress = progress;
        this.serving = serving;
        this.terminal = terminal;
        this.out = out;
        this.log = log;
    }

    void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "citeqa-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(() -> tick(System.currentTimeMillis()), 1, 1, TimeUnit.SECONDS);
    }

    /** One tick of the clock: draws or logs the line when it is due. */
    synchronized void tick(long nowMillis) {
        BuildProgress.Snapshot snapshot = progress.snapshot();
        if (snapshot == null) {
            if (drawn) {
                out.print("\r\033[K");
                out.flush();
                drawn = false;
            }
            lastLogged = 0;
            return;
        }
        String line = line(snapshot, serving.get());
        if (terminal) {
            // \033[K clears what a longer line before left behind.
            out.print("\r" + line + "\033[K");
            out.flush();
            drawn = true;
        } else if (lastLogged == 0) {
            lastLogged = nowMillis; // a build shorter than the interval logs nothing
        } else if (nowMillis - lastLogged >= LOG_EVERY_MILLIS) {
            log.accept(line);
            lastLogged = nowMillis;
        }
    }

    /** "Indexing: embedding 1,200 of 42,300 texts (2%), 150.0 texts/s, about 4 min 34 s left; answering with bm25". */
    static String line(BuildProgress.Snapshot s, String serving) {
        StringBuilder line = new StringBuilder("Indexing: ").append(s.phaseLabel());
        if (s.total() > 0) {
            line.append(String.format(Locale.ROOT, " %,d of %,d %s (%d%%)", s.done(), s.total(), s.phase().unit(),
                    s.percent()));
        } else if (s.done() > 0) {
            line.append(String.format(Locale.ROOT, " %,d %s", s.done(), s.phase().unit()));
        }
        if (s.rate() > 0) {
            line.append(String.format(Locale.ROOT, ", %.1f %s/s", s.rate(), s.phase().unit()));
        }
        if (s.etaSeconds() >= 0 && s.total() > 0) {
            line.append(", about ").append(duration(s.etaSeconds())).append(" left");
        }
        if (s.cached() > 0) {
            line.append(String.format(Locale.ROOT, ", %,d from the cache", s.cached()));
        }
        return line.append("; ").append(serving).toString();
    }

    /** "45 s", "4 min 34 s", "1 h 2 min". */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    /**
     * Whether standard output is a terminal. On JDK 22 and later {@code System.console()} exists for redirected
     * output too, and {@code isTerminal()} tells; on JDK 21 it exists only for a terminal.
     */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException jdk21) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (drawn) {
            out.println();
            drawn = false;
        }
    }
}
