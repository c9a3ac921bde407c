package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.citeqa.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
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
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/").then().statusCode(200);
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
