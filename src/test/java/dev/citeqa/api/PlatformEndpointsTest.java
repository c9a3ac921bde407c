package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
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

    @Test
    void suggestionsAreQuestionsTheCorpusAnswers() {
        given().when().get("/api/suggestions")
                .then().statusCode(200)
                .body("questions.size()", greaterThan(0))
                .body("questions[0]", containsString("?"));
    }
}
