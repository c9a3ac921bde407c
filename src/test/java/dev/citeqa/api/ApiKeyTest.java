package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code citeqa.api-key} set: who gets in, in which error shape, and a smaller body limit. */
@QuarkusTest
@TestProfile(ApiKeyTest.Profile.class)
class ApiKeyTest {

    static final String KEY = "test-key-7a-0123456789";

    public static final class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("citeqa.api-key", KEY, "citeqa.http.max-body", "2K");
        }
    }

    @Test
    void withoutTheKeyTheApiIs401Json() {
        given().when().get("/api/articles")
                .then().statusCode(401).contentType(ContentType.JSON)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("status", equalTo(401))
                .body("error", containsString("X-API-Key"));
        given().header("Authorization", "Bearer wrong").when().get("/api/articles")
                .then().statusCode(401).body("error", containsString("not valid"));
        given().header("X-API-Key", KEY + "x").when().get("/api/articles").then().statusCode(401);
        given().header("Authorization", "Basic " + KEY).when().get("/api/articles").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("question", "Who is Rutte?"))
                .when().post("/api/ask").then().statusCode(401);
    }

    @Test
    void pathTricksDoNotGetPastTheGate() {
        for (String path : new String[] {"//api/articles", "/api/../api/articles", "/q/../api/articles",
                "/api/./articles"}) {
            given().urlEncodingEnabled(false).when().get(path).then().statusCode(not(equalTo(200)));
        }
    }

    /** Every protected resource: method, path, query and body. */
    static final String[][] PROTECTED = {
        {"POST", "/api/ask", "", "{\"question\": \"Who is Rutte?\"}"},
        {"POST", "/api/ask/stream", "", "{\"question\": \"Who is Rutte?\"}"},
        {"GET", "/api/search", "?q=Rutte", null},
        {"GET", "/api/articles", "", null},
        {"GET", "/api/articles/001_ef047f98b842d2d5", "", null},
        {"GET", "/api/suggestions", "", null},
        {"POST", "/api/admin/reindex", "", null},
        {"POST", "/v1/chat/completions", "",
            "{\"model\": \"citeqa\", \"messages\": [{\"role\": \"user\", \"content\": \"Who is Rutte?\"}]}"},
        {"GET", "/v1/models", "", null},
        {"GET", "/v1/models/citeqa", "", null},
        {"GET", "/q/metrics", "", null},
        {"GET", "/q/openapi", "", null},
    };

    @Test
    void noSpellingOfAProtectedPathGetsPastTheGate() throws Exception {
        Map<String, String> json = Map.of("Content-Type", "application/json");
        for (String[] resource : PROTECTED) {
            // The plain path is a real resource: with the key it answers.
            RawHttp.Response keyed = RawHttp.send(resource[0], resource[1] + resource[2],
                    Map.of("Content-Type", "application/json", "X-API-Key", KEY), resource[3]);
            assertTrue(keyed.status() < 300, resource[1] + " with the key: " + keyed.status() + " " + keyed.body());
            for (String spelling : RawHttp.spellings(resource[1])) {
                RawHttp.Response response = RawHttp.send(resource[0], spelling + resource[2], json, resource[3]);
                assertTrue(response.status() == 400 || response.status() == 401,
                        spelling + " without the key: " + response.status() + " " + response.body());
                assertTrue(response.body().startsWith("{"), spelling + ": " + response.body());
            }
        }
    }

    @Test
    void theKeyOpensTheApiAsBearerOrHeader() {
        given().header("Authorization", "Bearer " + KEY).when().get("/api/articles")
                .then().statusCode(200).body("count", equalTo(5));
        given().header("authorization", "bearer " + KEY).when().get("/api/articles").then().statusCode(200);
        given().header("X-API-Key", KEY).contentType(ContentType.JSON).body(Map.of("question", "Who is Rutte?"))
                .when().post("/api/ask").then().statusCode(200);
    }

    @Test
    void openAiPathsAnswerInOpenAisErrorShape() {
        given().when().get("/v1/models")
                .then().statusCode(401).contentType(ContentType.JSON)
                .body("error.message", containsString("API key"))
                .body("error.type", equalTo("authentication_error"))
                .body("error.code", equalTo("invalid_api_key"));
    }

    @Test
    void adminEndpointsAlwaysNeedTheKey() {
        given().when().post("/api/admin/reindex").then().statusCode(401).body("status", equalTo(401));
    }

    @Test
    void healthAndThePageStayOpen() {
        for (String path : List.of("/q/health", "/q/health/live", "/q/health/ready", "/", "/index.html",
                "/js/app.js", "/js/apikey.js", "/css/app.css", "/favicon.svg")) {
            given().when().get(path).then().statusCode(200);
        }
    }

    /** Metrics and OpenAPI describe the service to whoever holds the key, as the API does. */
    @Test
    void metricsAndOpenApiNeedTheKey() {
        for (String path : List.of("/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
            given().when().get(path)
                    .then().statusCode(401).contentType(ContentType.JSON)
                    .header("WWW-Authenticate", equalTo("Bearer"))
                    .body("error", equalTo("An API key is required: send \"Authorization: Bearer <key>\" or "
                            + "\"X-API-Key: <key>\"."))
                    .body("status", equalTo(401));
            given().header("Authorization", "Bearer wrong").when().get(path)
                    .then().statusCode(401).body("error", equalTo("The API key is not valid."));
            given().header("Authorization", "Bearer " + KEY).when().get(path).then().statusCode(200);
            given().header("X-API-Key", KEY).when().get(path).then().statusCode(200);
        }
        given().header("X-API-Key", KEY).when().get("/q/metrics")
                .then().body(containsString("citeqa_rate_limited_total"));
    }

    @Test
    void theBodyLimitIsConfigurable() {
        given().header("X-API-Key", KEY).contentType(ContentType.JSON)
                .body(Map.of("question", "a".repeat(3000)))
                .when().post("/api/ask")
                .then().statusCode(413).contentType(ContentType.JSON)
                .body("error", containsString("2048 bytes"));
    }

    @Test
    void theKeyIsNeverLogged() {
        try (LogCapture log = LogCapture.start()) {
            given().header("X-API-Key", KEY).when().get("/api/articles").then().statusCode(200);
            given().header("Authorization", "Bearer " + KEY).when().get("/api/nothing").then().statusCode(404);
            given().header("X-API-Key", KEY + "-wrong").when().get("/api/articles").then().statusCode(401);
            assertFalse(log.text().contains(KEY), log.text());
        }
    }
}
