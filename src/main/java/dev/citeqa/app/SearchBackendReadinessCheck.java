package dev.citeqa.app;

import dev.citeqa.search.Ranker;
import dev.citeqa.search.opensearch.OpenSearchBackend;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when passages can be ranked. The embedded index always can once it is open; a cluster must be
 * reachable, not red, and hold the current passages. Load balancers then route around an instance whose
 * cluster is gone, and back once it returns.
 */
@Readiness
@ApplicationScoped
public class SearchBackendReadinessCheck implements HealthCheck {

    @Inject
    Ranker ranker;

    @Inject
    dev.citeqa.config.CiteQaConfig config;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("search-backend").withData("backend",
                ranker.toString());
        if (!(ranker instanceof OpenSearchBackend cluster)) {
            return response.up().build();
        }
        OpenSearchBackend.Status status = cluster.status();
        response.status(status.ready()).withData("cluster", status.health()).withData("nodes", status.nodes())
                .withData("indexCurrent", status.copied());
        if (status.failure() != null) {
            // Open to anyone: with a key set, the cluster's address in the error is for those who hold it.
            response.withData("failure", config.apiKey().filter(k -> !k.isBlank()).isEmpty() ? status.failure()
                    : IndexReadinessCheck.WITHHELD);
        }
        return response.build();
    }
}
