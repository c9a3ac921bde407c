package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class SearchResourceTest {

    @Test
    void rankedHitsWithOffsets() {
        List<Float> scores = given().queryParam("q", "Istanbul Communique EU membership").queryParam("k", 5)
                .when().get("/api/search")
                .then().statusCode(200)
                .body("mode", equalTo("hybrid"))
                .body("hits.size()", equalTo(5))
                .body("hits[0].id", equalTo("002_4e585f413ea321f4"))
                // The Communiqué's own passage; the one on EU membership is the same article's second best, which
                // follows once every other article has had its turn.
                .body("hits[0].passage", containsString("Istanbul Communiqué"))
                .body("hits.title", everyItem(notNullValue()))
                .body("hits.end", everyItem(greaterThan(0)))
                .extract().path("hits.score");
        for (int i = 1; i < scores.size(); i++) {
            if (scores.get(i) > scores.get(i - 1)) {
                throw new AssertionError("hits are not ranked by score: " + scores);
            }
        }
    }

    @Test
    void eachModeCanBeAskedFor() {
        // BM25 finds only the 9 of the corpus's 25 passages that say "travel" or "Turkey"; the embeddings rank
        // every passage, so they fill the default 10.
        for (var expected : Map.of("bm25", 9, "dense", 10, "hybrid", 10).entrySet()) {
            given().queryParam("q", "Who travelled to Turkey?").queryParam("mode", expected.getKey())
                    .when().get("/api/search")
                    .then().statusCode(200)
                    .body("mode", equalTo(expected.getKey()))
                    .body("hits.size()", equalTo(expected.getValue()));
        }
    }

    @Test
    void aMisspelledWordIsSearchedAsTheCorpusSpellsIt() {
        // Every story of the corpus says "Secretary"; none "Secretery".
        List<String> spelledRight = given().queryParam("q", "NATO secretary general").queryParam("mode", "bm25")
                .when().get("/api/search")
                .then().statusCode(200).body("corrections", equalTo(List.of()))
                .body("suggestedQuery", nullValue())
                .extract().path("hits.id");
        given().queryParam("q", "NATO secretery general").queryParam("mode", "bm25")
                .when().get("/api/search")
                .then().statusCode(200)
                .body("query", equalTo("NATO secretery general"))
                .body("corrections", equalTo(List.of(Map.of("from", "secretery", "to", "secretary"))))
                .body("suggestedQuery", nullValue())
                .body("hits.id", equalTo(spelledRight));
        // Capitalised inside the query, it may be a name: searched as written, and the corpus's spelling offered.
        given().queryParam("q", "NATO Secretery General").queryParam("mode", "bm25")
                .when().get("/api/search")
                .then().statusCode(200)
                .body("corrections", equalTo(List.of()))
                .body("suggestedQuery", equalTo("NATO Secretary General"));
    }

    @Test
    void aMissingQueryIs400() {
        given().when().get("/api/search").then().statusCode(400).body("error", containsString("\"q\""));
        given().queryParam("q", "  ").when().get("/api/search").then().statusCode(400);
        given().queryParam("q", "\u0000\u0007").when().get("/api/search").then().statusCode(400);
        given().queryParam("q", "\u200b\u202e").when().get("/api/search").then().statusCode(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-3", "ten", "1.5", "1e2", "１０", "+5"})
    void kOutsideOneToHundredIs400(String k) {
        given().queryParam("q", "NATO").queryParam("k", k)
                .when().get("/api/search")
                .then().statusCode(400).body("status", equalTo(400)).body("error", containsString("\"k\""));
    }

    @Test
    void anUnknownModeIs400() {
        given().queryParam("q", "NATO").queryParam("mode", "magic")
                .when().get("/api/search")
                .then().statusCode(400).body("error", containsString("bm25, dense or hybrid"));
    }
}
