package dev.citeqa.app;

import dev.citeqa.answer.llm.ChatModelFactory;
import dev.citeqa.answer.llm.OllamaModelCheck;
import dev.citeqa.answer.llm.OpenAiModelCheck;
import dev.citeqa.config.CiteQaConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Asks the configured Ollama or OpenAI-compatible server, once the service has started and off the start-up path,
 * whether it has the configured model, and says in the log what is wrong when it does not: readiness never waits on
 * the model, as answers fall back to the built-in answerer.
 */
@ApplicationScoped
public class LanguageModelCheck {

    private static final Logger LOG = Logger.getLogger(LanguageModelCheck.class);

    /** No longer than this for the check, whatever the answers' timeout: it only reads a list. */
    private static final Duration MOST = Duration.ofSeconds(10);

    void check(@Observes StartupEvent event, CiteQaConfig config) {
        if (config.answerer() == CiteQaConfig.AnswererKind.ollama && config.ollama().model().isPresent()) {
            String baseUrl = config.ollama().baseUrl().strip();
            String model = config.ollama().model().get().strip();
            inBackground(() -> OllamaModelCheck.problem(baseUrl, model, bounded(config.ollama().timeout())),
                    "Ollama at " + baseUrl + " has the model " + model);
        } else if (config.answerer() == CiteQaConfig.AnswererKind.openai && config.openai().model().isPresent()) {
            String baseUrl = config.openai().baseUrl().map(String::strip).orElse(null);
            String apiKey = ChatModelFactory.apiKey(config.openai());
            String model = config.openai().model().get().strip();
            inBackground(() -> OpenAiModelCheck.problem(baseUrl, apiKey, model, bounded(config.openai().timeout())),
                    (baseUrl == null ? "OpenAI" : baseUrl) + " lists the model " + model);
        }
    }

    private static Duration bounded(Duration timeout) {
        return timeout.compareTo(MOST) < 0 ? timeout : MOST;
    }

    /** Off the start-up path: readiness never waits on the model. */
    private static void inBackground(Supplier<String> problem, String fine) {
        Thread.ofVirtual().name("citeqa-model-check").start(() -> {
            String found = problem.get();
            if (found == null) {
                LOG.info(fine);
            } else {
                LOG.warn(found);
            }
        });
    }
}
