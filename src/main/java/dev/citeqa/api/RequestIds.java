package dev.citeqa.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an ID, returned in {@code X-Request-Id} and written in the access log, so that a client's
 * report can be matched with the server's log line. A caller's own ID (a proxy's, say) is kept when it is a
 * plain token; anything else is replaced rather than echoed into headers and logs. The first handler to run,
 * so it also refuses a URI that no route could read (see {@link #refusedUri}), and reads raw UTF-8 in it as UTF-8
 * ({@link #rawBytesEscaped}).
 */
@ApplicationScoped
public class RequestIds {

    static final String HEADER = "X-Request-Id";
    /** Longest request URI; the HTTP decoder's own limit (quarkus.http.limits.max-initial-line-length) is twice it. */
    static final int MAX_URI = 8192;

    /** The length of the URI the client sent, for a request routed again with its raw bytes escaped. */
    private static final String SENT_LENGTH = "citeqa.sent-uri-length";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void install(@Observes Router router) {
        router.route().order(HttpOrder.REQUEST_ID).handler(this::assign);
    }

    private void assign(RoutingContext context) {
        String given = context.request().getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        context.response().putHeader(HEADER, id);
        // Raw UTF-8 (rawBytesEscaped) is judged escaped: its bytes 0x80 to 0xA0 are characters URI refuses.
        String escaped = RoutedPath.escapeRawBytes(context.request().uri());
        if (!refusedUri(context, escaped) && !rawBytesEscaped(context, escaped)) {
            context.next();
        }
    }

    /**
     * Raw UTF-8 in the request line, as curl sends "?q=Erdoğan" or "/api/articles/café" typed unescaped: Netty reads
     * each byte as one ISO-8859-1 character, so every route would read "ErdoÄŸan". The request is routed again from
     * the start with those bytes percent-escaped, and is then read exactly as the escaped form is (its path
     * normalised, its parameters decoded once). {@link #refusedUri} has refused bytes that are not UTF-8.
     *
     * @param escaped the request URI with its raw bytes escaped ({@link RoutedPath#escapeRawBytes})
     * @return whether the request was routed again, and this route is done with it
     */
    private static boolean rawBytesEscaped(RoutingContext context, String escaped) {
        String uri = context.request().uri();
        String path = context.request().path();
        if (escaped.equals(uri) || path == null || !path.startsWith("/")) {
            return false;
        }
        // From the path and the query, not the URI, which may be in absolute form ("GET http://host/…").
        String query = context.request().query();
        context.put(SENT_LENGTH, uri.length()); // kept across the reroute, which clears the response's headers
        context.reroute(RoutedPath.escapeRawBytes(path)
                + (query == null ? "" : "?" + RoutedPath.escapeRawBytes(query)));
        return true;
    }

    /**
     * Quarkus refuses a URI that {@link URI} cannot parse ("%zz") with an empty 400, and the router one whose path
     * it cannot normalise with a plain-text one. Quarkus's check is off (CiteQaMain) so that this one answers
     * first, with the API's JSON, before any route reads the path.
     */
    private static boolean refusedUri(RoutingContext context, String escaped) {
        // Routed again escaped (rawBytesEscaped), the URI is up to three times as long as the one the client sent.
        Integer sent = context.get(SENT_LENGTH);
        if ((sent != null ? sent : context.request().uri().length()) > MAX_URI) {
            HttpErrors.send(context, 414, "The request URI is longer than " + MAX_URI + " characters.", "uri_too_long");
            return true;
        }
        if (escaped == null) {
            HttpErrors.send(context, 400, "The request URI is not valid UTF-8.", "invalid_uri");
            return true;
        }
        try {
            new URI(escaped);
            return false;
        } catch (URISyntaxException e) {
            HttpErrors.send(context, 400, "The request URI is not valid (a malformed percent-escape or a character "
                    + "that must be escaped).", "invalid_uri");
            return true;
        }
    }
}
