package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** OpenAPI, Swagger UI, health, suggestions and the security headers. */
@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void openApiDescribesTheApi() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body("paths.keySet()", hasItem("/api/ask"))
                .body("paths.keySet()", hasItem("/api/search"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void liveAndReadyOnceTheIndexIsOpen() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'index' }.data.documents", equalTo(5))
                .body("checks.find { it.name == 'index' }.data.passages", greaterThan(5))
                .body("checks.find { it.name == 'index' }.data.generation", greaterThan(0))
                .body("checks.find { it.name == 'index' }.data.lastReindex", notNullValue())
                .body("checks.find { it.name == 'index' }.data.answerer", equalTo("extractive"));
    }

    @Test
    void apiResponsesForbidScriptsFromElsewhere() {
        given().when().get("/api/articles")
                .then().header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    /** Worked out in the background after start-up; each names a role the seed articles give one person. */
    @Test
    void suggestionsAreQuestionsTheCorpusAnswers() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (given().when().get("/api/suggestions").then().statusCode(200).extract().<Boolean>path("pending")) {
            assertTrue(System.nanoTime() < deadline, "suggestions still pending");
            Thread.sleep(100);
        }
        List<String> questions = given().when().get("/api/suggestions")
                .then().statusCode(200)
                .body("pending", equalTo(false))
                .body("questions", contains("Who is the NATO Secretary General?", "Who is the Russian Foreign Minister?",
                        "Who is the Russian President?", "Who is the U.S. Secretary of State?"))
                .extract().path("questions");
        for (String question : questions) {
            given().contentType(ContentType.JSON).body(Map.of("question", question)).when().post("/api/ask")
                    .then().statusCode(200)
                    .body("answered", equalTo(true));
        }
    }
}
