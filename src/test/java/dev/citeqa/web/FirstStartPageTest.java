package dev.citeqa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.WatchesTheBuild;
import dev.citeqa.app.IndexService;
import dev.citeqa.firststart.FirstStart;
import dev.citeqa.firststart.SlowModelLoader;
import dev.citeqa.firststart.SlowModelProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A first start in the browser, with the embedding model held: the words are indexed, so the page shows the
 * build's progress bar and says questions are answered by word search meanwhile; an answer comes, marked so;
 * once the model is let go the vectors come in, the bar goes, and answers are no longer marked.
 */
@QuarkusTest
@TestProfile(SlowModelProfile.ForThePage.class)
@WatchesTheBuild
class FirstStartPageTest extends PageTest {

    static final String QUESTION = "Where did Mark Rutte chair the informal meeting of NATO foreign ministers?";
    static final String BM25_NOTE = "· found by word search (BM25) while the index is completed";

    @Inject
    SlowModelLoader model;

    @Inject
    IndexService index;

    @Test
    void theBarShowsTheBuildAndWordSearchAnswersMeanwhile() throws Exception {
        await(() -> index.isReady() && FirstStart.embedding(index) != null);
        openBrowser();
        driver.get(url.toString());
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("localStorage.clear()");
        driver.navigate().refresh();

        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("index-status")));
        assertEquals("You can ask now: answers come from word search (BM25) until the embeddings are complete.",
                driver.findElement(By.id("index-status-title")).getText());
        assertEquals("Embedding 0 of 26 texts (0%)", driver.findElement(By.id("index-status-detail")).getText());
        assertEquals("0", driver.findElement(By.id("index-progress")).getDomAttribute("aria-valuenow"));
        assertTrue(driver.findElement(By.id("index-progress")).isDisplayed());
        assertEquals(false, status.getDomAttribute("class").contains("is-waiting"));

        WebElement answer = ask(QUESTION);
        assertTrue(answer.findElement(By.cssSelector(".answer-text")).getText().contains("Antalya"));
        assertEquals(BM25_NOTE, answer.findElement(By.cssSelector(".retrieval-note")).getText());
        screenshot("first-start-bm25.png");

        model.release();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("index-status")));
        WebElement second = ask(QUESTION);
        assertTrue(second.findElements(By.cssSelector(".retrieval-note")).isEmpty(), "hybrid now: no note");
    }

    static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "the build never reached the embedding phase");
            Thread.sleep(20);
        }
    }

    static void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
