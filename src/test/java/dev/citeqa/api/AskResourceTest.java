package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /api/ask} over the seed corpus: answers, conversations, streaming, and every way to get it wrong. */
@QuarkusTest
class AskResourceTest {

    @Test
    void answersWithCitationsAndPassages() {
        given().contentType(ContentType.JSON)
                .body("{\"question\": \"Where did Mark Rutte chair the informal meeting of NATO foreign ministers?\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("answered", equalTo(true))
                .body("answer", containsString("Antalya"))
                .body("answer", matchesPattern("(?s).*\\[\\d{3}_[0-9a-f]{16}].*"))
                .body("citations[0].id", matchesPattern("\\d{3}_[0-9a-f]{16}"))
                .body("citations[0].title", notNullValue())
                .body("citations[0].snippet", containsString("Antalya"))
                .body("citations[0].end", greaterThan(0))
                .body("passages.size()", greaterThan(0))
                .body("answerer", equalTo("extractive"))
                .body("fallback", equalTo(false))
                .body("conversationId", notNullValue())
                .body("timingsMs.total", notNullValue());
    }

    @Test
    void aMisspelledQuestionIsReadAsTheCorpusSpellsIt() {
        given().contentType(ContentType.JSON)
                .body("{\"question\": \"Where did Mark Rutte chair the infromal meeting of NATO foriegn ministers?\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("question", equalTo("Where did Mark Rutte chair the infromal meeting of NATO foriegn ministers?"))
                .body("standaloneQuestion",
                        equalTo("Where did Mark Rutte chair the informal meeting of NATO foreign ministers?"))
                .body("corrections", equalTo(List.of(Map.of("from", "infromal", "to", "informal"),
                        Map.of("from", "foriegn", "to", "foreign"))))
                .body("suggestedQuestion", nullValue())
                .body("answered", equalTo(true))
                .body("answer", containsString("Antalya"));
        given().contentType(ContentType.JSON)
                .body("{\"question\": \"Where did Mark Rutte chair the informal meeting of NATO foreign ministers?\"}")
                .when().post("/api/ask")
                .then().statusCode(200).body("corrections", equalTo(List.of()))
                .body("suggestedQuestion", nullValue());
        // A name is read as written, and the corpus's spelling offered.
        given().contentType(ContentType.JSON)
                .body("{\"question\": \"Where did Mark Ruttte chair the informal meeting of NATO foreign ministers?\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("corrections", equalTo(List.of()))
                .body("suggestedQuestion",
                        equalTo("Where did Mark Rutte chair the informal meeting of NATO foreign ministers?"));
    }

    @Test
    void aFollowUpIsResolvedWithTheConversation() {
        String conversation = given().contentType(ContentType.JSON)
                .body("{\"question\": \"Who is the NATO Secretary General?\", \"conversationId\": \"follow-up-test\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("conversationId", equalTo("follow-up-test"))
                .body("resumed", equalTo(false))
                .extract().path("conversationId");
        given().contentType(ContentType.JSON)
                .body("{\"question\": \"What did he say about Russia?\", \"conversationId\": \"" + conversation + "\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("resumed", equalTo(true))
                .body("standaloneQuestion", containsString("Rutte"))
                // Which of Rutte's sentences is quoted is the answerer's choice (PublicQuestionsEvalTest scores
                // it); resolving "he" finds his article.
                .body("answer", containsString("Rutte"))
                .body("citations.id", hasItem("004_7f23b3891e78eb35"));
    }

    /** A conversation the service never gave, or has forgotten (idle, restarted), says so: the history is gone. */
    @Test
    void aFollowUpInAnUnknownConversationSaysItWasNotResumed() {
        given().contentType(ContentType.JSON)
                .body("{\"question\": \"What did he say about Russia?\", \"conversationId\": \"never-given-123\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("resumed", equalTo(false))
                .body("standaloneQuestion", equalTo("What did he say about Russia?"));
    }

    @Test
    void anOffCorpusQuestionIsNotAnswered() {
        given().contentType(ContentType.JSON)
                .body("{\"question\": \"What is the population of Antalya?\"}")
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("answered", equalTo(false))
                .body("answer", startsWith("The corpus does not say."))
                .body("citations.size()", equalTo(0));
    }

    @Test
    void streamsSourcesThenTokensThenDone() {
        String body = given().contentType(ContentType.JSON)
                .body("{\"question\": \"Whose legitimacy did Lavrov question?\"}")
                .when().post("/api/ask/stream")
                .then().statusCode(200)
                .contentType(containsString("text/event-stream"))
                // Neither a cache nor a buffering proxy may hold the events back.
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no")
                .extract().asString();
        List<String> events = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^event: ?(\\w+)").matcher(body);
        while (m.find()) {
            events.add(m.group(1));
        }
        assertEquals(List.of("sources", "token", "done"), events, body);
        assertTrue(body.contains("Zelensky"), body);
        assertTrue(body.contains("\"answered\":true"), body);
    }

    @Test
    void aBadStreamRequestIsAJsonError() {
        given().contentType(ContentType.JSON).body("{\"question\": 42}")
                .when().post("/api/ask/stream")
                .then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("error", containsString("string"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"question\": \"\"}", "{\"question\": \"   \"}", "{\"question\": null}",
            // Control characters only: blank once cleaned, not a crash in the embedding model.
            "{\"question\": \"\\u0000\\u0001 \\u001b\"}", "{\"question\": \"\\u200b\\u202e\\ufeff\"}",
            "{\"question\": 42}", "{\"question\": [\"a\"]}", "{\"question\": {\"text\": \"a\"}}",
            "{\"question\": true}", "[]", "\"just a string\"", "42", "null", "{\"question\": \"ok\", "
                    + "\"conversationId\": 7}", "{\"question\": \"ok\", \"conversationId\": \"no spaces allowed\"}"})
    void invalidBodiesAre400(String body) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/ask")
                .then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("status", equalTo(400))
                .body("error", not(containsString("Exception")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"question\": \"Who is Rutte?\\ud800\"}", "{\"question\": \"\\udc00 Rutte\"}",
            "{\"question\": \"\\ud83d\"}"})
    void loneSurrogatesAreRefusedNamingTheField(String body) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/ask")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error", containsString("\"question\""))
                .body("error", containsString("surrogate"));
    }

    @Test
    void anUnknownFieldIs400NamingIt() {
        given().contentType(ContentType.JSON).body("{\"question\": \"Who is Rutte?\", \"conversationID\": \"abc\"}")
                .when().post("/api/ask")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error", containsString("\"conversationID\""));
    }

    /** Hidden and exotic characters are cleaned or carried, never a server error. */
    @ParameterizedTest
    @ValueSource(strings = {"Who is Mark\u0000 Rutte?", "Who is \u202eettuR kraM\u202c?", "Who is Mark Rut\u200bte?",
            "Who is Mark Rutte? \ud83d\ude00\ud83c\uddf9\ud83c\uddf7", "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67 NATO?",
            "\ufeffNATO\u2028summit\u0085?", "NATO \u0301\u0301\u0301 summit"})
    void hiddenAndExoticCharactersNeverFail(String question) {
        given().contentType(ContentType.JSON).body(Map.of("question", question))
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("question", not(matchesPattern("(?s).*[\\p{Cc}\\p{Cf}].*")));
        given().queryParam("q", question).when().get("/api/search").then().statusCode(200);
    }

    @Test
    void zeroWidthCharactersInsideAWordDoNotSplitIt() {
        given().contentType(ContentType.JSON).body(Map.of("question", "Who is Mark Rut\u200bte?"))
                .when().post("/api/ask")
                .then().statusCode(200)
                .body("question", equalTo("Who is Mark Rutte?"));
    }

    @Test
    void anOversizedChunkedBodyIs413Json() throws IOException {
        // No Content-Length: the size is only known while reading, which stops at the limit.
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String chunk = "a".repeat(8192);
            try {
                String start = "{\"question\": \"";
                out.write((Integer.toHexString(start.length()) + "\r\n" + start + "\r\n").getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 140; i++) { // past the default limit of 1 MB
                    out.write((Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                // The server may close the connection before the whole body is sent; its answer is still there.
            }
            socket.setSoTimeout(10_000);
            String response = readResponse(socket);
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.toLowerCase(Locale.ROOT).contains("content-type: application/json"), response);
            assertTrue(response.contains("\"status\":413"), response);
        }
    }

    @Test
    void anEmptyChunkedBodyIs400() throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.getOutputStream().write(("POST /api/ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(10_000);
            String response = readResponse(socket);
            assertTrue(response.startsWith("HTTP/1.1 400"), response);
        }
    }

    /** One error response up to its status field, whether or not the server then closes the connection. */
    private static String readResponse(Socket socket) throws IOException {
        var in = socket.getInputStream();
        StringBuilder response = new StringBuilder();
        byte[] buffer = new byte[8192];
        int n;
        while (!response.toString().contains("\"status\"") && (n = in.read(buffer)) > 0) {
            response.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return response.toString();
    }

    @Test
    void malformedJsonAndEmptyBodyAre400() {
        given().contentType(ContentType.JSON).body("{\"question\": ")
                .when().post("/api/ask")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("The request body is not valid JSON."));
        given().contentType(ContentType.JSON)
                .when().post("/api/ask")
                .then().statusCode(400).contentType(ContentType.JSON);
    }

    @Test
    void aQuestionOverTheLimitIs400() {
        given().contentType(ContentType.JSON).body("{\"question\": \"" + "a".repeat(2001) + "\"}")
                .when().post("/api/ask")
                .then().statusCode(400)
                .body("error", containsString("2000"));
    }

    @Test
    void anOversizedBodyIs413Json() {
        given().contentType(ContentType.JSON).body("{\"question\": \"" + "a".repeat(1_100_000) + "\"}")
                .when().post("/api/ask")
                .then().statusCode(413)
                .contentType(ContentType.JSON)
                .body("status", equalTo(413));
    }

    @Test
    void otherContentTypesAndMethodsAreJsonErrors() {
        given().contentType(ContentType.TEXT).body("Where is Antalya?")
                .when().post("/api/ask")
                .then().statusCode(415).contentType(ContentType.JSON).body("status", equalTo(415));
        given().when().get("/api/ask")
                .then().statusCode(405).contentType(ContentType.JSON).body("status", equalTo(405))
                .header("Allow", "OPTIONS, POST")
                .body("error", equalTo("This method is not allowed here; /api/ask takes POST."));
        given().when().delete("/api/articles/000_a501985d60945543")
                .then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS");
        given().when().put("/v1/chat/completions")
                .then().statusCode(405).header("Allow", "OPTIONS, POST")
                .body("error.message", equalTo("This method is not allowed here; /v1/chat/completions takes POST."));
        given().when().get("/api/nothing-here")
                .then().statusCode(404).contentType(ContentType.JSON).body("status", equalTo(404));
    }

    @Test
    void aFormOrMultipartBodyIsRefusedBeforeItIsDecoded() {
        // Vert.x decoded these as they arrived, and failed with a 500 and a stack trace in the log: a form sent with
        // GET (to an open path too), an empty boundary, a bad escape.
        given().contentType("application/x-www-form-urlencoded").body("x").when().get("/q/health/live")
                .then().statusCode(415).contentType(ContentType.JSON).body("status", equalTo(415));
        given().contentType("application/x-www-form-urlencoded").body("x").when().get("/api/status")
                .then().statusCode(415).body("error", equalTo("Send the body as application/json, not as a form."));
        given().contentType("multipart/form-data; boundary=").body("x".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/ask")
                .then().statusCode(415).contentType(ContentType.JSON);
        given().contentType("multipart/form-data; boundary=x").body("--x\r\n\r\n--x--".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/ask")
                .then().statusCode(415).contentType(ContentType.JSON);
        given().contentType("application/x-www-form-urlencoded").body("%zz=1").when().post("/v1/chat/completions")
                .then().statusCode(415).body("error.code", equalTo("unsupported_media_type"));
    }

    @Test
    void optionsAndA405AgreeOnWhatAPathTakes() {
        // The REST layer's own OPTIONS listed HEAD, which /api/ask refuses.
        given().when().options("/api/ask")
                .then().statusCode(204).header("Allow", "OPTIONS, POST");
        // Without a body to skip, the connection stays open.
        given().when().head("/api/ask")
                .then().statusCode(405).header("Allow", "OPTIONS, POST").header("Connection", nullValue());
        // A CORS preflight is left to Quarkus's CORS filter, when configured, and to the REST layer.
        given().header("Origin", "http://example.org").header("Access-Control-Request-Method", "POST")
                .when().options("/api/ask").then().statusCode(200);
        given().when().options("/v1/models")
                .then().statusCode(204).header("Allow", "GET, HEAD, OPTIONS");
        given().when().options("/")
                .then().statusCode(204).header("Allow", "GET, HEAD, OPTIONS");
        // The page and the platform's endpoints are read only: no longer served whatever the method.
        given().when().delete("/q/metrics")
                .then().statusCode(405).contentType(ContentType.JSON).header("Allow", "GET, HEAD, OPTIONS")
                .body("error", equalTo("This method is not allowed here; /q/metrics takes GET."));
        given().contentType(ContentType.JSON).body("{}").when().post("/q/health/live")
                .then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS");
        given().when().post("/index.html")
                .then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS");
        given().when().head("/q/health/live").then().statusCode(200);
        given().when().options("/chat").then().statusCode(404);
    }
}
