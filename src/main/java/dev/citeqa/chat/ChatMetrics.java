package dev.citeqa.chat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * What each turn did, as Micrometer meters: retrieval and answer latency (histograms, answer latency by
 * answerer), fallbacks (tagged with the answerer that failed) and abstentions.
 */
public final class ChatMetrics {

    private final MeterRegistry registry;
    private final Timer retrieval;

    public ChatMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.retrieval = Timer.builder("citeqa.retrieval").description("Follow-up resolution and passage retrieval")
                .publishPercentileHistogram().register(registry);
    }

    void record(ChatService.Result result, String configuredAnswerer, long retrieveNanos, long answerNanos) {
        retrieval.record(Duration.ofNanos(retrieveNanos));
        String answerer = result.answer().answerer();
        Timer.builder("citeqa.answer").description("Writing the answer, by the answerer that wrote it")
                .tag("answerer", answerer).publishPercentileHistogram().register(registry)
                .record(Duration.ofNanos(answerNanos));
        if (result.fallback()) {
            Counter.builder("citeqa.fallbacks").description("Answers written by the fallback because the answerer failed")
                    .tag("answerer", configuredAnswerer).register(registry).increment();
        }
        if (!result.answer().answered()) {
            Counter.builder("citeqa.abstentions").description("Questions answered with \"The corpus does not say.\"")
                    .tag("answerer", answerer).register(registry).increment();
        }
    }
}
