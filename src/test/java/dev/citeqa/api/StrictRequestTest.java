package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Requests a lenient server would take: a body without a Content-Type, JSON with a repeated field or with
 * something after the value, bytes that are not UTF-8, and malformed or overlong request lines.
 */
@QuarkusTest
class StrictRequestTest {

    static final String QUESTION = "{\"question\": \"Who is the NATO Secretary General?\"}";
    static final String CHAT = "{\"messages\": [{\"role\": \"user\", \"content\": \"Who is the NATO Secretary General?\"}]}";

    @Test
    void aBodyWithoutContentTypeIs415() throws IOException {
        // A browser sends this cross-site without asking the server first.
        String raw = exchange(("POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: "
                + QUESTION.length() + "\r\n\r\n" + QUESTION).getBytes(StandardCharsets.US_ASCII));
        assertTrue(raw.startsWith("HTTP/1.1 415 "), raw);
        assertEquals("{\"error\":\"The request body has no Content-Type; send it as application/json.\",\"status\":415}",
                body(raw));
        raw = exchange(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Length: " + CHAT.length() + "\r\n\r\n" + CHAT).getBytes(StandardCharsets.US_ASCII));
        assertTrue(raw.startsWith("HTTP/1.1 415 "), raw);
        assertEquals("{\"error\":{\"message\":\"The request body has no Content-Type; send it as application/json.\","
                + "\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"unsupported_media_type\"}}", body(raw));
    }

    @Test
    void aRepeatedFieldIs400() {
        assertRefused("/api/ask", "error",
                "{\"question\": \"What is the population of Antalya?\", \"question\": \"Who is Rutte?\"}",
                "The request body is not valid JSON: the field \"question\" appears more than once.");
        assertRefused("/v1/chat/completions", "error.message",
                "{\"stream\": false, \"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \"x\"}]}",
                "The request body is not valid JSON: the field \"stream\" appears more than once.");
    }

    private static void assertRefused(String path, String messageField, String json, String message) {
        given().contentType(ContentType.JSON).body(json)
                .when().post(path)
                .then().statusCode(400).contentType(ContentType.JSON)
                .body(messageField, equalTo(message));
    }

    @ParameterizedTest
    @ValueSource(strings = {" xyz", "{}", " {\"question\": \"x\"}", "]", " 42"})
    void anythingAfterTheJsonValueIs400(String trailing) {
        assertRefused("/api/ask", "error", QUESTION + trailing,
                "The request body is not valid JSON: something follows the JSON value.");
    }

    /** C0 80 is an overlong NUL, ED A0 80 an encoded surrogate, F4 90 80 80 past U+10FFFF, FF no UTF-8 at all. */
    @ParameterizedTest
    @ValueSource(strings = {"c080", "e080af", "eda080", "f4908080", "ff"})
    void bytesThatAreNotUtf8Are400(String hex) throws IOException {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        json.write("{\"question\": \"Who is NATO".getBytes(StandardCharsets.US_ASCII));
        json.write(HexFormat.of().parseHex(hex));
        json.write("?\"}".getBytes(StandardCharsets.US_ASCII));
        given().contentType(ContentType.JSON).body(json.toByteArray())
                .when().post("/api/ask")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error", equalTo("The request body is not valid UTF-8, in which JSON is sent."));
    }

    @Test
    void jsonInUtf16OrUtf32WithoutAByteOrderMarkIs400() {
        for (java.nio.charset.Charset charset : new java.nio.charset.Charset[] {StandardCharsets.UTF_16LE,
                StandardCharsets.UTF_16BE, java.nio.charset.Charset.forName("UTF-32LE")}) {
            given().contentType("application/json").body("{\"question\": \"Who is NATO's chief?\"}".getBytes(charset))
                    .when().post("/api/ask")
                    .then().statusCode(400)
                    .body("error", equalTo("The request body is not valid UTF-8, in which JSON is sent."));
        }
    }

    @Test
    void aRepeatedOrEmptyContentTypeOrAnyEncodingButIdentityIsRefused() throws IOException {
        RawHttp.Response twice = RawHttp.exchange("POST /api/ask HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
                + "Connection: close\r\n\r\n", "{}".getBytes(StandardCharsets.US_ASCII));
        assertEquals(400, twice.status(), twice.head());
        assertTrue(twice.body().contains("The Content-Type header must be given once."), twice.body());
        RawHttp.Response empty = RawHttp.exchange("POST /api/ask HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: \r\nContent-Length: 2\r\nConnection: close\r\n\r\n",
                "{}".getBytes(StandardCharsets.US_ASCII));
        assertEquals(415, empty.status(), empty.head());
        RawHttp.Response gzip = RawHttp.exchange("POST /api/ask HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Encoding: identity\r\nContent-Encoding: gzip\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n", "{}".getBytes(StandardCharsets.US_ASCII));
        assertEquals(415, gzip.status(), gzip.head());
        assertTrue(gzip.body().contains("Content-Encoding: gzip"), gzip.body());
    }

    @Test
    void twoThousandEmojiAreTwoThousandCharacters() {
        String emoji = "\uD83D\uDE00";
        given().contentType(ContentType.JSON).body(Map.of("question", emoji.repeat(2000)))
                .when().post("/api/ask")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("question", emoji.repeat(2001)))
                .when().post("/api/ask")
                .then().statusCode(400).body("error", equalTo("\"question\" is longer than 2000 characters."));
        given().contentType(ContentType.JSON).body(Map.of("messages", java.util.List.of(Map.of("role", "user",
                        "content", emoji.repeat(2000)))))
                .when().post("/v1/chat/completions")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("messages", java.util.List.of(Map.of("role", "user",
                        "content", emoji.repeat(2001)))))
                .when().post("/v1/chat/completions")
                .then().statusCode(400)
                .body("error.message", equalTo("The last user message is longer than 2000 characters."));
    }

    @Test
    void aMalformedPercentEscapeIs400Json() throws IOException {
        for (String path : new String[] {"/api/%zz", "/%zz", "/api/search?q=%zz", "/v1/models/%c0%80"}) {
            String raw = exchange(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertTrue(raw.startsWith("HTTP/1.1 400 "), path + ": " + raw);
            assertTrue(body(raw).startsWith("{"), path + ": " + raw);
        }
        String raw = exchange("GET /api/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        assertEquals("{\"error\":\"The request URI is not valid (a malformed percent-escape or a character that "
                + "must be escaped).\",\"status\":400}", body(raw));
    }

    @Test
    void aQueryStringThatIsNotUtf8Is400Json() throws IOException {
        for (String query : new String[] {"/api/search?q=%ff", "/api/search?q=%c0%80", "/api/search?q=Rutte%80",
                "/api/articles?q=%ff", "/v1/models?x=%ed%a0%80"}) {
            String raw = exchange(("GET " + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertTrue(raw.startsWith("HTTP/1.1 400 "), query + ": " + raw);
            assertTrue(body(raw).contains("The query string is not valid percent-encoded UTF-8."), query + ": " + raw);
        }
        // Escaped UTF-8 and a plus for a space are what a query string should hold.
        String raw = exchange(("GET /api/search?q=caf%C3%A9+Rutte HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close"
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertTrue(raw.startsWith("HTTP/1.1 200 "), raw);
    }

    @Test
    void rawUtf8InTheRequestLineIsReadAsUtf8() throws IOException {
        // curl sends "?q=Türkiye" as typed, unescaped; Netty reads each byte as one ISO-8859-1 character.
        byte[] query = "GET /api/search?q=Türkiye&k=2 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8);
        String raw = exchange(query);
        assertTrue(raw.startsWith("HTTP/1.1 200 "), raw);
        assertTrue(body(raw).startsWith("{\"query\":\"Türkiye\""), raw);
        assertTrue(body(raw).contains("\"id\":\"001_ef047f98b842d2d5\""), raw);
        // In the path too: the ID reaches the resource as it was typed.
        raw = exchange("GET /api/articles/café HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(raw.startsWith("HTTP/1.1 404 "), raw);
        assertEquals("{\"error\":\"No article with ID \\\"café\\\".\",\"status\":404}", body(raw));
        // Letters whose UTF-8 has bytes 0x80 to 0xA0 ("ğ" is C4 9F), which are ISO-8859-1's control characters; a
        // path that routing normalises; a target in absolute form.
        for (String target : new String[] {"/api/search?q=Erdoğan&k=2", "/api//search?q=Erdoğan&k=2",
                "/api/x/../search?q=Erdoğan&k=2", "http://127.0.0.1/api/search?q=Erdoğan&k=2"}) {
            raw = exchange(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            assertTrue(raw.startsWith("HTTP/1.1 200 "), target + ": " + raw);
            assertTrue(body(raw).startsWith("{\"query\":\"Erdoğan\""), target + ": " + raw);
        }
        // Escaped, 1,500 Cyrillic letters are 9,000 characters, but the client sent 3,000 bytes: within the limit.
        raw = exchange(("GET /api/search?k=1&q=" + "я".repeat(1_500) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        assertTrue(raw.startsWith("HTTP/1.1 200 "), raw.substring(0, Math.min(300, raw.length())));
        // A path parameter is decoded once, as escaped: "%2541" is "%41".
        raw = exchange("GET /api/articles/café%2541 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"error\":\"No article with ID \\\"café%41\\\".\",\"status\":404}", body(raw));
        // Raw bytes that are not UTF-8 are refused as escaped ones are.
        for (byte[] line : new byte[][] {
                "GET /api/search?q=T\u00fcrkiye HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1),
                "GET /api/articles/\u00ff HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1),
                "GET /api/search?q=\u0080 HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1)}) {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(line);
            request.writeBytes("Host: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            raw = exchange(request.toByteArray());
            assertTrue(raw.startsWith("HTTP/1.1 400 "), raw);
            assertTrue(body(raw).contains("The request URI is not valid UTF-8."), raw);
        }
    }

    @Test
    void aNineKilobyteUrlIs414Json() throws IOException {
        String raw = exchange(("GET /api/search?q=" + "a".repeat(9000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertTrue(raw.startsWith("HTTP/1.1 414 "), raw);
        assertEquals("{\"error\":\"The request URI is longer than 8192 characters.\",\"status\":414}", body(raw));
        raw = exchange(("GET /v1/models?x=" + "a".repeat(9000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertTrue(raw.startsWith("HTTP/1.1 414 "), raw);
        assertTrue(body(raw).startsWith("{\"error\":{\"message\":\"The request URI is longer"), raw);
    }

    /** Vert.x's HTTP decoder answers these before any handler runs; see the README's Limits. */
    @Test
    void whatTheHttpDecoderRefusesIsStillRefused() throws IOException {
        assertTrue(exchange("GARBAGE\r\n\r\n".getBytes(StandardCharsets.US_ASCII)).startsWith("HTTP/1.0 400 "));
        assertTrue(exchange(("GET /?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII)).startsWith("HTTP/1.0 414 "));
    }

    /** The whole exchange on a raw connection, as the server sent it. */
    private static String exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String body(String raw) {
        return raw.substring(raw.indexOf("\r\n\r\n") + 4);
    }
}
