package dev.citeqa.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that declare a body and send it a byte at a time: more of them than there are worker threads must
 * not stall an ordinary question, a body that never completes is answered 408 within the body timeout, and one
 * client cannot keep more than {@code citeqa.http.max-pending-bodies} bodies arriving at once.
 */
@QuarkusTest
@TestProfile(SlowBodyTest.Profile.class)
class SlowBodyTest {

    static final int WORKERS = 4;
    static final int PENDING_PER_CLIENT = 16;

    public static final class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.thread-pool.max-threads", Integer.toString(WORKERS),
                    "citeqa.http.body-timeout", "PT3S",
                    "citeqa.http.max-pending-bodies", Integer.toString(PENDING_PER_CLIENT));
        }
    }

    static final String QUESTION = "{\"question\": \"Who is the NATO Secretary General?\"}";

    private final List<SlowBody> open = new ArrayList<>();
    private ScheduledExecutorService trickle;

    @BeforeEach
    void start() throws IOException {
        trickle = Executors.newSingleThreadScheduledExecutor();
        // Warm: the first answer after start-up pays for class loading, not for the slow bodies.
        assertEquals(200, RawHttp.send("POST", "/api/ask", Map.of("Content-Type", "application/json"), QUESTION)
                .status());
    }

    @AfterEach
    void stop() {
        trickle.shutdownNow();
        open.forEach(SlowBody::close);
        open.clear();
    }

    @Test
    void slowBodiesDoNotStallAnOrdinaryQuestion() throws Exception {
        for (int i = 0; i < 3 * WORKERS; i++) {
            open.add(new SlowBody());
        }
        Thread.sleep(300); // each has sent its head and a byte: pre-fix, every worker is parked in a read
        long started = System.nanoTime();
        RawHttp.Response answer = RawHttp.send("POST", "/api/ask", Map.of("Content-Type", "application/json"),
                QUESTION);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.body().contains("Rutte"), answer.body());
        assertTrue(millis < 1000, "answered in " + millis + " ms with " + open.size() + " slow bodies open");
    }

    @Test
    void aBodyThatNeverCompletesIs408JsonWithinTheTimeout() throws Exception {
        SlowBody slow = new SlowBody();
        open.add(slow);
        long started = System.nanoTime();
        String response = slow.response();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(response.startsWith("HTTP/1.1 408 "), response);
        assertTrue(response.toLowerCase().contains("content-type: application/json"), response);
        assertTrue(response.toLowerCase().contains("connection: close"), response);
        assertTrue(response.endsWith("\r\n\r\n{\"error\":\"The request body did not arrive within 3 s.\",\"status\":408}"),
                response);
        assertTrue(millis >= 2500 && millis < 5000, "408 after " + millis + " ms");
        assertEquals(-1, slow.socket.getInputStream().read(), "the connection is closed");
    }

    @Test
    void oneClientCannotKeepMoreBodiesArrivingThanTheBound() throws Exception {
        for (int i = 0; i < PENDING_PER_CLIENT; i++) {
            open.add(new SlowBody());
        }
        Thread.sleep(300);
        SlowBody oneTooMany = new SlowBody();
        open.add(oneTooMany);
        long started = System.nanoTime();
        String response = oneTooMany.response();
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < 1000, response);
        assertTrue(response.startsWith("HTTP/1.1 429 "), response);
        assertTrue(response.endsWith("\r\n\r\n{\"error\":\"This client is already sending " + PENDING_PER_CLIENT
                + " request bodies; send each body at once.\",\"status\":429}"), response);
        // Requests without a body still pass, and closing the slow bodies frees their places at once.
        assertEquals(200, RawHttp.send("GET", "/api/articles", Map.of(), null).status());
        open.forEach(SlowBody::close);
        Thread.sleep(300);
        assertEquals(200, RawHttp.send("POST", "/api/ask", Map.of("Content-Type", "application/json"), QUESTION)
                .status());
    }

    /** A request declaring a 60,000-byte JSON body, of which it sends one byte every half second. */
    private final class SlowBody {
        final Socket socket;

        SlowBody() throws IOException {
            socket = new Socket("127.0.0.1", RestAssured.port);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 60000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            trickle.scheduleAtFixedRate(() -> {
                try {
                    out.write(' ');
                    out.flush();
                } catch (IOException e) {
                    throw new IllegalStateException(e); // closed: stop sending
                }
            }, 500, 500, TimeUnit.MILLISECONDS);
        }

        /** The whole response, up to the connection's end (or the read timeout). */
        String response() throws IOException {
            InputStream in = socket.getInputStream();
            StringBuilder text = new StringBuilder();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) > 0) {
                text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (text.toString().contains("\"status\":")) {
                    break;
                }
            }
            return text.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
