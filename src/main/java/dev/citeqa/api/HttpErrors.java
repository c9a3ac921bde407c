package dev.citeqa.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Error responses written before any resource runs (size, key, rate limit), in the shape the client's API
 * speaks: {@link ApiError} under {@code /api/}, OpenAI's {@code {"error": {"message", "type", "code"}}} under
 * {@code /v1/}, whose clients parse only that.
 */
final class HttpErrors {

    private HttpErrors() {}

    /** Paths the gate protects, after collapsing repeated slashes ("//api/ask" is routed like "/api/ask"). */
    static String apiPath(RoutingContext context) {
        String path = context.normalizedPath();
        return path == null ? "" : path.replaceAll("/{2,}", "/");
    }

    static boolean openAi(String path) {
        return path.equals("/v1") || path.startsWith("/v1/");
    }

    /**
     * @param code OpenAI's machine-readable code, e.g. {@code invalid_api_key}
     */
    static void send(RoutingContext context, int status, String message, String code) {
        JsonObject body = openAi(apiPath(context))
                ? new JsonObject().put("error", new JsonObject().put("message", message).put("type", type(status))
                        .put("code", code))
                : new JsonObject().put("error", message).put("status", status);
        context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(body.encode());
    }

    private static String type(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }
}
