package dev.citeqa.api.openai;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.citeqa.answer.AnswerSpan;
import dev.citeqa.answer.Citation;
import dev.citeqa.api.CiteQaInfo;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.openai.OpenAiTokenCountEstimator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;
import java.util.Optional;

/**
 * OpenAI's chat completion shapes, plus CiteQA's {@code citations}: at the top level and in the message (or,
 * streaming, in the last chunk), each with the article {@code id}, {@code title}, {@code date}, {@code snippet},
 * its offsets and whether it backs the answer; beside them, when the built-in answerer found it, the
 * {@code answer_span}: the answering phrase inside the quote; and {@code citeqa} (top level, or the last chunk)
 * with the retrieval that found the passages.
 */
final class OpenAiViews {

    private OpenAiViews() {}

    /** @param citeqa CiteQA's own: the retrieval that found the passages, and the index build under way */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Usage usage,
            List<Citation> citations, @JsonInclude(JsonInclude.Include.NON_NULL) AnswerSpan answerSpan,
            CiteQaInfo citeqa) {}

    /** @param logprobs always null: sent, as OpenAI sends it, for clients that check the shape */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Choice(int index, Message message, Object logprobs, String finishReason) {

        Choice(Message message, String finishReason) {
            this(0, message, null, finishReason);
        }
    }

    /** @param refusal always null: CiteQA says "the corpus does not say" in the content instead */
    record Message(String role, String content, Object refusal, List<Citation> citations,
            @JsonProperty("answer_span") @JsonInclude(JsonInclude.Include.NON_NULL) AnswerSpan answerSpan) {

        Message(String content, List<Citation> citations, AnswerSpan answerSpan) {
            this("assistant", content, null, citations, answerSpan);
        }
    }

    /**
     * A stream frame; the one with a {@code finish_reason} has the {@code citations}. {@code usage} is left out
     * unless the request asked for it ({@code stream_options.include_usage}); then, as OpenAI does, it is null in
     * every frame and a last frame without choices carries the counts.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Chunk(String id, String object, long created, String model, List<ChunkChoice> choices,
            @JsonInclude(JsonInclude.Include.NON_NULL) Optional<Usage> usage,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Citation> citations,
            @JsonInclude(JsonInclude.Include.NON_NULL) AnswerSpan answerSpan,
            @JsonInclude(JsonInclude.Include.NON_NULL) CiteQaInfo citeqa) {}

    /** @param logprobs always null, as in {@link Choice} */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ChunkChoice(int index, Delta delta, Object logprobs, String finishReason) {

        ChunkChoice(Delta delta, String finishReason) {
            this(0, delta, null, finishReason);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delta(String role, String content, List<Citation> citations,
            @JsonProperty("answer_span") AnswerSpan answerSpan) {}

    /** The request body as OpenAPI shows it; {@link ChatCompletionRequest} reads it by hand, field by field. */
    @Schema(name = "ChatCompletionRequest", description = "OpenAI's chat completions request; fields not listed are "
            + "ignored, or refused when CiteQA cannot give what they ask for (README, OpenAI-compatible API).")
    record RequestDoc(
            @Schema(description = "citeqa, the only model; absent means citeqa") String model,
            @Schema(required = true, description = "The conversation; the last user message is the question")
            List<MessageDoc> messages,
            @Schema(description = "Stream chat.completion.chunk events, then data: [DONE]") Boolean stream,
            @Schema(name = "stream_options") StreamOptionsDoc streamOptions,
            @Schema(minimum = "0", maximum = "2", description = "Checked, then ignored") Double temperature,
            @Schema(name = "max_tokens", minimum = "1", description = "Checked, then ignored") Long maxTokens,
            @Schema(name = "max_completion_tokens", minimum = "1", description = "Checked, then ignored")
            Long maxCompletionTokens,
            @Schema(minimum = "1", maximum = "1") Integer n) {}

    record MessageDoc(
            @Schema(required = true, enumeration = {"system", "developer", "user", "assistant", "tool"}) String role,
            @Schema(description = "A string, or an array of parts of which the text parts are read",
                    oneOf = {String.class, Object[].class}) Object content) {}

    record StreamOptionsDoc(@Schema(name = "include_usage") Boolean includeUsage) {}

    /**
     * Approximate token counts. CiteQA is not billed by the token, and its answerer may be no language model
     * at all, so these count what the client sent and received with the GPT-4o tokenizer, the way OpenAI
     * would: a guide for clients that budget context, not a measurement of work done. The passages retrieved
     * for a configured model's prompt are not counted.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Usage(int promptTokens, int completionTokens, int totalTokens) {

        private static final OpenAiTokenCountEstimator TOKENS = new OpenAiTokenCountEstimator("gpt-4o");

        static Usage of(List<ChatMessage> messages, String answer) {
            int prompt = TOKENS.estimateTokenCountInMessages(messages);
            int completion = TOKENS.estimateTokenCountInText(answer);
            return new Usage(prompt, completion, prompt + completion);
        }
    }
}
