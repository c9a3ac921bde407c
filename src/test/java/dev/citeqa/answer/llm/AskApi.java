package dev.citeqa.answer.llm;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.answer.llm.SseEvents.Event;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Calls to {@code /api/ask} and {@code /api/ask/stream} for the provider tests. */
public final class AskApi {

    private AskApi() {}

    static JsonPath ask(String question, String conversationId) {
        Map<String, String> body = conversationId == null ? Map.of("question", question)
                : Map.of("question", question, "conversationId", conversationId);
        return given().contentType(ContentType.JSON).body(body).post("/api/ask")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The question through the OpenAI-compatible API, without streaming. */
    static JsonPath askV1(String question) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("model", "citeqa", "messages", List.of(Map.of("role", "user", "content", question))))
                .post("/v1/chat/completions").then().statusCode(200).extract().jsonPath();
    }

    static List<Event> askStream(String question) {
        String body = given().contentType(ContentType.JSON).accept("text/event-stream")
                .body(Map.of("question", question)).post("/api/ask/stream")
                .then().statusCode(200).extract().asString();
        return SseEvents.parse(body);
    }

    /** The answer came from the built-in extractive answerer standing in for the failed model. */
    static void assertExtractiveFallback(JsonPath response) {
        assertTrue(response.getBoolean("fallback"), response.prettify());
        assertEquals("extractive", response.getString("answerer"));
    }

    /** The texts of the {@code token} events among {@code events}. */
    static List<String> tokens(List<Event> events) {
        return events.stream().filter(e -> e.name().equals("token")).map(e -> e.json().getString("text")).toList();
    }

    /**
     * Asks on a raw connection, reads up to the first {@code token} event and closes the connection, as a
     * browser tab closed mid-answer does.
     *
     * @return when the connection was closed
     */
    static Instant askStreamAndLeaveAfterFirstToken(String question) throws IOException {
        return postAndLeave("/api/ask/stream", "{\"question\": \"" + question + "\"}",
                line -> line.replace(" ", "").equals("event:token"));
    }

    /**
     * Posts {@code json} to {@code path} on a raw connection, reads the response up to the first line that
     * {@code until} accepts and closes the connection, as a client leaving mid-stream does.
     *
     * @return when the connection was closed
     */
    public static Instant postAndLeave(String path, String json, Predicate<String> until) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Accept: text/event-stream\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            socket.setSoTimeout(5000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            do {
                line = in.readLine();
            } while (line != null && !until.test(line));
            assertNotNull(line, "the stream ended before the awaited line");
            return Instant.now();
        }
    }
}
