package dev.citeqa.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.citeqa.app.IndexService;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@link ApiError} JSON. Messages are written for clients; stack traces and
 * internal details stay in the log.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return error(e.status(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return error(400, "The request body is not valid JSON.");
    }

    @ServerExceptionMapper
    public Response notReady(IndexService.IndexNotReadyException e) {
        return error(503, "The index is still being built; try again shortly.");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400 && causedBy(e, JsonProcessingException.class)) {
            // The JSON reader wraps parse errors in a plain 400.
            return malformedJson(null);
        }
        String message = switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "This resource only produces JSON.";
            case 413 -> "The request body is too large.";
            case 415 -> "Send the body as application/json.";
            default -> status >= 500 ? "Internal error." : "The request was not understood.";
        };
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        return error(status, message);
    }

    /** Errors too: an {@code Error} escaping a request is a bug, but the client still gets JSON. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("Unexpected failure", e);
        return error(500, "Internal error; the server log has the details.");
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static Response error(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(message, status)).build();
    }
}
