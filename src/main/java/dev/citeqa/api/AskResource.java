package dev.citeqa.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.citeqa.api.Views.AskResponse;
import dev.citeqa.api.Views.PassageView;
import dev.citeqa.chat.ChatService;
import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.search.PassageHit;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
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

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public AskResponse ask(JsonNode body) {
        AskRequest request = AskRequest.parse(body, config.question().maxChars());
        return AskResponse.of(request.question(), chat.ask(request.question(), request.conversationId(), null));
    }

    /**
     * Events: {@code sources} (the retrieved passages) first, then {@code token} pieces of answer text, and a
     * final {@code done} with the verified answer, as {@code /api/ask} returns it. If the model fails, an
     * {@code error} event precedes the extractive fallback's tokens. Closing the connection stops generation.
     */
    @POST
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(JsonNode body, @Context Sse sse) {
        AskRequest request = AskRequest.parse(body, config.question().maxChars());
        return Multi.createFrom().<OutboundSseEvent>emitter(emitter -> {
            AtomicBoolean cancelled = new AtomicBoolean();
            emitter.onTermination(() -> cancelled.set(true));
            try {
                ChatService.Result result = chat.stream(request.question(), request.conversationId(),
                        new SseListener(emitter, sse), cancelled::get);
                emitter.emit(event(sse, "done", AskResponse.of(request.question(), result)));
                emitter.complete();
            } catch (CancellationException e) {
                LOG.debug("Client left; generation stopped");
                emitter.complete();
            } catch (RuntimeException e) {
                // Unlike a model failure, nothing follows this error: no fallback answer, no done event.
                ApiExceptionMappers.Failure failure = ApiExceptionMappers.failure(e);
                emitter.emit(event(sse, "error", Map.of("error", failure.message(), "status", failure.status(),
                        "fallback", false)));
                emitter.complete();
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private final class SseListener implements ChatService.Listener {
        private final MultiEmitter<? super OutboundSseEvent> emitter;
        private final Sse sse;

        SseListener(MultiEmitter<? super OutboundSseEvent> emitter, Sse sse) {
            this.emitter = emitter;
            this.sse = sse;
        }

        @Override
        public void sources(String conversationId, String standaloneQuestion, List<PassageHit> passages) {
            emitter.emit(event(sse, "sources", Map.of("conversationId", conversationId, "standaloneQuestion",
                    standaloneQuestion, "passages", passages.stream().map(PassageView::of).toList())));
        }

        @Override
        public void token(String text) {
            emitter.emit(event(sse, "token", Map.of("text", text)));
        }

        @Override
        public void error(String reason) {
            emitter.emit(event(sse, "error", Map.of("error", reason, "fallback", true)));
        }
    }

    /** Data is JSON so that newlines and spaces in answer text survive the SSE line format. */
    private OutboundSseEvent event(Sse sse, String name, Object data) {
        try {
            return sse.newEventBuilder().name(name).data(json.writeValueAsString(data)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + name + " event", e);
        }
    }
}
