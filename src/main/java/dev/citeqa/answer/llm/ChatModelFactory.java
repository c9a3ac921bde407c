package dev.citeqa.answer.llm;

import dev.citeqa.config.CiteQaConfig;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.net.URI;
import java.time.Duration;

/**
 * The one place that knows model vendors: builds LangChain4j's clients from {@code citeqa.openai.*} or
 * {@code citeqa.ollama.*}. Everything else sees {@link ChatModel} and {@link StreamingChatModel}.
 *
 * <p>Retries are off: a request already has {@code timeout} to finish, after which the service answers
 * extractively instead; retrying would multiply the wait.
 */
public final class ChatModelFactory {

    /**
     * The models for one provider, and the name shown to users next to their answers.
     *
     * @param chat bounded by {@code timeout} as a whole ({@link BoundedChatModel})
     */
    public record Models(String name, ChatModel chat, StreamingChatModel streaming, Duration timeout, int maxTokens) {}

    /** OpenAI-compatible servers without authentication still expect some bearer token. */
    static final String NO_API_KEY = "not-needed";

    private ChatModelFactory() {}

    /** Throws {@link IllegalArgumentException} naming the key when a setting is missing or invalid. */
    public static Models create(CiteQaConfig config) {
        return switch (config.answerer()) {
            case extractive -> throw new IllegalArgumentException("citeqa.answerer=extractive uses no model");
            case openai -> openAi(config.openai());
            case ollama -> ollama(config.ollama());
        };
    }

    private static Models openAi(CiteQaConfig.OpenAi c) {
        String model = required(c.model().orElse(null), "citeqa.openai.model");
        String baseUrl = c.baseUrl().map(url -> validUrl(url, "citeqa.openai.base-url")).orElse(null);
        String apiKey = c.apiKey().filter(k -> !k.isBlank()).orElse(null);
        if (baseUrl == null && apiKey == null) {
            throw new IllegalArgumentException("citeqa.openai.base-url is not set, so OpenAI itself would be used, "
                    + "which needs citeqa.openai.api-key; set one of the two");
        }
        Duration timeout = positive(c.timeout(), "citeqa.openai.timeout");
        check(c.temperature() >= 0 && c.temperature() <= 2, "citeqa.openai.temperature must be in 0..2");
        check(c.maxTokens() > 0, "citeqa.openai.max-tokens must be positive");
        String key = apiKey(c);
        ChatModel chat = OpenAiChatModel.builder().baseUrl(baseUrl).apiKey(key).modelName(model)
                .temperature(c.temperature()).maxTokens(c.maxTokens()).timeout(timeout).maxRetries(0).build();
        StreamingChatModel streaming = OpenAiStreamingChatModel.builder().baseUrl(baseUrl).apiKey(key)
                .modelName(model).temperature(c.temperature()).maxTokens(c.maxTokens()).timeout(timeout).build();
        return new Models(model, new BoundedChatModel(chat, timeout), streaming, timeout, c.maxTokens());
    }

    /** The key sent to the server: the configured one, or a placeholder that local servers accept. */
    public static String apiKey(CiteQaConfig.OpenAi c) {
        return c.apiKey().filter(k -> !k.isBlank()).orElse(NO_API_KEY);
    }

    private static Models ollama(CiteQaConfig.Ollama c) {
        String model = required(c.model().orElse(null), "citeqa.ollama.model");
        String baseUrl = validUrl(c.baseUrl(), "citeqa.ollama.base-url");
        Duration timeout = positive(c.timeout(), "citeqa.ollama.timeout");
        check(c.maxTokens() > 0, "citeqa.ollama.max-tokens must be positive");
        // Ollama takes any temperature from 0 up (its models run hot above 1, but that is the user's call).
        check(c.temperature() >= 0, "citeqa.ollama.temperature must be 0 or more");
        ChatModel chat = OllamaChatModel.builder().baseUrl(baseUrl).modelName(model).temperature(c.temperature())
                .numPredict(c.maxTokens()).timeout(timeout).maxRetries(0).build();
        StreamingChatModel streaming = OllamaStreamingChatModel.builder().baseUrl(baseUrl).modelName(model)
                .temperature(c.temperature()).numPredict(c.maxTokens()).timeout(timeout).build();
        return new Models(model, new BoundedChatModel(chat, timeout), streaming, timeout, c.maxTokens());
    }

    private static String required(String value, String key) {
        check(value != null && !value.isBlank(), key + " is required when citeqa.answerer is "
                + key.split("\\.")[1]);
        return value.strip();
    }

    private static String validUrl(String value, String key) {
        URI uri;
        try {
            uri = URI.create(value.strip());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        check(uri != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                && uri.getHost() != null, key + " must be an http(s) URL, got '" + value + "'");
        return value.strip();
    }

    private static Duration positive(Duration d, String key) {
        check(!d.isNegative() && !d.isZero(), key + " must be positive");
        return d;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
