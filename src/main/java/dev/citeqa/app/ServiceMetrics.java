package dev.citeqa.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.function.ToDoubleFunction;

/**
 * Service-wide meters at {@code /q/metrics}: histogram buckets for the request latency Quarkus records per
 * endpoint ({@code http_server_requests_seconds}), and the size of the index being served. The answer path's
 * meters are in {@link dev.citeqa.chat.ChatMetrics}, the rate limit's in {@code ApiGate}.
 */
@ApplicationScoped
public class ServiceMetrics {

    /** Buckets, not only a count and sum, so that p50/p99 per endpoint can be read from a scrape. */
    @Produces
    @Singleton
    MeterFilter requestHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getName().equals("http.server.requests")) {
                    return DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config);
                }
                return config;
            }
        };
    }

    /** Read at each scrape, so they follow whatever index is being served; NaN until one is open. */
    void gauges(@Observes StartupEvent event, MeterRegistry registry, IndexService indexService) {
        gauge(registry, "citeqa.index.documents", "Articles in the index being served", indexService,
                s -> s.current().articleCount());
        gauge(registry, "citeqa.index.passages", "Passages in the index being served", indexService,
                s -> s.current().passageCount());
    }

    private static void gauge(MeterRegistry registry, String name, String description, IndexService indexService,
            ToDoubleFunction<IndexService> value) {
        Gauge.builder(name, indexService, s -> s.isReady() ? value.applyAsDouble(s) : Double.NaN)
                .description(description).register(registry);
    }
}
