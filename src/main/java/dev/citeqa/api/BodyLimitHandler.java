package dev.citeqa.api;

import dev.citeqa.config.CiteQaConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Answers an oversized request body ({@code citeqa.http.max-body}) with the API's JSON error. A declared
 * oversize length is refused up front, before a byte of the body is read. A chunked upload has no length:
 * Vert.x's body handler reads it up to the limit and fails the request with an empty 413, which this rewrites.
 * (Left to the REST layer, the overflow ends in an empty 413 written mid-parse, past any exception mapper.)
 */
@ApplicationScoped
public class BodyLimitHandler {

    @Inject
    CiteQaConfig config;

    void install(@Observes Router router) {
        router.route().order(HttpOrder.BODY_LIMIT).handler(this::checkDeclaredLength);
        BodyHandler chunked = BodyHandler.create(false).setBodyLimit(config.http().maxBody().asLongValue());
        router.route().order(HttpOrder.BODY_LIMIT).handler(context -> {
            if (isChunked(context)) {
                chunked.handle(context);
            } else {
                context.next();
            }
        });
        // The REST layer waits forever for an empty body that was already read; nothing would come of it anyway.
        router.route().order(HttpOrder.BODY_LIMIT).handler(context -> {
            if (isChunked(context) && (context.body().buffer() == null || context.body().length() == 0)) {
                HttpErrors.send(context, 400, "The request body is empty.", "empty_body");
            } else {
                context.next();
            }
        });
        router.route().order(HttpOrder.BODY_LIMIT).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                tooLarge(context);
            } else {
                context.next();
            }
        });
    }

    private static boolean isChunked(RoutingContext context) {
        return context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING, "chunked", true);
    }

    private void checkDeclaredLength(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > config.http().maxBody().asLongValue()) {
                    tooLarge(context);
                    return;
                }
            } catch (NumberFormatException e) {
                // Vert.x rejects a malformed length itself.
            }
        }
        context.next();
    }

    private void tooLarge(RoutingContext context) {
        // The rest of the body is not worth reading; closing is the only way to stop the client sending it.
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        HttpErrors.send(context, 413, "The request body is too large (over " + config.http().maxBody().asLongValue()
                + " bytes).", "request_too_large");
    }
}
