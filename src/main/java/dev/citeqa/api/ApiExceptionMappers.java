package dev.citeqa.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.citeqa.app.IndexService;
import dev.citeqa.search.SearchUnavailableException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into {@link ApiError} JSON, or {@link OpenAiError} JSON under {@code /v1/}. Messages are written for clients; stack traces and
 * internal details stay in the log.
 */
public class ApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ApiExceptionMappers.class);

    public static final String SEARCH_UNAVAILABLE = "The search cluster cannot be reached; try again shortly.";
    public static final String NOT_READY = "The index is still being built; try again shortly.";
    public static final String NOT_BUILT = "The corpus could not be indexed: ";
    public static final String INTERNAL = "Internal error; the server log has the details.";
    public static final String STOPPING = "The service is stopping; ask again shortly.";

    @ServerExceptionMapper
    public Response api(ApiException e, HttpServerRequest request) {
        return error(request, e.status(), e.getMessage(), e.code(), e.param());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, HttpServerRequest request) {
        return error(request, 400, invalidJson(e), "invalid_json", null);
    }

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.{1,100})'");

    /** What is wrong with a body, in words a client can act on; Jackson's own messages name its classes. */
    static String invalidJson(JsonProcessingException e) {
        String problem = e == null ? "" : e.getOriginalMessage();
        Matcher duplicate = DUPLICATE.matcher(problem == null ? "" : problem);
        if (duplicate.lookingAt()) {
            return "The request body is not valid JSON: the field \"" + duplicate.group(1)
                    + "\" appears more than once.";
        }
        return "The request body is not valid JSON.";
    }

    /** A hint for clients that poll: the page polls every second or two, a script need not. */
    static final String RETRY_AFTER_SECONDS = "5";

    /**
     * 503 while no index can answer, in the usual error shape plus the build's progress: {@code "indexing"}
     * under {@code /api/}, and under {@code /v1/} beside OpenAI's error object in {@code "citeqa"}.
     */
    @ServerExceptionMapper
    public Response notReady(IndexService.IndexNotReadyException e, HttpServerRequest request) {
        IndexingView indexing = IndexingView.of(e.indexing());
        String message = e.buildError() == null ? NOT_READY : NOT_BUILT + e.buildError();
        Object body = OpenAiError.applies(request.path())
                ? new OpenAiNotReady(OpenAiError.of(503, message, "index_not_ready").error(),
                        new CiteQaInfo(null, indexing))
                : new NotReadyError(message, 503, indexing);
        // A failed build is tried again when the corpus folder changes, not after a while: no time to offer.
        return Response.status(503).header("Retry-After", e.buildError() == null ? RETRY_AFTER_SECONDS : null)
                .type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    /** {@link ApiError} with the build's progress. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NotReadyError(String error, int status, IndexingView indexing) {}

    /** {@link OpenAiError} with CiteQA's own field beside it. */
    public record OpenAiNotReady(OpenAiError.Detail error, CiteQaInfo citeqa) {}

    @ServerExceptionMapper
    public Response unavailable(SearchUnavailableException e, HttpServerRequest request) {
        return unexpected(e, request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        if (status == 400 && causedBy(e, JsonProcessingException.class)) {
            // The JSON reader wraps parse errors in a plain 400.
            return malformedJson(cause(e, JsonProcessingException.class), request);
        }
        String message = switch (status) {
            case 404 -> OpenAiError.withoutV1(request.path())
                    ? "No such resource. For the OpenAI-compatible API, the base URL ends in /v1."
                    : "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "This resource cannot send any type the Accept header lists: it sends JSON, or a stream "
                    + "of events.";
            case 413 -> "The request body is too large.";
            case 415 -> "Send the body as application/json.";
            default -> status >= 500 ? "Internal error." : "The request was not understood.";
        };
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        Set<String> allowed = status == 405 ? AllowedMethods.of(request.path()) : Set.of();
        if (!allowed.isEmpty()) {
            message = AllowedMethods.refusal(request.path(), allowed);
        }
        Response response = error(request, status, message, status == 415 ? "unsupported_media_type" : null, null);
        return allowed.isEmpty() ? response
                : Response.fromResponse(response).header(HttpHeaders.ALLOW, String.join(", ", allowed)).build();
    }

    /** Errors too: an {@code Error} escaping a request is a bug, but the client still gets JSON. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        Failure failure = request.response().closed() ? gone(e) : failure(e);
        return error(request, failure.status(), failure.message(), null, null);
    }

    /** What a client is told of a failure that is not its fault: a status and a message without internals. */
    public record Failure(int status, String message) {}

    /**
     * The failure as clients see it, logged once here: an unreachable search cluster is a 503 worth a warning,
     * anything else a 500 worth a stack trace. Shared by the exception mappers and by the streams, which have
     * answered 200 before a failure and report it in an event instead.
     */
    public static Failure failure(Throwable e) {
        if (clientGone(e)) {
            return gone(e);
        }
        if (causedBy(e, IndexService.IndexNotReadyException.class)) {
            return new Failure(503, NOT_READY);
        }
        if (causedBy(e, CancellationException.class)) {
            // The service is stopping (SIGTERM) and its model calls are cancelled: no fault, and worth retrying
            // against another instance or after the restart.
            LOG.debugf("A request was cut short by the service stopping: %s", e);
            return new Failure(503, STOPPING);
        }
        // Retrieval inside LangChain4j's augmentor arrives wrapped (CompletionException).
        if (causedBy(e, SearchUnavailableException.class)) {
            LOG.warn(e.getMessage());
            return new Failure(503, SEARCH_UNAVAILABLE);
        }
        LOG.error("Unexpected failure", e);
        return new Failure(500, INTERNAL);
    }

    /** Routine: a user stopped an answer or closed the tab, and no one is left to answer. */
    private static Failure gone(Throwable e) {
        LOG.debugf("Client closed the connection: %s", e);
        return new Failure(CLIENT_CLOSED, "The client closed the connection.");
    }

    /** The status the access log shows for a request whose client left first (as nginx logs it). */
    static final int CLIENT_CLOSED = 499;

    /** Whether {@code e} says only that the client went away: closed or reset the connection mid-exchange. */
    public static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClosedChannelException || t instanceof HttpClosedException) {
                return true;
            }
            String message = t.getMessage();
            if (t instanceof IOException && message != null
                    && (message.startsWith("Connection reset") || message.contains("Broken pipe"))) {
                return true;
            }
        }
        return false;
    }

    static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        return cause(e, type) != null;
    }

    /** The first throwable of {@code type} in the cause chain, or null. */
    static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static Response error(HttpServerRequest request, int status, String message, String code, String param) {
        Object body = OpenAiError.applies(request.path()) ? OpenAiError.of(status, message, code, param)
                : new ApiError(message, status);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
