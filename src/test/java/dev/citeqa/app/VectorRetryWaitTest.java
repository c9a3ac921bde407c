package dev.citeqa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VectorRetryWaitTest {

    @Test
    void theWaitDoublesAfterEachFailureInARowUpToAnHour() {
        Duration minute = Duration.ofMinutes(1);
        assertEquals(Duration.ofMinutes(1), IndexService.retryWait(minute, 1));
        assertEquals(Duration.ofMinutes(2), IndexService.retryWait(minute, 2));
        assertEquals(Duration.ofMinutes(32), IndexService.retryWait(minute, 6));
        assertEquals(Duration.ofHours(1), IndexService.retryWait(minute, 7), "64 minutes, held to the hour");
        assertEquals(Duration.ofHours(1), IndexService.retryWait(minute, Integer.MAX_VALUE), "no overflow");
        assertEquals(Duration.ofHours(1), IndexService.retryWait(Duration.ofHours(3), 1), "a first wait too long");
    }
}
