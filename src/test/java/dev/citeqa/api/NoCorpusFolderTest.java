package dev.citeqa.api;

import static dev.citeqa.api.LiveCorpus.within10Seconds;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A first start whose corpus folder is not there yet (a typo, an unmounted disk): nothing can be answered, the
 * errors say why and offer no time to retry after, and the service comes up by itself once the folder appears.
 */
@QuarkusTest
@TestProfile(NoCorpusFolderTest.Missing.class)
public class NoCorpusFolderTest {

    static final Path ROOT = Path.of("target", "no-corpus-folder").toAbsolutePath();

    public static class Missing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                LiveCorpus.deleteTree(ROOT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("citeqa.corpus.dir", ROOT.resolve("corpus").toString(),
                    "citeqa.data.dir", ROOT.resolve("data").toString(), "citeqa.retrieval.mode", "bm25",
                    "citeqa.corpus.watch-interval", "PT0.2S");
        }
    }

    @Test
    void theErrorSaysWhyAndTheFolderIsIndexedOnceItAppears() throws IOException, InterruptedException {
        within10Seconds("the first build fails", () -> given().when().get("/api/status").then().extract()
                .jsonPath().getString("error") != null);
        given().when().get("/api/status").then().statusCode(200)
                .body("error", containsString("IOException: citeqa.corpus.dir: '<corpus>' is not a folder"));
        given().contentType("application/json").body(Map.of("question", "Who won?"))
                .when().post("/api/ask")
                .then().statusCode(503)
                .header("Retry-After", nullValue())
                .body("error", containsString("The corpus could not be indexed: IOException: "));

        Path corpus = Files.createDirectories(ROOT.resolve("corpus"));
        Files.writeString(corpus.resolve("race.txt"), "Race result\n\nThe red car won the race on Sunday.");
        within10Seconds("the folder is indexed once it appears", () -> given().when().get("/api/status").then()
                .extract().jsonPath().getBoolean("ready"));
        given().when().get("/api/search?q=red car race").then().statusCode(200)
                .body("hits[0].id", org.hamcrest.Matchers.equalTo("race"));
    }
}
