package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * A client generated from the document can call the API: bodies are the fields the service reads (they were
     * Jackson's JsonNode, whose "empty" and "nodeType" the service refuses), parameters have their types and
     * ranges, and errors their shapes.
     */
    @Test
    void openApiGivesBodiesParametersAndErrorsAsTheServiceReadsThem() {
        JsonPath doc = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        String ask = "paths.'/api/ask'.post.";
        assertEquals("#/components/schemas/AskRequest",
                doc.getString(ask + "requestBody.content.'application/json'.schema.'$ref'"));
        assertEquals(Set.of("question", "conversationId"),
                doc.getMap("components.schemas.AskRequest.properties").keySet());
        assertEquals(List.of("question"), doc.getList("components.schemas.AskRequest.required"));
        assertEquals("#/components/schemas/ChatCompletionRequest", doc.getString(
                "paths.'/v1/chat/completions'.post.requestBody.content.'application/json'.schema.'$ref'"));
        assertTrue(doc.getMap("components.schemas.ChatCompletionRequest.properties").containsKey("stream_options"));
        assertTrue(doc.getMap("paths.'/v1/chat/completions'.post.responses.'200'.content")
                .containsKey("text/event-stream"));
        Map<String, Object> k = doc.getMap("paths.'/api/search'.get.parameters.find { it.name == 'k' }.schema");
        assertEquals(Map.of("type", "integer", "minimum", 1, "maximum", 100, "default", 10), k);
        assertEquals(true, doc.getBoolean("paths.'/api/search'.get.parameters.find { it.name == 'q' }.required"));
        assertEquals("#/components/schemas/Error",
                doc.getString(ask + "responses.'400'.content.'application/json'.schema.'$ref'"));
        assertEquals("#/components/schemas/OpenAiError", doc.getString(
                "paths.'/v1/chat/completions'.post.responses.'400'.content.'application/json'.schema.'$ref'"));
        assertEquals("#/components/schemas/Error",
                doc.getString("paths.'/api/articles/{id}'.get.responses.'404'.content.'application/json'.schema.'$ref'"));
        assertTrue(doc.getMap("paths.'/api/status'.get.responses").containsKey("401"));
        assertFalse(doc.getMap("paths.'/api/status'.get.responses").containsKey("429"));
        assertEquals("bearer", doc.getString("components.securitySchemes.apiKey.scheme"));
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
