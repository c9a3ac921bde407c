package dev.citeqa.firststart;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.citeqa.WatchesTheBuild;
import dev.citeqa.app.Reindex;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A vector pass that failed on articles no longer in the folder: its error was still reported (in the status and
 * readiness) after a reindex left nothing to embed, until a restart.
 */
@QuarkusTest
@TestProfile(SlowModelProfile.FailingOnceOwnCorpus.class)
@WatchesTheBuild
class VectorErrorClearedTest extends HeldModelTest {

    @Test
    void theErrorGoesWithTheArticlesItWasAbout() throws Exception {
        FirstStart.await("the vector pass to fail", () -> index.vectorError() != null);
        given().get("/api/status").then().statusCode(200)
                .body("error", containsString("the model failed"));

        try (Stream<Path> files = Files.list(SlowModelProfile.FailingOnceOwnCorpus.CORPUS)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Reindex done = index.reindex();

        assertEquals(0, done.documents());
        assertNull(index.vectorError());
        given().get("/api/status").then().statusCode(200)
                .body("documents", equalTo(0))
                .body("error", nullValue());
    }
}
