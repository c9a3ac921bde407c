package dev.citeqa.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the index is open, so that load balancers and scripts wait for a searchable corpus. */
@Readiness
@ApplicationScoped
public class IndexReadinessCheck implements HealthCheck {

    @Inject
    IndexService indexService;

    @Override
    public HealthCheckResponse call() {
        if (!indexService.isReady()) {
            return HealthCheckResponse.down("index");
        }
        var index = indexService.current();
        return HealthCheckResponse.named("index")
                .up()
                .withData("articles", index.articleCount())
                .withData("passages", index.passageCount())
                .build();
    }
}
