package dev.citeqa.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    private static LoadGenerator.Result result(Map<String, Long> statuses) {
        return new LoadGenerator.Result(new Histogram(3), statuses, 1);
    }

    @Test
    void refusalsAreErrorsButNotFailures() {
        LoadGenerator.Result result = result(Map.of("200", 10L, "429", 2L, "400", 1L));
        assertEquals(3, result.errors());
        assertFalse(result.failed());
    }

    @Test
    void aServerErrorOrALostConnectionFailsTheRun() {
        assertTrue(result(Map.of("200", 10L, "503", 1L)).failed());
        assertTrue(result(Map.of("200", 10L, "error ConnectException", 1L)).failed());
    }
}
