package dev.citeqa.api;

import dev.citeqa.config.CiteQaConfig;
import io.netty.handler.codec.DecoderException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Reads every request body on the event loop before any resource runs, so that a slow client holds a
 * connection and a buffer, never a worker thread: left to the REST layer, a body over its 10 KB buffer is read
 * by a worker in a blocking read, and a few hundred clients sending a byte every few seconds park them all.
 * Around that read, in this order:
 *
 * <ul>
 *   <li>a declared length over {@code citeqa.http.max-body} is refused before a byte is read (413); a chunked
 *       body is read up to the limit (Vert.x fails it with an empty 413, which is rewritten here);
 *   <li>two {@code Content-Type} headers are refused (400), and so is a compressed body ({@code Content-Encoding},
 *       every one given) and a form or multipart body (415), before a byte is read: Vert.x would decode a form as
 *       it arrives, and fails with a server error on one sent with GET or malformed;
 *   <li>one client (remote address) may have {@code citeqa.http.max-pending-bodies} bodies arriving at once;
 *       the next is refused (429) and its connection closed;
 *   <li>a body must have arrived within {@code citeqa.http.body-timeout} of the request's head (408, and the
 *       connection closed): a deadline for the whole body, so that trickling bytes do not extend it;
 *   <li>a body without a {@code Content-Type} (or an empty one) is refused (415), as a form is: a browser sends
 *       one cross-site without asking the server first, where {@code application/json} would need its permission;
 *   <li>a JSON body must be valid UTF-8 without a NUL byte (400): Jackson decodes overlong forms such as
 *       {@code C0 80} as NUL, and guesses UTF-16 or UTF-32 from NUL bytes; and nothing may follow its value (400).
 * </ul>
 */
@ApplicationScoped
public class BodyReader {

    private static final Logger LOG = Logger.getLogger(BodyReader.class);

    private static final String READING = "citeqa.body.reading";

    @Inject
    CiteQaConfig config;

    /** Bodies being read, by client. */
    private final ConcurrentHashMap<String, Integer> pending = new ConcurrentHashMap<>();
    private long maxBody;

    void install(@Observes Router router) {
        CiteQaConfig.Http http = config.http();
        if (http.bodyTimeout().isNegative() || http.bodyTimeout().isZero() || http.maxPendingBodies() < 0) {
            throw new IllegalArgumentException(
                    "citeqa.http.body-timeout must be positive and citeqa.http.max-pending-bodies 0 or more");
        }
        maxBody = http.maxBody().asLongValue();
        BodyHandler buffer = BodyHandler.create(false).setBodyLimit(maxBody);
        router.route().order(HttpOrder.BODY).handler(context -> start(context, buffer));
        router.route().order(HttpOrder.BODY).handler(this::finish);
        router.route().order(HttpOrder.BODY).failureHandler(context -> {
            if (context.response().headWritten()) {
                context.next();
            } else if (context.statusCode() == 413) {
                tooLarge(context);
            } else if (brokenOff(context)) {
                // The body broke off while it arrived: a malformed chunk ("zz" for its size), or the client gone.
                // The client's fault, not a server error: no stack trace in the log. Vert.x closes the connection
                // on a malformed chunk before this runs, so there is usually no one left to tell.
                LOG.debugf("A request body broke off: %s", context.failure());
                if (!context.response().closed()) {
                    HttpErrors.sendAndClose(context, 400, "The request body could not be read: "
                            + reason(context.failure()) + ".", "invalid_body");
                }
            } else {
                context.next();
            }
        });
    }

    /** One body being read: its place in the client's count, given back once, however the read ends. */
    private final class Reading {
        private final String client;
        private final AtomicBoolean over = new AtomicBoolean();
        private long timer = -1;
        /** Whether the whole body came in, so that a failure after it is not taken for a broken body. */
        private volatile boolean arrived;

        Reading(String client) {
            this.client = client;
        }

        void end(RoutingContext context) {
            if (over.compareAndSet(false, true)) {
                context.vertx().cancelTimer(timer);
                pending.computeIfPresent(client, (key, count) -> count <= 1 ? null : count - 1);
            }
        }
    }

    /** Whether a body follows the request's head: a chunked one, or a declared length above 0. */
    static boolean hasBody(HttpServerRequest request) {
        return request.headers().contains(HttpHeaders.TRANSFER_ENCODING, "chunked", true)
                || declaredLength(request) > 0;
    }

    private void start(RoutingContext context, BodyHandler buffer) {
        HttpServerRequest request = context.request();
        if (!hasBody(request)) {
            context.next();
            return;
        }
        long declared = declaredLength(request);
        if (declared > maxBody) {
            tooLarge(context);
            return;
        }
        if (request.headers().getAll(HttpHeaders.CONTENT_TYPE).size() > 1) {
            // One field read as JSON and another as text by whatever reads it next: refused, as two Host headers are.
            HttpErrors.sendAndClose(context, 400, "The Content-Type header must be given once.", "invalid_header");
            return;
        }
        for (String encoding : request.headers().getAll(HttpHeaders.CONTENT_ENCODING)) {
            for (String coding : encoding.split(",")) {
                if (!coding.isBlank() && !coding.strip().equalsIgnoreCase("identity")) {
                    // Read as it is, a compressed body would be refused as not UTF-8, which misleads.
                    HttpErrors.sendAndClose(context, 415, "The request body is compressed (Content-Encoding: "
                            + coding.strip() + "); send it uncompressed.", "unsupported_media_type");
                    return;
                }
            }
        }
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type != null && form(type)) {
            // Refused before it is read: Vert.x would decode a form or a multipart body as it arrives, and fails
            // with a server error on one sent with GET or malformed ("boundary=", a bad escape, a bad charset).
            HttpErrors.sendAndClose(context, 415, "Send the body as application/json, not as a form.",
                    "unsupported_media_type");
            return;
        }
        String client = ApiGate.client(context);
        int limit = config.http().maxPendingBodies();
        boolean[] admitted = {true};
        pending.merge(client, 1, (count, one) -> {
            admitted[0] = limit == 0 || count < limit;
            return admitted[0] ? count + 1 : count;
        });
        if (!admitted[0]) {
            HttpErrors.sendAndClose(context, 429, "This client is already sending " + limit
                    + " request bodies; send each body at once.", "rate_limit_exceeded");
            return;
        }
        Reading reading = new Reading(client);
        context.put(READING, reading);
        context.addEndHandler(ended -> reading.end(context));
        long timeout = config.http().bodyTimeout().toMillis();
        reading.timer = context.vertx().setTimer(timeout, id -> {
            reading.end(context);
            if (!context.response().headWritten()) {
                HttpErrors.sendAndClose(context, 408, "The request body did not arrive within " + seconds(timeout)
                        + " s.", "request_timeout");
            }
        });
        buffer.handle(context);
    }

    /** Runs once the whole body is in (or at once, for a request without one). */
    private void finish(RoutingContext context) {
        Reading reading = context.get(READING);
        if (reading == null) {
            context.next();
            return;
        }
        reading.arrived = true;
        reading.end(context);
        if (context.response().headWritten()) {
            return; // timed out while the last bytes were arriving
        }
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (context.body().buffer() == null || context.body().length() == 0) {
            // The REST layer would wait forever for a body that was already read (an empty chunked one).
            HttpErrors.send(context, 400, "The request body is empty.", "empty_body");
            return;
        }
        if (type == null || type.isBlank()) {
            HttpErrors.send(context, 415, "The request body has no Content-Type; send it as application/json.",
                    "unsupported_media_type");
            return;
        }
        if (json(type)) {
            byte[] bytes = context.body().buffer().getBytes();
            // A NUL byte is UTF-8, but JSON never has one: it is UTF-16 or UTF-32 without a byte-order mark, which
            // the JSON reader would guess and read.
            if (!utf8(bytes) || indexOfNul(bytes) >= 0) {
                HttpErrors.send(context, 400, "The request body is not valid UTF-8, in which JSON is sent.",
                        "invalid_encoding");
                return;
            }
            if (StrictJson.trailing(bytes)) {
                HttpErrors.send(context, 400, "The request body is not valid JSON: something follows the JSON value.",
                        "invalid_json");
                return;
            }
        }
        context.next();
    }

    /**
     * Whether the body failed while it arrived, as HTTP's decoder or a closed connection fails it (the decoder
     * reports a bad chunk size as a NumberFormatException); anything else there is a fault of ours, for the log.
     */
    private static boolean brokenOff(RoutingContext context) {
        Reading reading = context.get(READING);
        Throwable failure = context.failure();
        return reading != null && !reading.arrived && (failure instanceof DecoderException
                || failure instanceof NumberFormatException || failure instanceof HttpClosedException);
    }

    private static String reason(Throwable failure) {
        String message = failure == null ? null : failure.getMessage();
        return message == null || message.isBlank() ? "it broke off" : message;
    }

    /** The declared Content-Length, or -1 when there is none (a malformed one Vert.x refuses itself). */
    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean json(String contentType) {
        String type = mediaType(contentType);
        return type.equals("application/json") || type.endsWith("+json");
    }

    private static boolean form(String contentType) {
        String type = mediaType(contentType);
        return type.startsWith("multipart/") || type.equals("application/x-www-form-urlencoded");
    }

    private static String mediaType(String contentType) {
        return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static int indexOfNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Strict UTF-8: Java's decoder refuses overlong forms, encoded surrogates and code points past U+10FFFF. */
    static boolean utf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }

    private void tooLarge(RoutingContext context) {
        // The rest of the body is not worth reading; closing is the only way to stop the client sending it.
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        HttpErrors.send(context, 413, "The request body is too large (over " + maxBody + " bytes).",
                "request_too_large");
    }
}
