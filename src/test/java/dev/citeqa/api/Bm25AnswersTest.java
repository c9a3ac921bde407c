package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.citeqa.app.IndexService;
import dev.citeqa.embed.Embedder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * BM25 mode with {@code citeqa.embedding.bm25-answers}: nothing is embedded when indexing, yet the answerer compares
 * meanings. On words alone (the eval command's {@code bm25} service) Turkey's GDP, which no seed article gives, is
 * answered from a sentence about Turkey's role in the talks; "Who is Turkey's foreign minister?" was answered with
 * Russia's deputy foreign minister until the holder of a title was told by the title's words (Bm25ModeTest).
 */
@QuarkusTest
@TestProfile(Bm25AnswersTest.Bm25AnswersProfile.class)
class Bm25AnswersTest {

    public static class Bm25AnswersProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("citeqa.retrieval.mode", "bm25", "citeqa.embedding.bm25-answers", "true",
                    "citeqa.data.dir", "target/test-data/bm25-answers");
        }
    }

    @Inject
    Embedder indexing;

    @Inject
    IndexService index;

    @Test
    void nothingIsEmbeddedWhenIndexing() {
        assertFalse(indexing.available());
        assertFalse(index.current().hasVectors());
    }

    @Test
    void meaningsPickTheSentenceThatAnswers() {
        given().contentType(ContentType.JSON).body(Map.of("question", "Who is Turkey's foreign minister?"))
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("answered", equalTo(true))
                .body("retrieval", equalTo("bm25"))
                .body("answerSpan.text", equalTo("Hakan Fidan"));
    }

    @Test
    void meaningsTellWhenNoArticleAnswers() {
        given().contentType(ContentType.JSON).body(Map.of("question", "What is the gross domestic product of Turkey?"))
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("answered", equalTo(false))
                .body("answer", containsString("does not say"));
    }
}
