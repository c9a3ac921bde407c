package dev.citeqa.app;

import dev.citeqa.answer.llm.OllamaModelCheck;
import dev.citeqa.config.CiteQaConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Asks the configured Ollama server, once the service has started and off the start-up path, whether it has the
 * configured model, and says in the log what is wrong when it does not: readiness never waits on the model, as
 * answers fall back to the built-in answerer.
 */
@ApplicationScoped
public class LanguageModelCheck {

    private static final Logger LOG = Logger.getLogger(LanguageModelCheck.class);

    /** No longer than this for the check, whatever the answers' timeout: it only reads a list. */
    private static final Duration MOST = Duration.ofSeconds(10);

    void check(@Observes StartupEvent event, CiteQaConfig config) {
        if (config.answerer() != CiteQaConfig.AnswererKind.ollama || config.ollama().model().isEmpty()) {
            return;
        }
        String baseUrl = config.ollama().baseUrl().strip();
        String model = config.ollama().model().get().strip();
        Duration timeout = config.ollama().timeout().compareTo(MOST) < 0 ? config.ollama().timeout() : MOST;
        Thread.ofVirtual().name("citeqa-model-check").start(() -> {
            String problem = OllamaModelCheck.problem(baseUrl, model, timeout);
            if (problem == null) {
                LOG.infof("Ollama at %s has the model %s", baseUrl, model);
            } else {
                LOG.warn(problem);
            }
        });
    }
}
