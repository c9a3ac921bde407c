package dev.citeqa.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * Answers OPTIONS, and refuses a method a path does not take, from one table ({@link AllowedMethods}), before the
 * request body is read: so that OPTIONS and a 405's {@code Allow} always agree, and {@code DELETE /q/metrics} is
 * refused rather than served. Paths the table does not know go on, to their 404; so does a CORS preflight, which
 * Quarkus's CORS filter answers when {@code quarkus.http.cors} is on.
 */
@ApplicationScoped
public class MethodCheck {

    void install(@Observes Router router) {
        router.route().order(HttpOrder.METHOD).handler(MethodCheck::check);
    }

    private static void check(RoutingContext context) {
        String path = RoutedPath.of(context);
        Set<String> allowed = path == null ? Set.of() : AllowedMethods.of(path);
        HttpMethod method = context.request().method();
        boolean preflight = method == HttpMethod.OPTIONS
                && context.request().getHeader("Access-Control-Request-Method") != null;
        if (allowed.isEmpty() || preflight || allowed.contains(method.name()) && method != HttpMethod.OPTIONS) {
            context.next();
            return;
        }
        context.response().putHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
        if (method == HttpMethod.OPTIONS) {
            context.response().setStatusCode(204).end();
        } else if (BodyReader.hasBody(context.request())) {
            // Not worth reading: the connection goes with the refusal.
            HttpErrors.sendAndClose(context, 405, AllowedMethods.refusal(path, allowed), "method_not_allowed");
        } else {
            HttpErrors.send(context, 405, AllowedMethods.refusal(path, allowed), "method_not_allowed");
        }
    }
}
