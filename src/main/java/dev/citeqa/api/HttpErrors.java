package dev.citeqa.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * Error responses written before any resource runs (size, key, rate limit), in the shape the client's API
 * speaks: {@link ApiError} under {@code /api/}, {@link OpenAiError} under {@code /v1/}, as the exception mappers
 * do for errors raised inside resources.
 */
final class HttpErrors {

    private HttpErrors() {}

    static boolean openAi(String path) {
        return path != null && (path.equals("/v1") || OpenAiError.applies(path));
    }

    /**
     * @param code OpenAI's machine-readable code, e.g. {@code invalid_api_key}
     */
    static void send(RoutingContext context, int status, String message, String code) {
        Object body = openAi(RoutedPath.of(context))
                ? OpenAiError.of(status, message, code)
                : new ApiError(message, status);
        context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(Json.encode(body));
    }
}
