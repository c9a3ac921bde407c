package dev.citeqa.api;

import static dev.citeqa.api.LiveCorpus.within10Seconds;
import static io.restassured.RestAssured.given;

import dev.citeqa.config.CiteQaConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Files added, edited and deleted while the service runs are served without a restart or a request. */
@QuarkusTest
@ExtendWith(LiveCorpus.SendsKey.class)
@TestProfile(LiveCorpus.Watched.class)
class CorpusWatchTest {

    @Inject
    CiteQaConfig config;

    private static String title(String id) {
        var response = given().when().get("/api/articles/" + id).then().extract();
        return response.statusCode() == 200 ? response.jsonPath().getString("title") : null;
    }

    @Test
    void addedEditedAndDeletedFilesAreIndexed() throws IOException, InterruptedException {
        Path file = Path.of(config.corpus().dir()).resolve("watched_story.txt");

        Files.writeString(file, "Ferry service resumes\n\nThe island ferry sailed again on Friday.");
        within10Seconds("an added file is served", () -> "Ferry service resumes".equals(title("watched_story")));

        Files.writeString(file, "Ferry service suspended\n\nStorms kept the island ferry in port.");
        within10Seconds("an edit is served", () -> "Ferry service suspended".equals(title("watched_story")));
        within10Seconds("search sees the edit", () -> given().when().get("/api/search?q=storms ferry port")
                .then().extract().jsonPath().getList("hits.id").contains("watched_story"));

        Files.delete(file);
        within10Seconds("a deleted file is gone", () -> title("watched_story") == null);
    }

    @Test
    void aSubfoldersArticlesAreIndexedAndCitedByTheirFileName() throws IOException, InterruptedException {
        Path month = Path.of(config.corpus().dir()).resolve("2024").resolve("07");
        Files.createDirectories(month);
        Files.writeString(month.resolve("filed_story.txt"), "Library reopens\n\nThe library reopened on Monday.");
        within10Seconds("an article filed in a subfolder is served", () -> "Library reopens".equals(title("filed_story")));
        within10Seconds("and found", () -> given().when().get("/api/search?q=library reopened monday")
                .then().extract().jsonPath().getList("hits.id").contains("filed_story"));

        Files.delete(month.resolve("filed_story.txt"));
        within10Seconds("and gone once deleted", () -> title("filed_story") == null);
    }
}
