package dev.citeqa.answer.llm;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * Starts a {@link FakeModelServer} for a Quarkus test and points the service at it. The {@code provider}
 * argument picks {@code openai} or {@code ollama}, the optional {@code data-dir} where the index goes; the server
 * is injected into test fields annotated with {@link InjectFakeModelServer}.
 */
public final class FakeModelResource implements QuarkusTestResourceLifecycleManager {

    public static final String MODEL = "test-model";

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectFakeModelServer {}

    private String provider;
    private String dataDir;
    private FakeModelServer server;

    @Override
    public void init(Map<String, String> args) {
        provider = args.getOrDefault("provider", "openai");
        dataDir = args.getOrDefault("data-dir", "target/test-data/" + provider);
    }

    @Override
    public Map<String, String> start() {
        server = new FakeModelServer();
        String url = "http://localhost:" + server.port();
        return switch (provider) {
            case "openai" -> Map.of(
                    "citeqa.answerer", "openai",
                    "citeqa.openai.base-url", url + "/v1",
                    "citeqa.openai.model", MODEL,
                    "citeqa.openai.timeout", "PT2S",
                    "citeqa.data.dir", dataDir);
            case "ollama" -> Map.of(
                    "citeqa.answerer", "ollama",
                    "citeqa.ollama.base-url", url,
                    "citeqa.ollama.model", MODEL,
                    "citeqa.ollama.timeout", "PT2S",
                    "citeqa.data.dir", dataDir);
            default -> throw new IllegalArgumentException("unknown provider " + provider);
        };
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectFakeModelServer.class, FakeModelServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
