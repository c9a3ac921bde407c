package dev.citeqa.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A new user's first folder, in the default hybrid mode, with no article the service can read: Markdown and HTML
 * exports. The index is empty and holds no vectors; every endpoint must still answer,
 * and say why nothing is found.
 */
@QuarkusTest
@TestProfile(NoArticlesTest.MarkdownAndSubfolders.class)
public class NoArticlesTest {

    public static class MarkdownAndSubfolders implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path root = LiveCorpus.freshFolder("no-articles", Map.of(
                    "summit.md", "# NATO summit\n\nLeaders met in Vilnius.\n",
                    "summit.html", "<h1>NATO summit</h1><p>Leaders met.</p>\n",
                    "2024-07/notes.md", "Not an article, not reported.\n"));
            return Map.of("citeqa.corpus.dir", root.resolve("corpus").toString(),
                    "citeqa.data.dir", root.resolve("data").toString(), "citeqa.retrieval.mode", "hybrid");
        }
    }

    @Test
    void everyEndpointAnswersAndTheSkipReportSaysWhy() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'index' }.data.documents", equalTo(0))
                .body("checks.find { it.name == 'index' }.data.skippedByReason", equalTo("not-txt: 2"))
                .body("checks.find { it.name == 'index' }.data.skippedFiles",
                        equalTo("summit.html (not-txt), summit.md (not-txt)"));
        given().when().get("/api/status").then().statusCode(200)
                .body("documents", equalTo(0))
                .body("skipped.count", equalTo(2))
                .body("skipped.byReason.'not-txt'", equalTo(2))
                .body("skipped.files[1].file", equalTo("summit.md"))
                .body("skipped.files[1].reason", equalTo("not-txt"));
        given().when().get("/api/search?q=Where+did+leaders+meet&mode=hybrid").then().statusCode(200)
                .body("hits", empty());
        given().when().get("/api/search?q=Where+did+leaders+meet&mode=dense").then().statusCode(200)
                .body("hits", empty());
        given().contentType(ContentType.JSON).body(Map.of("question", "Where did leaders meet?"))
                .when().post("/api/ask").then().statusCode(200)
                .body("answered", equalTo(false))
                .body("answer", equalTo("The corpus does not say. The corpus holds no articles yet."))
                .body("passages", empty());
        given().contentType(ContentType.JSON)
                .body(Map.of("model", "citeqa", "messages", java.util.List.of(
                        Map.of("role", "user", "content", "Where did leaders meet?"))))
                .when().post("/v1/chat/completions").then().statusCode(200)
                .body("choices[0].message.content",
                        equalTo("The corpus does not say. The corpus holds no articles yet."));
    }
}
