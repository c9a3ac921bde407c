package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A language model that is down makes the service neither dead nor unready: answers fall back. */
@QuarkusTest
@TestProfile(HealthWithoutModelTest.ModelDown.class)
class HealthWithoutModelTest {

    /** The OpenAI answerer pointed at a port nothing listens on. */
    public static class ModelDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("citeqa.answerer", "openai", "citeqa.openai.base-url", "http://127.0.0.1:" + port + "/v1",
                    "citeqa.openai.model", "absent", "citeqa.retrieval.mode", "bm25",
                    "citeqa.data.dir", "target/test-data/bm25");
        }
    }

    @Test
    void liveAndReadyWhileTheModelIsDown() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'index' }.data.answerer", equalTo("absent"))
                .body("checks.find { it.name == 'index' }.data.answererFallback", equalTo("extractive"));
        given().contentType(ContentType.JSON).body(Map.of("question", "Who chaired the NATO meeting?"))
                .when().post("/api/ask").then().statusCode(200).body("fallback", equalTo(true));
    }
}
