package dev.citeqa.api;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * Error responses written before any resource runs (size, key, rate limit), in the shape the client's API
 * speaks: {@link ApiError} under {@code /api/}, {@link OpenAiError} under {@code /v1/}, as the exception mappers
 * do for errors raised inside resources.
 */
final class HttpErrors {

    private HttpErrors() {}

    /**
     * @param code OpenAI's machine-readable code, e.g. {@code invalid_api_key}
     */
    static Future<Void> send(RoutingContext context, int status, String message, String code) {
        String path = RoutedPath.of(context);
        // A path that does not decode is still recognisably OpenAI's as sent.
        Object body = OpenAiError.applies(path != null ? path : context.request().path().toLowerCase(Locale.ROOT))
                ? OpenAiError.of(status, message, code)
                : new ApiError(message, status);
        return context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.encode(body));
    }

    /** The error, then the connection closed: for a client whose body is not worth waiting for. */
    static void sendAndClose(RoutingContext context, int status, String message, String code) {
        HttpServerRequest request = context.request();
        if (!request.isEnded()) {
            // Bytes left unread when the socket closes would reset the connection, and the client could lose
            // the answer: read and drop whatever still comes.
            request.handler(data -> {});
            request.resume();
        }
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        send(context, status, message, code).onComplete(sent -> {
            if (request.version() != HttpVersion.HTTP_2) {
                request.connection().close();
            }
        });
    }
}
