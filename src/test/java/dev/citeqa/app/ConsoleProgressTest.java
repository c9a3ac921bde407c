package dev.citeqa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeqa.index.BuildProgress;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One line for the whole build: redrawn in place on a terminal, a log line every few seconds otherwise. */
class ConsoleProgressTest {

    private final AtomicLong nanos = new AtomicLong();
    private final BuildProgress progress = new BuildProgress(nanos::get);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final List<String> logged = new ArrayList<>();

    private ConsoleProgress console(boolean terminal) {
        return new ConsoleProgress(progress, () -> SERVING, terminal, new PrintStream(out, true, StandardCharsets.UTF_8),
                logged::add);
    }

    private static final String SERVING = "answering with bm25 until the vectors are in";

    /** 275 texts from the cache, then 60 a second for 20 seconds. */
    private static void embedding(BuildProgress progress, AtomicLong nanos) {
        progress.phase(BuildProgress.Phase.EMBEDDING, 42_275);
        progress.cached(275);
        for (int i = 0; i < 20; i++) {
            nanos.addAndGet(1_000_000_000L);
            progress.embedded(60);
        }
    }

    private void embedding() {
        embedding(progress, nanos);
    }

    private static final String LINE = "Indexing: embedding 1,475 of 42,275 texts (3%), 60.0 texts/s, about 11 min "
            + "20 s left, 275 from the cache; answering with bm25 until the vectors are in";

    @Test
    void theLineSaysThePhaseCountsRateAndTimeLeft() {
        embedding();
        assertEquals(LINE, ConsoleProgress.line(progress.snapshot(), SERVING));
        progress.phase(BuildProgress.Phase.LISTING, 0);
        assertEquals("Indexing: listing; questions wait for the word index",
                ConsoleProgress.line(progress.snapshot(), "questions wait for the word index"));
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlaceAndClearedAtTheEnd() {
        ConsoleProgress console = console(true);
        embedding();
        console.tick(1_000);
        console.tick(2_000);
        progress.idle();
        console.tick(3_000);
        assertEquals("\r" + LINE + "\033[K" + "\r" + LINE + "\033[K" + "\r\033[K", out.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), logged);
    }

    @Test
    void elsewhereALogLineEveryFiveSeconds() {
        ConsoleProgress console = console(false);
        embedding();
        for (long t = 1_000; t <= 12_000; t += 1_000) {
            console.tick(t); // the first tick starts the count: a build shorter than 5 s logs nothing
        }
        assertEquals(List.of(LINE, LINE), logged, "at 6 s and 11 s");
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing drawn on standard output");
    }

    @Test
    void durationsReadAsPeopleSayThem() {
        assertEquals("45 s", ConsoleProgress.duration(45));
        assertEquals("4 min 34 s", ConsoleProgress.duration(274));
        assertEquals("1 h 2 min", ConsoleProgress.duration(3725));
    }
}
