package dev.citeqa.web;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.HashMap;
import java.util.Map;

/**
 * The service as the browser tests see it: the five seed articles plus {@code xss_demo.txt}, an article
 * whose title and body carry script and HTML payloads, indexed into a folder of its own under target/.
 */
public class WebTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "citeqa.corpus.dir", "src/test/resources/web-corpus",
                "citeqa.data.dir", "target/test-data/web",
                "citeqa.answerer", "extractive");
    }

    /** The same service started with an API key ({@link #KEY}), which the page must ask for. */
    public static final class WithKey extends WebTestProfile {

        public static final String KEY = "page-key-0123456789";

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            config.put("citeqa.api-key", KEY);
            return config;
        }
    }
}
