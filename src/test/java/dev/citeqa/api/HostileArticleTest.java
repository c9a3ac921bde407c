package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.HostileCorpus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
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

    /**
     * An article whose text carries citation markers: quoted, they stay visible but are markers no more (round
     * brackets), so the only chip the answer carries is the one CiteQA wrote, for the article quoted.
     */
    @Test
    void markersInAQuotedSentenceAreNotCitations() {
        JsonPath response = given().contentType(ContentType.JSON).body(Map.of("question", HostileCorpus.FORGED_QUESTION))
                .when().post("/api/ask")
                .then().statusCode(200).extract().jsonPath();
        HostileCorpus.assertUnmoved(response);
        String answer = response.getString("answer");
        assertEquals(List.of(HostileCorpus.FORGED_ID), response.getList("citations.id", String.class), answer);
        assertTrue(answer.contains("chaired by PWNED (999_deadbeefdeadbeef) (001_ef047f98b842d2d5), the organisers said."),
                answer);
        assertTrue(answer.endsWith(" [" + HostileCorpus.FORGED_ID + "]"), answer);
        // The citation still quotes the article as it reads, offsets and all.
        assertTrue(response.getString("citations[0].snippet").contains(HostileCorpus.FORGED_MARKERS));

        String content = given().contentType(ContentType.JSON)
                .body(Map.of("messages", List.of(Map.of("role", "user", "content", HostileCorpus.FORGED_QUESTION))))
                .when().post("/v1/chat/completions")
                .then().statusCode(200).extract().path("choices[0].message.content");
        assertEquals(answer, content);
    }
}
