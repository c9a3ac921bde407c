package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class ArticleResourceTest {

    @Test
    void listsEveryArticleWithMetadata() {
        given().when().get("/api/articles")
                .then().statusCode(200)
                .body("count", equalTo(5))
                .body("articles.id", hasItems("000_a501985d60945543", "004_7f23b3891e78eb35"))
                .body("articles.find { it.id == '000_a501985d60945543' }.date", equalTo("2025-06-09"))
                .body("articles.find { it.id == '000_a501985d60945543' }.outlet", equalTo("Chas Pravdy"));
    }

    @Test
    void newestFirstWithTheUndatedLastById() {
        given().when().get("/api/articles")
                .then().statusCode(200)
                .body("count", equalTo(5))
                .body("articles.id", contains("000_a501985d60945543", "003_18b1f03eac19a9f9", "001_ef047f98b842d2d5",
                        "002_4e585f413ea321f4", "004_7f23b3891e78eb35"))
                .body("articles.date", contains("2025-06-09", "2025-05-16", "2025-05-13", null, null))
                .body("articles[0].keySet()", containsInAnyOrder("id", "title", "date", "outlet"));
    }

    @Test
    void pagesCountTheWholeList() {
        given().when().get("/api/articles?offset=1&limit=2")
                .then().statusCode(200)
                .body("count", equalTo(5))
                .body("articles.id", contains("003_18b1f03eac19a9f9", "001_ef047f98b842d2d5"));
        given().when().get("/api/articles?offset=4&limit=500")
                .then().statusCode(200)
                .body("count", equalTo(5))
                .body("articles.id", contains("004_7f23b3891e78eb35"));
        given().when().get("/api/articles?offset=5")
                .then().statusCode(200)
                .body("count", equalTo(5))
                .body("articles", empty());
    }

    @Test
    void searchesTitlesByTheStartOfTheirWords() {
        given().queryParam("q", "turk").when().get("/api/articles")
                .then().statusCode(200)
                .body("count", equalTo(3)) // "Turkish", "Turkey", "Türkiye"
                .body("articles.id", contains("000_a501985d60945543", "003_18b1f03eac19a9f9", "001_ef047f98b842d2d5"));
        given().queryParam("q", "Peace talks").when().get("/api/articles")
                .then().statusCode(200)
                .body("count", equalTo(2))
                .body("articles.id", contains("003_18b1f03eac19a9f9", "004_7f23b3891e78eb35"));
        given().queryParam("q", "nato").queryParam("offset", "1").queryParam("limit", "1").when().get("/api/articles")
                .then().statusCode(200)
                .body("count", equalTo(3))
                .body("articles.id", contains("002_4e585f413ea321f4"));
        given().queryParam("q", " \u200B!!! ").when().get("/api/articles")
                .then().statusCode(200)
                .body("count", equalTo(0))
                .body("articles", empty());
        given().queryParam("q", "  ").when().get("/api/articles")
                .then().statusCode(200)
                .body("count", equalTo(5));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "limit=0            | \"limit\" must be a whole number from 1 to 500.",
        "limit=501          | \"limit\" must be a whole number from 1 to 500.",
        "limit=ten          | \"limit\" must be a whole number from 1 to 500.",
        "limit=2.5          | \"limit\" must be a whole number from 1 to 500.",
        "offset=-1          | \"offset\" must be a whole number from 0 to 2147483647.",
        "offset=first       | \"offset\" must be a whole number from 0 to 2147483647.",
        "offset=99999999999 | \"offset\" must be a whole number from 0 to 2147483647.",
        "offset=2147483648  | \"offset\" must be a whole number from 0 to 2147483647.",
        "limit=１０           | \"limit\" must be a whole number from 1 to 500.",
    })
    void badPagingIs400Json(String query, String error) {
        given().when().get("/api/articles?" + query)
                .then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("status", equalTo(400))
                .body("error", equalTo(error));
    }

    @Test
    void aSearchLongerThan200CharactersIs400() {
        given().queryParam("q", "a".repeat(200)).when().get("/api/articles").then().statusCode(200);
        given().queryParam("q", "a".repeat(201)).when().get("/api/articles")
                .then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", equalTo("\"q\" is longer than 200 characters."));
        // Characters as people count them, as a question's are: 200 emoji are 400 UTF-16 units.
        given().queryParam("q", "\uD83D\uDE80".repeat(200)).when().get("/api/articles").then().statusCode(200);
    }

    /** IDs equal but for case are one article (a second is skipped as a duplicate), so either spelling finds it. */
    @Test
    void anIdSpelledInAnotherCaseFindsTheArticleUnderItsOwnId() {
        given().when().get("/api/articles/003_18B1F03EAC19A9F9")
                .then().statusCode(200)
                .body("id", equalTo("003_18b1f03eac19a9f9"));
    }

    @Test
    void returnsTheCleanedTextWithOffsetsIntoTheFile() throws IOException {
        String id = "003_18b1f03eac19a9f9";
        String source = Files.readString(Path.of("corpus", id + ".txt"));
        List<Map<String, Object>> paragraphs = given().when().get("/api/articles/" + id)
                .then().statusCode(200)
                .body("title", equalTo("US, Turkey, Ukraine Meet for Crucial Peace Talks"))
                .body("date", equalTo("2025-05-16"))
                .body("text", not(containsString("Related Post")))
                .extract().path("paragraphs");
        for (Map<String, Object> p : paragraphs) {
            assertEquals(p.get("text"), source.substring((Integer) p.get("start"), (Integer) p.get("end")));
        }
    }

    @Test
    void anUnknownIdIs404Json() {
        given().when().get("/api/articles/999_nope")
                .then().statusCode(404)
                .body("status", equalTo(404))
                .body("error", containsString("999_nope"));
    }

    /**
     * IDs that try to reach other files: parent folders, absolute paths, encoded slashes and dots, backslashes,
     * NUL. Each is a JSON 404, and none shows an article, even one the path would resolve to.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "..%2F..%2Fapplication.properties",
        "..%2Fcorpus%2F000_a501985d60945543",
        "%2Fetc%2Fpasswd",
        "%2e%2e%2f%2e%2e%2fpom.xml",
        "..%5C..%5Capplication.properties",
        "%2e%2e",
        "000_a501985d60945543%2F..%2F..%2Fpom.xml",
        "000_a501985d60945543%00.txt",
        "000_a501985d60945543.txt",
    })
    void pathTricksAre404(String trick) {
        given().urlEncodingEnabled(false).when().get("/api/articles/" + trick)
                .then().statusCode(404)
                .contentType(ContentType.JSON)
                .body("status", equalTo(404))
                .body("title", nullValue());
    }

    @Test
    void anAbsolutePathIs404() {
        given().urlEncodingEnabled(false).when().get("/api/articles//etc/passwd")
                .then().statusCode(404).contentType(ContentType.JSON);
    }
}
