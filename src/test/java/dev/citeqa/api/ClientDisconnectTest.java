package dev.citeqa.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Clients that leave early, as browsers and SDKs do when a user stops an answer or closes a tab: a closed
 * channel is routine, logged at DEBUG, never an ERROR or WARN with a stack trace.
 */
@QuarkusTest
class ClientDisconnectTest {

    static final String QUESTION = "Who is the NATO Secretary General?";

    /** Path and body of each streaming endpoint, and of the plain one. */
    static final List<String[]> STREAMS = List.of(
            new String[] {"/api/ask/stream", "{\"question\": \"" + QUESTION + "\"}"},
            new String[] {"/v1/chat/completions", "{\"model\": \"citeqa\", \"stream\": true, \"messages\": "
                    + "[{\"role\": \"user\", \"content\": \"" + QUESTION + "\"}]}"},
            new String[] {"/api/ask", "{\"question\": \"" + QUESTION + "\"}"});

    @Test
    void abandonedStreamsAreNotServerErrors() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            for (int round = 0; round < 8; round++) {
                for (String[] stream : STREAMS) {
                    for (Leave leave : Leave.values()) {
                        leave(stream[0], stream[1], leave, round % 2 == 0);
                    }
                }
            }
            // The service notices a closed connection at its next write; give the last ones time to get there.
            Thread.sleep(2000);
            assertEquals(List.of(), serverErrors(log));
        }
        // And the service is none the worse for it.
        RawHttp.Response answer = RawHttp.send("POST", "/api/ask/stream", Map.of("Content-Type", "application/json"),
                STREAMS.getFirst()[1]);
        assertEquals(200, answer.status());
        assertTrue(answer.body().contains("event: done"), answer.body());
    }

    @Test
    void aMalformedChunkClosesTheConnectionWithoutAServerError() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            for (String path : List.of("/api/ask", "/v1/chat/completions")) {
                try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
                    socket.setSoTimeout(10_000);
                    // "zz" is no chunk size: Vert.x's decoder fails the body and closes the connection.
                    socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    // Closed before anything could be sent; were it still open, the client would get a 400.
                    assertTrue(response.isEmpty() || response.startsWith("HTTP/1.1 400"), response);
                }
            }
            Thread.sleep(500);
            assertEquals(List.of(), serverErrors(log));
        }
    }

    /** Lines logged as errors or warnings: a stack trace for a client's doing. */
    private static List<String> serverErrors(LogCapture log) {
        return log.lines().stream().filter(line -> line.matches("(?s)\\S+ (ERROR|WARN|SEVERE|WARNING) .*")).toList();
    }

    enum Leave {
        /** Right after sending the request, before any answer. */
        AT_ONCE,
        /** After the first bytes of the answer (the head, or the first event). */
        AFTER_FIRST_BYTES,
        /** Halfway through the body: the request never completes. */
        MID_BODY
    }

    /** @param reset close with a TCP reset (as a killed process does) rather than an orderly close */
    private static void leave(String path, String body, Leave leave, boolean reset) throws IOException {
        byte[] payload = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Accept: */*\r\nContent-Length: " + payload.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(payload, 0, leave == Leave.MID_BODY ? payload.length / 2 : payload.length);
            out.flush();
            if (leave == Leave.AFTER_FIRST_BYTES) {
                socket.getInputStream().read(new byte[64]);
            }
            if (reset) {
                socket.setSoLinger(true, 0);
            }
        }
    }
}
