package dev.citeqa.answer.llm;

import dev.langchain4j.model.catalog.ModelDescription;
import dev.langchain4j.model.openai.OpenAiModelCatalog;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether an OpenAI-compatible server lists the configured model, asked once at start-up as {@link OllamaModelCheck}
 * asks Ollama: a server not running, a base URL without {@code /v1} or a model name it does not serve otherwise shows
 * only at the first question, as a fallback to the built-in answerer.
 */
public final class OpenAiModelCheck {

    /** Models named in a warning at most: OpenAI itself lists dozens. */
    private static final int MODELS_NAMED = 8;
    /** A failure's message at most: a server's error page can be long. */
    private static final int MESSAGE_CHARS = 200;

    /** A refusal of the key, as servers word it: a 401 or 403, "Unauthorized", "invalid API key". */
    private static final Pattern REFUSED_KEY = Pattern.compile(
            "(?i)\\b(?:401|403|unauthori[sz]ed|forbidden|api[ _-]?key)\\b");

    private OpenAiModelCheck() {}

    /**
     * What is wrong, in words a user can act on, or null when the server lists the model, or lists none (llama.cpp's
     * server answers to any name).
     *
     * @param baseUrl the configured base URL, or null for OpenAI itself
     */
    public static String problem(String baseUrl, String apiKey, String model, Duration timeout) {
        String server = baseUrl == null ? "OpenAI" : "The OpenAI-compatible server at " + baseUrl;
        List<ModelDescription> models;
        try {
            models = OpenAiModelCatalog.builder().baseUrl(baseUrl).apiKey(apiKey).connectTimeout(timeout)
                    .readTimeout(timeout).build().listModels();
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage()).strip();
            String hint = REFUSED_KEY.matcher(message).find() ? "Is citeqa.openai.api-key right?"
                    : "Is it running, and does citeqa.openai.base-url end in /v1?";
            String shown = message.length() > MESSAGE_CHARS ? message.substring(0, MESSAGE_CHARS) + "…" : message;
            return server + " did not list its models (" + shown + "); questions are answered by the built-in "
                    + "extractive answerer while it cannot answer either. " + hint;
        }
        List<String> names = models == null ? List.of() : models.stream().map(ModelDescription::name).toList();
        if (names.isEmpty() || names.contains(model.strip())) {
            return null;
        }
        String listed = String.join(", ", names.subList(0, Math.min(MODELS_NAMED, names.size())))
                + (names.size() > MODELS_NAMED ? " and " + (names.size() - MODELS_NAMED) + " more" : "");
        return server + " lists no model " + model + " (it lists " + listed + "); if it serves none by that name, "
                + "every question is answered by the built-in extractive answerer. citeqa.openai.model names the "
                + "model.";
    }
}
