package dev.citeqa.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers an oversized request body with the API's JSON error. Vert.x enforces
 * {@code quarkus.http.limits.max-body-size} before any resource runs and replies with an empty 413; this
 * rejects a declared oversize length up front and rewrites the empty 413 of a chunked upload.
 */
@ApplicationScoped
public class BodyLimitHandler {

    private static final String MESSAGE = "The request body is too large.";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkDeclaredLength);
        router.route().order(Integer.MIN_VALUE).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                tooLarge(context);
            } else {
                context.next();
            }
        });
    }

    private void checkDeclaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > maxBodySize.asLongValue()) {
                    tooLarge(context);
                    return;
                }
            } catch (NumberFormatException e) {
                // Vert.x rejects a malformed length itself.
            }
        }
        context.next();
    }

    private static void tooLarge(RoutingContext context) {
        Object body = OpenAiError.applies(context.request().path()) ? OpenAiError.of(413, MESSAGE, null)
                : new ApiError(MESSAGE, 413);
        context.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(Json.encode(body));
    }
}
