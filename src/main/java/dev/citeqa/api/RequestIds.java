package dev.citeqa.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an ID, returned in {@code X-Request-Id} and written in the access log, so that a client's
 * report can be matched with the server's log line. A caller's own ID (a proxy's, say) is kept when it is a
 * plain token; anything else is replaced rather than echoed into headers and logs.
 */
@ApplicationScoped
public class RequestIds {

    static final String HEADER = "X-Request-Id";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void install(@Observes Router router) {
        router.route().order(HttpOrder.REQUEST_ID).handler(this::assign);
    }

    private void assign(RoutingContext context) {
        String given = context.request().getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        context.response().putHeader(HEADER, id);
        context.next();
    }
}
