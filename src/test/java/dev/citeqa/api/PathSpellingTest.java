package dev.citeqa.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With no key set, the admin endpoints do not exist, however their path is spelled. */
@QuarkusTest
class PathSpellingTest {

    @Test
    void noSpellingReachesTheAdminEndpoint() throws Exception {
        assertEquals(404, RawHttp.send("POST", "/api/admin/reindex", Map.of(), null).status());
        for (String spelling : RawHttp.spellings("/api/admin/reindex")) {
            RawHttp.Response response = RawHttp.send("POST", spelling, Map.of(), null);
            assertTrue(response.status() == 400 || response.status() == 404,
                    spelling + ": " + response.status() + " " + response.body());
            assertTrue(response.body().startsWith("{"), spelling + ": " + response.body());
        }
    }

    @Test
    void matrixParametersAreRefusedWithAJsonError() throws Exception {
        RawHttp.Response response = RawHttp.send("GET", "/api;x=1/articles", Map.of(), null);
        assertEquals(400, response.status());
        assertTrue(response.body().contains("Matrix parameters"), response.body());
        assertEquals(400, RawHttp.send("GET", "/v1;/models", Map.of(), null).status());
    }
}
