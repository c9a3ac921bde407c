package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With an API key set, the readiness probe, which stays open to anyone, keeps to states and counts: the names of
 * the corpus's files and the text of errors are for those who hold the key.
 */
@QuarkusTest
@TestProfile(HealthWithKeyTest.Profile.class)
class HealthWithKeyTest {

    static final String KEY = "health-key";

    public static final class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path root = LiveCorpus.freshFolder("health-with-key", Map.of(
                    "summit.txt", "NATO summit\n\nLeaders met in Vilnius.\n", "payroll-2024.md", "Not an article.\n"));
            return Map.of("citeqa.corpus.dir", root.resolve("corpus").toString(),
                    "citeqa.data.dir", root.resolve("data").toString(), "citeqa.retrieval.mode", "bm25",
                    "citeqa.api-key", KEY);
        }
    }

    @Test
    void theOpenProbeCountsWhatTheKeyedStatusNames() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'index' }.data.documents", equalTo(1))
                .body("checks.find { it.name == 'index' }.data.skipped", equalTo(1))
                .body("checks.find { it.name == 'index' }.data.skippedByReason", equalTo("not-txt: 1"))
                .body("checks.find { it.name == 'index' }.data", not(hasKey("skippedFiles")));
        given().header("X-API-Key", KEY).when().get("/api/status").then().statusCode(200)
                .body("skipped.files[0].file", equalTo("payroll-2024.md"));
    }
}
