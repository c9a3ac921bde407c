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
import java.util.List;

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

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Choice(int index, Message message, String finishReason) {}

    record Message(String role, String content, List<Citation> citations,
            @JsonProperty("answer_span") @JsonInclude(JsonInclude.Include.NON_NULL) AnswerSpan answerSpan) {}

    /** A stream frame; only the last has {@code usage}, {@code citations} and a {@code finish_reason}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Chunk(String id, String object, long created, String model, List<ChunkChoice> choices,
            @JsonInclude(JsonInclude.Include.NON_NULL) Usage usage,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Citation> citations,
            @JsonInclude(JsonInclude.Include.NON_NULL) AnswerSpan answerSpan,
            @JsonInclude(JsonInclude.Include.NON_NULL) CiteQaInfo citeqa) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ChunkChoice(int index, Delta delta, String finishReason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delta(String role, String content, List<Citation> citations,
            @JsonProperty("answer_span") AnswerSpan answerSpan) {}

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
