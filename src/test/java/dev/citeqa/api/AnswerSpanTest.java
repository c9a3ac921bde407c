package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The answering phrase of a question that asks for a name, a place, a date or a number: in {@code /api/ask}
 * and beside the citations in {@code /v1}, with offsets that pick it out of the article file.
 */
@QuarkusTest
class AnswerSpanTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Where did Mark Rutte chair the informal meeting of NATO foreign ministers?|Antalya|",
        "Who is Turkey's foreign minister?|Hakan Fidan|",
        "Who heads the Russian negotiators?|Vladimir Medinsky|",
        "Who will lead the Ukrainian delegation?|Rustem Umerov|",
        // "what is the name of" asks for a name of any kind ("which <organisation noun>" too: AnswerPhrasesTest).
        "What is the name of the news agency that reported the call?|Ukrinform|",
        // "in The Hague" is a place.
        "In which city will the NATO leaders meet in June?|Hague|",
        // A person or place asked for is named without the sentence's possessive ("Zelensky's legitimacy"); a
        // person by surname, with the whole name the article gives.
        "Who did Lavrov say lacks legitimacy?|Zelensky|Volodymyr Zelensky",
        "Which country's aggression against Ukraine was discussed?|Russia|",
        // Who holds a title, asked in other words than the article's: the country by its name, the title after it.
        "Who is Russia's foreign minister?|Sergey Lavrov|",
        "Who is the foreign minister of Russia?|Sergey Lavrov|",
        "Who is the president of Russia?|Vladimir Putin|",
        "Who is France's foreign minister?|Jean-Noel Barrot|",
    })
    void theAnswerCarriesThePhraseWithOffsetsIntoTheFile(String question, String phrase, String name)
            throws IOException {
        JsonPath answer = given().contentType(ContentType.JSON).body(Map.of("question", question))
                .when().post("/api/ask")
                .then().statusCode(200).body("answered", equalTo(true))
                .body("answerSpan.text", equalTo(phrase))
                // No whole name to give: the field is left out, not null.
                .body("answerSpan", name == null ? not(hasKey("name")) : hasEntry("name", name))
                .extract().jsonPath();
        if (name != null) {
            // Led with, or already in the quote ("Ukrainian President Volodymyr Zelensky … Zelensky's legitimacy").
            assertTrue(answer.getString("answer").contains(name), answer.getString("answer"));
        }
        String article = answer.getString("answerSpan.articleId");
        assertEquals(article, answer.getString("citations[0].id"), "the phrase is in the cited quote");
        String file = Files.readString(Path.of("corpus", article + ".txt"));
        assertEquals(phrase, file.substring(answer.getInt("answerSpan.start"), answer.getInt("answerSpan.end")));
        assertEquals(true, answer.getString("answer").contains(phrase));
    }

    @Test
    void aQuestionAskingForNoPhraseHasNoSpan() {
        given().contentType(ContentType.JSON).body(Map.of("question", "What did Rutte praise Turkey for?"))
                .when().post("/api/ask")
                .then().statusCode(200).body("answered", equalTo(true)).body("answerSpan", nullValue());
    }

    @Test
    void anOrganisationIsNotAnsweredByAPersonsName() {
        // "NATO Secretary General Mark Rutte" stands nearer the question's words, but a person named with a
        // title names no office.
        String question = "Which government office issued the statement on Erdoğan's meeting with Rutte?";
        given().contentType(ContentType.JSON).body(Map.of("question", question))
                .when().post("/api/ask")
                .then().statusCode(200).body("answered", equalTo(true))
                .body("answer", containsString("Communications Directorate"))
                .body("answerSpan.text", equalTo("Communications Directorate"));
    }

    @Test
    void theOpenAiResponseCarriesItBesideTheCitations() {
        Map<String, Object> body = Map.of("model", "citeqa", "messages",
                List.of(Map.of("role", "user", "content", "Who is Turkey's foreign minister?")));
        given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/chat/completions")
                .then().statusCode(200)
                .body("answer_span.text", equalTo("Hakan Fidan"))
                .body("choices[0].message.answer_span.text", equalTo("Hakan Fidan"));
    }
}
