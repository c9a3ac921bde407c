package dev.citeqa.api.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.citeqa.answer.Answer;
import dev.citeqa.answer.AnswerSpan;
import dev.citeqa.answer.CitationVerifier;
import dev.citeqa.answer.Citation;
import dev.citeqa.api.ApiExceptionMappers;
import dev.citeqa.api.CiteQaInfo;
import dev.citeqa.api.IndexingView;
import dev.citeqa.api.OpenAiError;
import dev.citeqa.api.SseWriter;
import dev.citeqa.api.openai.OpenAiViews.ChatCompletion;
import dev.citeqa.api.openai.OpenAiViews.Choice;
import dev.citeqa.api.openai.OpenAiViews.Chunk;
import dev.citeqa.api.openai.OpenAiViews.ChunkChoice;
import dev.citeqa.api.openai.OpenAiViews.Delta;
import dev.citeqa.api.openai.OpenAiViews.Message;
import dev.citeqa.api.openai.OpenAiViews.Usage;
import dev.citeqa.app.IndexService;
import dev.citeqa.chat.ChatService;
import dev.citeqa.chat.Conversation;
import dev.citeqa.chat.ConversationStore;
import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.search.PassageHit;
import io.vertx.core.http.HttpServerResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

/**
 * OpenAI's chat completions, answered by the same pipeline as {@code /api/ask}: the last user message is the
 * question, the messages before it the conversation. Clients resend the whole conversation with each request,
 * so the {@link ConversationStore} finds (or rebuilds) the conversation from the messages, not from an ID.
 */
@Path("/v1/chat/completions")
@Consumes(MediaType.APPLICATION_JSON)
public class ChatCompletionsResource {

    private static final Logger LOG = Logger.getLogger(ChatCompletionsResource.class);
    private static final String FINISHED = "stop";

    @Inject
    ChatService chat;

    @Inject
    ConversationStore conversations;

    @Inject
    IndexService index;

    @Inject
    CiteQaConfig config;

    @Inject
    ObjectMapper json;

    @POST
    @APIResponse(responseCode = "200", description = "The answer; as events when \"stream\" is true",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
                    implementation = ChatCompletion.class)), @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = Chunk.class, description = "data: a chunk per event, then [DONE]"))})
    public Response complete(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = OpenAiViews.RequestDoc.class))) JsonNode body,
            @Context HttpServerResponse http, @Context HttpHeaders headers) {
        ChatCompletionRequest request = ChatCompletionRequest.parse(body, config.question().maxChars());
        // Either type will do, whatever "stream" says: OpenAI's own clients ask for a stream with "Accept:
        // application/json", and OpenAI streams to them. An Accept header that lists neither is a 406, as on /api.
        List<MediaType> acceptable;
        try {
            acceptable = headers.getAcceptableMediaTypes();
        } catch (IllegalArgumentException e) {
            acceptable = List.of(MediaType.WILDCARD_TYPE); // "Accept: json" names no media type: as if absent
        }
        if (!accepts(acceptable, MediaType.APPLICATION_JSON_TYPE)
                && !accepts(acceptable, MediaType.SERVER_SENT_EVENTS_TYPE)) {
            throw new NotAcceptableException();
        }
        if (request.stream()) {
            index.current(); // not ready: a 503 now, rather than an error inside a 200 stream
            return SseWriter.response(out -> new Stream(request, new SseWriter(out, http)).run());
        }
        Conversation conversation = conversations.resume(request.history());
        ChatService.Result result = chat.ask(request.question(), conversation);
        String note = unbacked(result);
        String answer = result.answer().text() + (note == null ? "" : note);
        conversations.remember(request.transcript(answer), conversation);
        List<Citation> citations = result.answer().citations();
        AnswerSpan span = result.answer().answerSpan();
        return Response.ok(new ChatCompletion(newId(), "chat.completion", Instant.now().getEpochSecond(),
                ModelsResource.MODEL, List.of(new Choice(new Message(answer, citations, span), FINISHED)),
                Usage.of(request.messages(), answer), citations, span, citeqa(result)))
                .type(MediaType.APPLICATION_JSON).build();
    }

    /** Whether a media range of the Accept header, not given q=0, takes {@code type}. */
    static boolean accepts(List<MediaType> acceptable, MediaType type) {
        return acceptable.stream().anyMatch(range -> range.isCompatible(type)
                && !range.getParameters().getOrDefault("q", "1").strip().matches("0(?:\\.0*)?"));
    }

    /**
     * A note quoting the answer's sentences that the articles they cite do not back, or null. A client of this API
     * shows the text alone, and never sees the {@code supported} flag of a citation.
     */
    private static String unbacked(ChatService.Result result) {
        Answer answer = result.answer();
        if (!answer.answered() || answer.unsupportedSentences().isEmpty()) {
            return null;
        }
        return answer.unsupportedSentences().stream().map(sentence -> "“" + sentence + "”").collect(
                Collectors.joining(" ", "\n\n(Not backed by the articles it cites; check before relying on it: ", ")"));
    }

    private CiteQaInfo citeqa(ChatService.Result result) {
        return new CiteQaInfo(result.retrieval(), IndexingView.of(index.indexing()), result.fallback() ? true : null,
                result.fallback() ? result.fallbackReason() : null);
    }

    private static String newId() {
        return "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * One streamed answer as {@code chat.completion.chunk} events: the role once the passages are found, the
     * answer text as it is written, then a chunk with the finish reason and citations, one with the usage if
     * asked for, and {@code [DONE]}. Written by hand because JAX-RS picks SSE or JSON per method, while OpenAI picks it per
     * request with {@code "stream"}.
     */
    private final class Stream implements ChatService.Listener {
        private final ChatCompletionRequest request;
        private final SseWriter events;
        private final String id = newId();
        private final long created = Instant.now().getEpochSecond();
        /** The answer as the client has received it. */
        private final StringBuilder sent = new StringBuilder();

        Stream(ChatCompletionRequest request, SseWriter events) {
            this.request = request;
            this.events = events;
        }

        void run() {
            Conversation conversation = conversations.resume(request.history());
            try {
                ChatService.Result result = chat.stream(request.question(), conversation, this,
                        events::gone);
                if (events.gone()) {
                    return;
                }
                String correction = correction(result);
                if (correction != null) {
                    token(correction);
                }
                String note = unbacked(result);
                if (note != null && !sent.isEmpty() && !result.fallback()) {
                    token(note);
                }
                List<Citation> citations = result.answer().citations();
                AnswerSpan span = result.answer().answerSpan();
                chunk(new Delta(null, null, citations, span), FINISHED, citations, span, citeqa(result));
                if (request.includeUsage()) {
                    write(json(new Chunk(id, "chat.completion.chunk", created, ModelsResource.MODEL, List.of(),
                            Optional.of(Usage.of(request.messages(), sent.toString())), null, null, null)));
                }
                write("[DONE]");
                conversations.remember(request.transcript(sent.toString()), conversation);
            } catch (CancellationException e) {
                LOG.debug("Client left; generation stopped");
            } catch (RuntimeException e) {
                // As OpenAI does mid-stream: an error object instead of the next chunk, and no [DONE]. The 200 is
                // already sent; the object carries the status the non-streaming request would have answered.
                ApiExceptionMappers.Failure failure = ApiExceptionMappers.failure(e);
                write(json(OpenAiError.of(failure.status(), failure.message(), null)));
            }
        }

        @Override
        public void sources(String conversationId, String standaloneQuestion, List<PassageHit> passages) {
            chunk(new Delta("assistant", "", null, null), null, null, null, null);
        }

        @Override
        public void token(String text) {
            sent.append(text);
            chunk(new Delta(null, text, null, null), null, null, null, null);
        }

        /**
         * What the check of the model's answer found that the text already sent does not show, or null: the answer
         * withheld (it cited no retrieved article, or repeated the model's instructions), or markers that name no
         * retrieved article. The final chunk's citations are the checked ones, but a client shows the text, and cannot
         * take back what it has received.
         */
        private String correction(ChatService.Result result) {
            if (sent.isEmpty() || result.fallback()) {
                return null; // nothing of the model's was shown, or error() already said that it failed
            }
            Answer answer = result.answer();
            if (!answer.answered()) {
                // A model that said itself that the passages do not answer had nothing withheld.
                return CitationVerifier.refuses(sent.toString()) ? null
                        : "\n\n(Withheld after checking against the articles: " + answer.text() + ")";
            }
            List<String> uncited = CitationVerifier.uncited(sent.toString(), result.passages());
            return uncited.isEmpty() ? null : "\n\n(Not among the retrieved articles, so not cited: "
                    + String.join(", ", uncited) + ".)";
        }

        /** The configured model failed; a client cannot take back text it has received, so it is told. */
        @Override
        public void error(String reason) {
            if (!sent.isEmpty()) {
                token("\n\n(" + reason + "; the built-in answerer answers instead.)\n\n");
            }
        }

        private void chunk(Delta delta, String finishReason, List<Citation> citations, AnswerSpan span,
                CiteQaInfo citeqa) {
            write(json(new Chunk(id, "chat.completion.chunk", created, ModelsResource.MODEL,
                    List.of(new ChunkChoice(delta, finishReason)), request.includeUsage() ? Optional.empty() : null,
                    citations, span, citeqa)));
        }

        private void write(String data) {
            events.send(null, data);
        }

        private String json(Object value) {
            try {
                return json.writeValueAsString(value);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
            }
        }
    }
}
