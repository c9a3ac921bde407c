package dev.citeqa.answer.llm;

import dev.langchain4j.model.ollama.OllamaModel;
import dev.langchain4j.model.ollama.OllamaModels;
import java.time.Duration;
import java.util.List;

/**
 * Whether an Ollama server has the configured model, asked once at start-up: a model not pulled, or a server not
 * running, otherwise shows only at the first question, as a fallback to the built-in answerer.
 */
public final class OllamaModelCheck {

    private OllamaModelCheck() {}

    /** What is wrong, in words a user can act on, or null when the server lists the model. */
    public static String problem(String baseUrl, String model, Duration timeout) {
        List<OllamaModel> models;
        try {
            models = OllamaModels.builder().baseUrl(baseUrl).timeout(timeout).maxRetries(0).build()
                    .availableModels().content();
        } catch (RuntimeException e) {
            return "Ollama at " + baseUrl + " does not answer (" + e.getMessage() + "); questions are answered by the "
                    + "built-in extractive answerer until it does. Is `ollama serve` running?";
        }
        List<String> names = models == null ? List.of() : models.stream().map(OllamaModel::getName).toList();
        if (names.stream().anyMatch(name -> sameModel(name, model))) {
            return null;
        }
        return "Ollama at " + baseUrl + " has no model " + model + " (it has " + (names.isEmpty() ? "none"
                : String.join(", ", names)) + "); questions are answered by the built-in extractive answerer until "
                + "`ollama pull " + model + "` is run.";
    }

    /** "llama3.1" is "llama3.1:latest", as Ollama itself reads a name without a tag. */
    static boolean sameModel(String listed, String configured) {
        String wanted = configured.strip();
        return listed.equals(wanted) || !wanted.contains(":") && listed.equals(wanted + ":latest");
    }
}
