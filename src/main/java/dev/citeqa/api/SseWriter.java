package dev.citeqa.api;

import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Server-sent events written by hand to a response's stream, for the endpoints that stream an answer. A failed
 * write means the client left: it is remembered, not thrown, so that generation stops at its next check and
 * nothing is reported as a server error (which the REST layer's own SSE support logs, with a stack trace, for
 * every client that closes its tab mid-answer).
 */
public final class SseWriter {

    private final OutputStream out;
    private final HttpServerResponse http;
    private volatile boolean gone;

    public SseWriter(OutputStream out, HttpServerResponse http) {
        this.out = out;
        this.http = http;
    }

    /**
     * A 200 that streams events as {@code body} writes them. Neither a cache nor a buffering proxy (nginx, which
     * the README suggests in front) may hold the events back until the answer is complete.
     */
    public static Response response(StreamingOutput body) {
        return Response.ok(body).type(MediaType.SERVER_SENT_EVENTS).header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no").build();
    }

    /** Whether the client has left: a write failed, or the connection is closed. */
    public boolean gone() {
        return gone || http.closed();
    }

    /** One event; {@code name} null for an unnamed one. {@code data} must hold no line break (it is JSON). */
    public void send(String name, String data) {
        if (gone) {
            return;
        }
        try {
            out.write(((name == null ? "" : "event: " + name + "\n") + "data: " + data + "\n\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            gone = true;
        }
    }
}
