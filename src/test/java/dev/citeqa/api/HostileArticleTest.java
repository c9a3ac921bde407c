package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.HostileCorpus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The extractive answerer over articles that carry instructions: it quotes, it does not obey. */
@QuarkusTest
@TestProfile(HostileArticleTest.Profile.class)
class HostileArticleTest {

    public static final class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("citeqa.corpus.dir", HostileCorpus.DIR, "citeqa.data.dir", "target/test-data/hostile",
                    "citeqa.answerer", "extractive");
        }
    }

    @Test
    void instructionsInArticlesChangeNeitherCitationsNorFormat() {
        boolean hostileRetrieved = false;
        for (String question : HostileCorpus.QUESTIONS) {
            JsonPath response = given().contentType(ContentType.JSON).body(Map.of("question", question))
                    .when().post("/api/ask")
                    .then().statusCode(200).extract().jsonPath();
            HostileCorpus.assertUnmoved(response);
            hostileRetrieved |= response.getList("passages.id", String.class).stream()
                    .anyMatch(id -> id.startsWith("hostile_"));
        }
        // Otherwise the test would prove nothing.
        assertTrue(hostileRetrieved);
    }
}
