package dev.citeqa.app;

import dev.citeqa.answer.extractive.ExtractiveAnswerer;
import dev.citeqa.chat.ChatService;
import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.index.BuildProgress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once an index can answer, so that load balancers and scripts wait for a searchable corpus. During a
 * first build that is as soon as the words are indexed: BM25 answers (with citations) while the vectors are
 * added, and the details say so ({@code retrieval: bm25}, {@code vectors: pending}, the build's progress);
 * keeping the service out of rotation for the many minutes of embedding would answer nothing instead of
 * answering well. Whoever needs the configured mode waits for {@code retrieval} to equal {@code mode}. A
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

    @Inject
    CiteQaConfig config;

    @Override
    public HealthCheckResponse call() {
        BuildProgress.Snapshot building = indexService.indexing();
        if (!indexService.isReady()) {
            HealthCheckResponseBuilder down = HealthCheckResponse.named("index").down();
            progress(down, building);
            if (indexService.buildError() != null) {
                down.withData("error", detailed() ? indexService.buildError() : WITHHELD);
            }
            return down.build();
        }
        var index = indexService.current();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("index")
                .up()
                .withData("generation", index.generation())
                .withData("documents", index.articleCount())
                .withData("passages", index.passageCount())
                .withData("retrieval", indexService.retrieval().name())
                .withData("mode", config.retrieval().mode().name());
        String vectors = Reindex.vectors(index);
        if (vectors != null) {
            response.withData("vectors", vectors).withData("textsEmbedded", indexService.textsEmbedded());
        }
        boolean detailed = detailed();
        if (indexService.vectorError() != null) {
            response.withData("vectorError", detailed ? indexService.vectorError() : WITHHELD);
        }
        progress(response, building);
        Reindex last = indexService.lastReindex();
        if (last != null) {
            response.withData("lastReindex", last.outcome())
                    .withData("lastReindexAt", last.finishedAt().toString())
                    .withData("lastReindexMs", last.durationMs());
            if (last.error() != null) {
                response.withData("lastReindexError", detailed ? last.error() : WITHHELD);
            }
            SkipReport skipped = last.skipped();
            response.withData("skipped", skipped.count());
            if (skipped.count() > 0) {
                response.withData("skippedByReason", skipped.byReasonText());
                if (detailed) {
                    response.withData("skippedFiles", skipped.filesText());
                }
            }
        }
        String answerer = chat.get().defaultAnswerer();
        response.withData("answerer", answerer);
        if (!answerer.equals(ExtractiveAnswerer.NAME)) {
            response.withData("answererFallback", ExtractiveAnswerer.NAME);
        }
        return response.build();
    }

    /**
     * Whether the probe, open to anyone, names files and gives errors' texts: only without a key, when the API is
     * open too. With one, they are for those who hold it (/api/status, the reindex response).
     */
    private boolean detailed() {
        return config.apiKey().filter(k -> !k.isBlank()).isEmpty();
    }

    /** In place of an error's text when a key is set: that there is one, and where to read it. */
    static final String WITHHELD = "see /api/status (needs the API key)";

    /** The build under way, flat as health data allows: phase, done, total, unit, rate (per second), etaSeconds. */
    private static void progress(HealthCheckResponseBuilder response, BuildProgress.Snapshot building) {
        if (building == null) {
            return;
        }
        response.withData("phase", building.phaseLabel())
                .withData("done", building.done())
                .withData("total", building.total())
                .withData("unit", building.phase().unit())
                .withData("rate", Math.round(building.rate()));
        if (building.etaSeconds() >= 0) {
            response.withData("etaSeconds", building.etaSeconds());
        }
    }
}
