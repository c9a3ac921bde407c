package dev.citeqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.QuarkusBindException;
import java.net.BindException;
import org.junit.jupiter.api.Test;

class CiteQaMainTest {

    @Test
    void aFailedStartIsToldInOneLineOfItsCauses() {
        RuntimeException quarkus = new RuntimeException("Failed to start quarkus",
                new IllegalArgumentException("citeqa.openai.model is required when citeqa.answerer is openai"));
        assertEquals("citeqa.openai.model is required when citeqa.answerer is openai",
                CiteQaMain.startFailure(quarkus));
        // A message its cause repeats is told once.
        RuntimeException wrapped = new RuntimeException("java.lang.IllegalStateException: data folder held",
                new IllegalStateException("data folder held"));
        assertEquals("java.lang.IllegalStateException: data folder held", CiteQaMain.reasons(wrapped));
    }

    @Test
    void aFaultOfOursIsToldWithItsTraceASettingWithout() {
        assertTrue(CiteQaMain.told(new RuntimeException("Failed to start quarkus",
                new IllegalArgumentException("citeqa.openai.model is required"))));
        assertFalse(CiteQaMain.told(new RuntimeException("Failed to start quarkus", new NullPointerException())));
        // A chain of causes that loops back is read to an end.
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(CiteQaMain.told(a));
        assertEquals("a: b", CiteQaMain.startFailure(a));
    }

    @Test
    void aPortInUseNamesThePortAndTheSettingThatChoosesAnother() {
        RuntimeException quarkus = new RuntimeException("Failed to start quarkus", new RuntimeException(
                "Unable to start HTTP server", new QuarkusBindException("localhost", 8080, new BindException())));
        assertEquals("port 8080 is in use by another process (another CiteQA service?); quarkus.http.port "
                + "(QUARKUS_HTTP_PORT) chooses another.", CiteQaMain.startFailure(quarkus));
    }
}
