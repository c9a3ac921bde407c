package dev.citeqa.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Counts, rate and time left as the page and the console show them, on a clock the test turns. */
class BuildProgressTest {

    private final AtomicLong nanos = new AtomicLong();
    private final BuildProgress progress = new BuildProgress(nanos::get);

    private void seconds(double s) {
        nanos.addAndGet((long) (s * 1e9));
    }

    @Test
    void idleHasNoSnapshot() {
        assertNull(progress.snapshot());
        assertFalse(progress.active());
    }

    @Test
    void theRateLeavesCacheHitsOutAndGivesTheTimeLeft() {
        progress.phase(BuildProgress.Phase.EMBEDDING, 1000);
        progress.cached(400); // at once, at no cost
        for (int i = 0; i < 10; i++) {
            seconds(1);
            progress.embedded(30);
        }
        BuildProgress.Snapshot s = progress.snapshot();
        assertEquals(BuildProgress.Phase.EMBEDDING, s.phase());
        assertEquals(700, s.done());
        assertEquals(1000, s.total());
        assertEquals(30.0, s.rate());
        assertEquals(10, s.etaSeconds()); // 300 left at 30 a second
        assertEquals(400, s.cached());
        assertEquals(300, s.embedded());
        assertEquals(70, s.percent());
    }

    @Test
    void theRateFollowsTheLastTwentySeconds() {
        progress.phase(BuildProgress.Phase.EMBEDDING, 10_000);
        for (int i = 0; i < 30; i++) {
            seconds(1);
            progress.embedded(100);
        }
        for (int i = 0; i < 30; i++) {
            seconds(1);
            progress.embedded(20); // the machine got busy
        }
        assertEquals(20.0, progress.snapshot().rate());
        assertEquals((10_000 - 3_600) / 20, progress.snapshot().etaSeconds());
    }

    @Test
    void noRateNorTimeLeftInTheFirstSecond() {
        progress.phase(BuildProgress.Phase.PARSING, 50);
        progress.advance(5);
        assertEquals(0.0, progress.snapshot().rate());
        assertEquals(-1, progress.snapshot().etaSeconds());
    }

    @Test
    void aNewPhaseStartsItsCountsAfresh() {
        progress.phase(BuildProgress.Phase.PARSING, 50);
        progress.advance(50);
        progress.phase(BuildProgress.Phase.LEXICAL, 48);
        BuildProgress.Snapshot s = progress.snapshot();
        assertEquals("lexical index", s.phaseLabel());
        assertEquals("articles", s.phase().unit());
        assertEquals(0, s.done());
        assertEquals(48, s.total());
    }

    @Test
    void aStopRequestEndsTheBuildAtItsNextStep() {
        progress.check();
        progress.stop();
        assertTrue(progress.stopping());
        assertThrows(CancellationException.class, progress::check);
        progress.resume();
        progress.check();
    }
}
