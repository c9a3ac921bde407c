package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.citeqa.embed.Embedder;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The service in BM25 mode: no model is loaded, answers still cite, and dense retrieval is refused plainly. */
@QuarkusTest
@TestProfile(Bm25ModeTest.Bm25Profile.class)
class Bm25ModeTest {

    public static class Bm25Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("citeqa.retrieval.mode", "bm25", "citeqa.data.dir", "target/test-data/bm25");
        }
    }

    @Inject
    Embedder embedder;

    @Test
    void noModelIsLoaded() {
        assertFalse(embedder.available());
    }

    @Test
    void answersCiteTheirSource() {
        given().contentType(ContentType.JSON).body(Map.of("question",
                        "Where did Mark Rutte chair the informal meeting of NATO foreign ministers?"))
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("answered", equalTo(true))
                .body("answer", containsString("Antalya"))
                .body("citations[0].id", oneOf("001_ef047f98b842d2d5", "004_7f23b3891e78eb35"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // The sentence with every word of the question says it of Ukraine's minister, or of Russia's deputy one.
        "Who is Russia's foreign minister?|Sergey Lavrov",
        "Who is Turkey's foreign minister?|Hakan Fidan",
        "Who is the Russian foreign minister?|Sergey Lavrov",
        // That sentence names Russia, and President Erdoğan.
        "Who is the president of Russia?|Vladimir Putin",
        // "Erdogan" further on shares the title the article gives him, but stands farther from its words.
        "Who is the Turkish president?|Tayyip Erdogan",
        "Who is the current Russian foreign minister?|Sergey Lavrov",
    })
    void theHolderOfATitleIsTheOneNamedWithIt(String question, String holder) {
        given().contentType(ContentType.JSON).body(Map.of("question", question))
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("answered", equalTo(true))
                .body("answerSpan.text", equalTo(holder));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // The stories give "Mark Rutte, the Prime Minister of the Netherlands", "Deputy Defense Minister Alexander
        // Fomin" and "NATO Secretary General": other offices.
        "Who is the Ukrainian prime minister?|Mark Rutte",
        "Who is the Russian defense minister?|Deputy Defense Minister Alexander Fomin",
        "Who is the UN Secretary-General?|NATO Secretary",
    })
    void theHolderOfAnotherOfficeIsNoAnswer(String question, String other) {
        given().contentType(ContentType.JSON).body(Map.of("question", question))
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("answered", equalTo(false))
                .body("answer", containsString("No passage names who holds that title; " + other));
    }

    @Test
    void denseSearchIsABadRequestThatSaysWhy() {
        given().queryParam("q", "NATO").queryParam("mode", "dense")
                .when().get("/api/search")
                .then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", containsString("BM25 mode"));
    }
}
