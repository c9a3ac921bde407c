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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Before any index can answer, the page says questions must wait and shows how far the build has got; a
 * question asked anyway gets the server's reason. Once the index opens, the bar goes and the article list,
 * which could not load before, fills by itself.
 */
@QuarkusTest
@TestProfile(SlowModelProfile.EmbedFirst.ForThePage.class)
@WatchesTheBuild
class NotReadyPageTest extends PageTest {

    @Inject
    SlowModelLoader model;

    @Inject
    IndexService index;

    @Test
    void thePageSaysQuestionsWaitThenFillsItselfIn() throws Exception {
        FirstStartPageTest.await(() -> FirstStart.embedding(index) != null);
        openBrowser();
        driver.get(url.toString());
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("localStorage.clear()");
        driver.navigate().refresh();

        WebElement status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("index-status")));
        assertEquals("Building the index. Questions can be asked once the articles’ words are indexed.",
                driver.findElement(By.id("index-status-title")).getText());
        assertEquals("Embedding 0 of 26 texts (0%)", driver.findElement(By.id("index-status-detail")).getText());
        assertTrue(status.getDomAttribute("class").contains("is-waiting"));
        assertTrue(driver.findElements(By.cssSelector("#article-list .article-item")).isEmpty());

        WebElement answer = ask(FirstStartPageTest.QUESTION);
        assertEquals("The index is still being built; try again shortly.",
                answer.findElement(By.cssSelector(".error-text")).getText());
        FirstStartPageTest.screenshot("first-start-waiting.png");

        model.release();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("index-status")));
        wait.until(d -> d.findElements(By.cssSelector("#article-list .article-item")).size() == 6);
        WebElement retried = ask(FirstStartPageTest.QUESTION);
        assertTrue(retried.findElement(By.cssSelector(".answer-text")).getText().contains("Antalya"));
    }
}
