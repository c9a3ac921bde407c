package dev.citeqa.api;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * A client that leaves mid-request (a stopped answer, a closed tab, a killed script) is routine. Whatever
 * fails because of it, a body read cut short or a response written to a closed connection, is a DEBUG line
 * here instead of an error with a stack trace from Quarkus's last-resort handler.
 */
@ApplicationScoped
public class Disconnects {

    private static final Logger LOG = Logger.getLogger(Disconnects.class);

    void install(@Observes Router router) {
        router.route().order(HttpOrder.REQUEST_ID).failureHandler(context -> {
            if (context.response().closed() || ApiExceptionMappers.clientGone(context.failure())) {
                LOG.debugf("Client closed the connection during %s %s: %s", context.request().method(),
                        context.request().path(), context.failure());
            } else {
                context.next();
            }
        });
    }
}
