package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.citeqa.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Questions within the length limit but with more distinct words than Lucene takes clauses (about 512 made
 * {@code TooManyClauses} a 500): every endpoint answers them.
 */
@QuarkusTest
class ManyTermQuestionTest {

    /** 2,000 distinct CJK characters: each one a term to the standard tokenizer. */
    static String cjk() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            text.appendCodePoint(0x4E00 + i);
        }
        return text.toString();
    }

    /** 666 distinct two-letter words: "ab ac ad …", short enough for the 2,000-character limit. */
    static String twoLetterWords() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 666; i++) {
            text.append(i == 0 ? "" : " ").append((char) ('a' + i / 26)).append((char) ('a' + i % 26));
        }
        return text.toString();
    }

    @Test
    void askSearchAndChatCompletionsAnswerWithoutAServerError() {
        try (LogCapture log = LogCapture.start()) {
            // In a URL the CJK question is 18 KB, past any server's request line: search takes the other one.
            given().queryParam("q", twoLetterWords()).when().get("/api/search")
                    .then().statusCode(200).body("hits", notNullValue());
            for (String question : List.of(cjk(), twoLetterWords())) {
                given().contentType(ContentType.JSON).body(Map.of("question", question))
                        .when().post("/api/ask")
                        .then().statusCode(200).body("answer", notNullValue());
                given().contentType(ContentType.JSON)
                        .body(Map.of("model", "citeqa", "messages", List.of(Map.of("role", "user", "content", question))))
                        .when().post("/v1/chat/completions")
                        .then().statusCode(200).body("object", equalTo("chat.completion"));
            }
            assertFalse(log.text().contains("TooManyClauses") || log.text().contains("Exception"), log.text());
        }
    }
}
