package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.answer.llm.SseEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The OpenSearch backend with no cluster behind it: the service still starts, says it is not ready, and
 * answers questions with a 503 that says why, not a 500. (Recovery and the real cluster are in
 * OpenSearchBackendIT.)
 */
@QuarkusTest
@TestProfile(ClusterUnreachableTest.NoClusterProfile.class)
class ClusterUnreachableTest {

    public static class NoClusterProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("citeqa.retrieval.backend", "opensearch",
                    "citeqa.opensearch.hosts", "http://127.0.0.1:" + closedPort(),
                    "citeqa.opensearch.timeout", "PT2S",
                    "citeqa.retrieval.mode", "bm25",
                    "citeqa.data.dir", "target/test-data/opensearch-down");
        }

        /** A port nothing listens on: just freed by this process. */
        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Test
    void askAnswers503WithAJsonError() {
        given().contentType(ContentType.JSON).body(Map.of("question", "Who is Turkey's foreign minister?"))
                .when().post("/api/ask")
                .then().statusCode(503)
                .contentType(ContentType.JSON)
                .body("status", equalTo(503))
                .body("error", containsString("search cluster"));
    }

    @Test
    void streamEndsWithA503ErrorEvent() {
        String body = given().contentType(ContentType.JSON).body(Map.of("question", "Who is Turkey's foreign minister?"))
                .when().post("/api/ask/stream")
                .then().statusCode(200)
                .extract().asString();
        List<SseEvents.Event> events = SseEvents.parse(body);
        assertEquals(List.of("error"), SseEvents.names(events));
        assertEquals(503, events.getFirst().json().getInt("status"));
    }

    @Test
    void openAiEndpointAnswers503InItsShape() {
        given().contentType(ContentType.JSON)
                .body("{\"model\": \"citeqa\", \"messages\": [{\"role\": \"user\", \"content\": \"Who is Turkey's foreign minister?\"}]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(503)
                .contentType(ContentType.JSON)
                .body("error.type", equalTo("server_error"))
                .body("error.message", containsString("search cluster"));
    }

    /** The stream has begun with a 200: the error event says 503's reason, and no [DONE] follows. */
    @Test
    void openAiStreamEndsWithTheClusterError() {
        String body = given().contentType(ContentType.JSON)
                .body("{\"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \"Who is Turkey's foreign minister?\"}]}")
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .extract().asString();
        List<String> data = body.lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
        assertEquals(1, data.size(), body);
        JsonPath event = JsonPath.from(data.getFirst());
        assertEquals("server_error", event.getString("error.type"));
        assertTrue(event.getString("error.message").contains("search cluster"), data.getFirst());
    }

    @Test
    void searchAnswers503() {
        given().queryParam("q", "NATO")
                .when().get("/api/search")
                .then().statusCode(503)
                .contentType(ContentType.JSON)
                .body("error", containsString("search cluster"));
    }

    @Test
    void readinessReportsTheClusterDown() {
        given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.name", hasItem("search-backend"))
                .body("checks.find { it.name == 'search-backend' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'search-backend' }.data.cluster", equalTo("unreachable"));
    }
}
