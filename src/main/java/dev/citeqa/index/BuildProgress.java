package dev.citeqa.index;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.LongSupplier;

/**
 * How far the index build running now has got: its phase, counts, rate and the time left. Written by the one
 * thread that builds, read by any (readiness check, API, console). Also carries the build's stop request, so
 * that every loop of the build can give up between two steps.
 */
public final class BuildProgress {

    /** The phases of a build, in order; a vector build (vectors added to a BM25 index) only embeds and commits. */
    public enum Phase {
        LISTING("listing", "files"),
        PARSING("parsing", "files"),
        LEXICAL("lexical index", "articles"),
        EMBEDDING("embedding", "texts"),
        COMMITTING("committing", "articles");

        private final String label;
        private final String unit;

        Phase(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }

        public String label() {
            return label;
        }

        public String unit() {
            return unit;
        }
    }

    /**
     * One reading.
     *
     * @param rate units per second over the last {@link #WINDOW_NANOS}; 0 until it can be told
     * @param etaSeconds seconds left at that rate; -1 while unknown
     * @param cached texts of this build found in the embedding cache (embedding phase)
     * @param embedded texts of this build the model has embedded so far
     */
    public record Snapshot(Phase phase, long done, long total, double rate, long etaSeconds, long cached,
            long embedded) {

        public String phaseLabel() {
            return phase.label();
        }

        /** Whole percent done; 0 without a total. */
        public int percent() {
            return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        }
    }

    /**
     * A phase of the build, as it ended (or as far as it has got, for the phase running now).
     *
     * @param millis time spent in it
     */
    public record Step(Phase phase, long done, long total, long millis) {

        /** "parsing 3,115 of 3,115 files in 2.3 s". */
        @Override
        public String toString() {
            String counts = total > 0 ? String.format(Locale.ROOT, " %,d of %,d %s", done, total, phase.unit()) : "";
            return String.format(Locale.ROOT, "%s%s in %.1f s", phase.label(), counts, millis / 1000.0);
        }
    }

    /** The rate is measured over this much recent time, so that it follows a machine that gets busier. */
    static final long WINDOW_NANOS = 20_000_000_000L;
    private static final long SAMPLE_EVERY_NANOS = 500_000_000L;

    private final LongSupplier clock;
    private volatile Phase phase;
    private volatile long total;
    private volatile long done;
    private volatile long cached;
    private volatile long embedded;
    private final LinkedList<long[]> samples = new LinkedList<>();
    private final List<Step> steps = new ArrayList<>();
    private long phaseStarted;
    private volatile boolean stop;

    public BuildProgress() {
        this(System::nanoTime);
    }

    /** @param clock nanoseconds, for tests */
    public BuildProgress(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Enters a phase of {@code total} units; null for none (no build running), which also forgets the build's
     * {@link #steps()}. Entering the phase already running starts its counts afresh but keeps it one step.
     */
    public synchronized void phase(Phase phase, long total) {
        long now = clock.getAsLong();
        if (this.phase != null && this.phase != phase) {
            steps.add(step(now));
        }
        if (this.phase != phase) {
            phaseStarted = now;
        }
        if (phase == null) {
            steps.clear();
        }
        this.phase = phase;
        this.total = total;
        this.done = 0;
        samples.clear();
        samples.add(new long[] {now, 0});
        cached = 0;
        embedded = 0;
    }

    private Step step(long now) {
        return new Step(phase, done, total, (now - phaseStarted) / 1_000_000);
    }

    /** The phases of the build running now, in order, the current one as far as it has got: for its log line. */
    public synchronized List<Step> steps() {
        List<Step> all = new ArrayList<>(steps);
        if (phase != null) {
            all.add(step(clock.getAsLong()));
        }
        return all;
    }

    /** No build running. */
    public void idle() {
        phase(null, 0);
    }

    /** {@code count} more units done. */
    public synchronized void advance(long count) {
        done += count;
        long now = clock.getAsLong();
        if (now - samples.getLast()[0] >= SAMPLE_EVERY_NANOS) {
            samples.add(new long[] {now, done});
            while (samples.size() > 2 && now - samples.get(1)[0] >= WINDOW_NANOS) {
                samples.removeFirst();
            }
        }
    }

    /** Texts found in the embedding cache: done, but at no cost, so left out of the rate. */
    public synchronized void cached(long count) {
        cached += count;
        done += count;
        // Cache hits arrive at once: counted in every sample, they drop out of the rate.
        samples.forEach(sample -> sample[1] += count);
    }

    /** Texts the model embedded. */
    public void embedded(long count) {
        synchronized (this) {
            embedded += count;
        }
        advance(count);
    }

    public synchronized Snapshot snapshot() {
        Phase current = phase;
        if (current == null) {
            return null;
        }
        long now = clock.getAsLong();
        long[] first = samples.getFirst();
        double seconds = (now - first[0]) / 1e9;
        double rate = seconds >= 1 ? Math.max(0, done - first[1]) / seconds : 0;
        long eta = rate > 0 ? (long) Math.ceil((total - done) / rate) : -1;
        return new Snapshot(current, done, total, Math.round(rate * 10) / 10.0, Math.max(-1, eta), cached, embedded);
    }

    /** Whether a build is running. */
    public boolean active() {
        return phase != null;
    }

    /** Asks the build to give up at its next step; {@link #resume()} lets the next one run. */
    public void stop() {
        stop = true;
    }

    public void resume() {
        stop = false;
    }

    public boolean stopping() {
        return stop;
    }

    /** Between two steps of a build: gives up if asked to. */
    public void check() {
        if (stop || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("index build stopped");
        }
    }
}
