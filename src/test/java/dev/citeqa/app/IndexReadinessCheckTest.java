package dev.citeqa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class IndexReadinessCheckTest {

    @Test
    void notReadyBeforeTheIndexOpens() {
        IndexReadinessCheck check = new IndexReadinessCheck();
        check.indexService = new IndexService();
        assertEquals(HealthCheckResponse.Status.DOWN, check.call().getStatus());
    }
}
