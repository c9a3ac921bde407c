package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A per-client limit of a few requests an hour, so that the test exhausts it with certainty. */
@QuarkusTest
@TestProfile(RateLimitTest.Profile.class)
class RateLimitTest {

    public static final class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("citeqa.http.rate-limit.requests", "5", "citeqa.http.rate-limit.period", "PT1H");
        }
    }

    @Test
    void theExcessGets429WithRetryAfterAndIsCounted() throws Exception {
        int ok = 0;
        for (int i = 0; i < 5; i++) {
            ok += given().when().get("/api/articles").statusCode() == 200 ? 1 : 0;
        }
        assertEquals(5, ok);
        given().when().get("/api/articles")
                .then().statusCode(429).contentType(ContentType.JSON)
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("status", equalTo(429))
                .body("error", containsString("retry after"));
        given().contentType(ContentType.JSON).body(Map.of("question", "Who is Rutte?"))
                .when().post("/api/ask").then().statusCode(429);
        given().when().get("/v1/models")
                .then().statusCode(429).body("error.code", equalTo("rate_limit_exceeded"));
        // Another spelling of the same path is the same client's request.
        for (String spelling : RawHttp.spellings("/api/articles")) {
            int status = RawHttp.send("GET", spelling, Map.of(), null).status();
            assertTrue(status == 400 || status == 429, spelling + ": " + status);
        }
        // Outside the API: the page, health and metrics are not limited; nor is the status, which the page and
        // monitors poll.
        given().when().get("/").then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            given().when().get("/api/status").then().statusCode(200);
        }
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.matches("(?s).*\nciteqa_rate_limited_total(\\{[^}]*})? [1-9][0-9]*\\.0\n.*"), metrics);
    }
}
