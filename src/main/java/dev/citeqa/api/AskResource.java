package dev.citeqa.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.citeqa.api.Views.AskResponse;
import dev.citeqa.api.Views.PassageView;
import dev.citeqa.app.IndexService;
import dev.citeqa.chat.ChatService;
import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.search.PassageHit;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/** Questions in, cited answers out: whole ({@code POST /api/ask}) or streamed as server-sent events. */
@Path("/api/ask")
@Consumes(MediaType.APPLICATION_JSON)
public class AskResource {

    private static final Logger LOG = Logger.getLogger(AskResource.class);

    @Inject
    ChatService chat;

    @Inject
    CiteQaConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    IndexService indexService;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public AskResponse ask(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AskRequest.class))) JsonNode body) {
        AskRequest request = AskRequest.parse(body, config.question().maxChars());
        return AskResponse.of(request.question(), chat.ask(request.question(), request.conversationId(), null),
                indexing());
    }

    /**
     * Events: {@code sources} (the retrieved passages) first, then {@code token} pieces of answer text, and a
     * final {@code done} with the verified answer, as {@code /api/ask} returns it. If the model fails, an
     * {@code error} event precedes the extractive fallback's tokens. Closing the connection stops generation.
     */
    @POST
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @APIResponse(responseCode = "200", description = "Server-sent events: sources (the passages), token (a piece of "
            + "the answer), error (the model failed; the built-in answer follows), then done (the /api/ask response).",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    public Response stream(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AskRequest.class))) JsonNode body, @Context HttpServerResponse http) {
        AskRequest request = AskRequest.parse(body, config.question().maxChars());
        indexService.current(); // not ready: a 503 now, rather than an error inside a 200 stream
        return SseWriter.response(out -> stream(request, new SseWriter(out, http)));
    }

    private void stream(AskRequest request, SseWriter events) {
        try {
            ChatService.Result result = chat.stream(request.question(), request.conversationId(),
                    new SseListener(events), events::gone);
            events.send("done", json(AskResponse.of(request.question(), result, indexing())));
        } catch (CancellationException e) {
            LOG.debug("Client left; generation stopped");
        } catch (RuntimeException e) {
            // Unlike a model failure, nothing follows this error: no fallback answer, no done event.
            ApiExceptionMappers.Failure failure = ApiExceptionMappers.failure(e);
            events.send("error", json(Map.of("error", failure.message(), "status", failure.status(),
                    "fallback", false)));
        }
    }

    private IndexingView indexing() {
        return IndexingView.of(indexService.indexing());
    }

    private final class SseListener implements ChatService.Listener {
        private final SseWriter events;

        SseListener(SseWriter events) {
            this.events = events;
        }

        @Override
        public void sources(String conversationId, String standaloneQuestion, List<PassageHit> passages) {
            events.send("sources", json(Map.of("conversationId", conversationId, "standaloneQuestion",
                    standaloneQuestion, "passages", passages.stream().map(PassageView::of).toList())));
        }

        @Override
        public void token(String text) {
            events.send("token", json(Map.of("text", text)));
        }

        @Override
        public void error(String reason) {
            events.send("error", json(Map.of("error", reason, "fallback", true)));
        }
    }

    /** Data is JSON so that newlines and spaces in answer text survive the SSE line format. */
    private String json(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + data.getClass().getSimpleName(), e);
        }
    }
}
