package dev.citeqa.api;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A wrong API key costs a rate-limit token even where requests are not limited (the status the page polls, the
 * platform's endpoints), so that guessing keys is as slow there as anywhere.
 */
@QuarkusTest
@TestProfile(KeyGuessingTest.Profile.class)
class KeyGuessingTest {

    static final String KEY = "the-right-key";

    public static final class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("citeqa.api-key", KEY, "citeqa.http.rate-limit.requests", "5",
                    "citeqa.http.rate-limit.period", "PT1H");
        }
    }

    @Test
    void guessesAtTheStatusAreRateLimited() {
        for (int i = 0; i < 3; i++) {
            given().header("X-API-Key", KEY).when().get("/api/status").then().statusCode(200);
            given().when().get("/api/status").then().statusCode(401); // no key: nothing guessed, nothing charged
        }
        for (int i = 0; i < 5; i++) {
            given().header("X-API-Key", "guess" + i).when().get("/api/status").then().statusCode(401);
        }
        given().header("X-API-Key", "guess5").when().get("/api/status").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        given().header("Authorization", "Bearer guess6").when().get("/q/metrics").then().statusCode(429);
        // The right key still reads what is not limited.
        given().header("X-API-Key", KEY).when().get("/api/status").then().statusCode(200);
    }
}
