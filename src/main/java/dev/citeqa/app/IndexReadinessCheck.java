package dev.citeqa.app;

import dev.citeqa.answer.extractive.ExtractiveAnswerer;
import dev.citeqa.chat.ChatService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only once the index is open, so that load balancers and scripts wait for a searchable corpus. A
 * failed reindex does not make the service unready (the previous index serves), but the details say so.
 * The details also count the corpus files left out of the index, by reason, and name the first of them.
 * The language model is not asked: when it is down, answers fall back to the built-in answerer, so it
 * never makes the service unready, and liveness has no check that depends on it.
 */
@Readiness
@ApplicationScoped
public class IndexReadinessCheck implements HealthCheck {

    @Inject
    IndexService indexService;

    @Inject
    Instance<ChatService> chat;

    @Override
    public HealthCheckResponse call() {
        if (!indexService.isReady()) {
            return HealthCheckResponse.down("index");
        }
        var index = indexService.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("index")
                .up()
                .withData("generation", index.generation())
                .withData("documents", index.articleCount())
                .withData("passages", index.passageCount());
        Reindex last = indexService.lastReindex();
        if (last != null) {
            response.withData("lastReindex", last.outcome())
                    .withData("lastReindexAt", last.finishedAt().toString())
                    .withData("lastReindexMs", last.durationMs());
            if (last.error() != null) {
                response.withData("lastReindexError", last.error());
            }
            SkipReport skipped = last.skipped();
            response.withData("skipped", skipped.count());
            if (skipped.count() > 0) {
                response.withData("skippedByReason", skipped.byReasonText())
                        .withData("skippedFiles", skipped.filesText());
            }
        }
        String answerer = chat.get().defaultAnswerer();
        response.withData("answerer", answerer);
        if (!answerer.equals(ExtractiveAnswerer.NAME)) {
            response.withData("answererFallback", ExtractiveAnswerer.NAME);
        }
        return response.build();
    }
}
