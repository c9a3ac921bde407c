package dev.citeqa.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeqa.api.NoArticlesTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A folder of Markdown and HTML exports: the page must not just say there are no articles, but what was
 * left out and which files count, and a question gets the answerer's reason, not an error.
 */
@QuarkusTest
@TestProfile(NoArticlesTest.MarkdownAndSubfolders.class)
class NoArticlesPageTest extends PageTest {

    @Test
    void theArticleListSaysWhatWasLeftOutAndQuestionsSayTheCorpusIsEmpty() throws Exception {
        openBrowser();
        driver.get(url.toString());
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("localStorage.clear()");
        driver.navigate().refresh();

        wait.until(d -> d.findElement(By.id("article-status")).getText().contains("left out"));
        assertEquals("The corpus has no articles yet. 2 entries of the corpus folder were left out (not-txt: 2). "
                + "Articles are the *.txt files (UTF-8 or Windows-1252) in the folder and its subfolders, "
                + "one article per file; "
                + "/q/health/ready names the files left out.", driver.findElement(By.id("article-status")).getText());
        assertEquals("(0)", driver.findElement(By.id("article-count")).getText());

        WebElement answer = ask("Where did leaders meet?");
        assertEquals("The corpus does not say. The corpus holds no articles yet.",
                answer.findElement(By.cssSelector(".answer-text")).getText());

        // Once the folder has an article, what it left out is still said: else a misnamed file never shows up.
        Path article = Path.of("target", "no-articles", "corpus", "lighthouse.txt");
        Files.writeString(article, "Lighthouse keeper retires\n\nThe keeper of the Gull Point lighthouse retired "
                + "after forty years on Friday.\n");
        try {
            driver.navigate().refresh();
            wait.until(d -> {
                d.navigate().refresh();
                return d.findElements(By.cssSelector("#article-list .article-item")).size() == 1;
            });
            wait.until(d -> d.findElement(By.id("article-status")).getText().contains("left out"));
            assertEquals("2 entries of the corpus folder were left out (not-txt: 2); /q/health/ready names them.",
                    driver.findElement(By.id("article-status")).getText());
        } finally {
            Files.delete(article);
        }
        // The folder watcher takes the article away again, for the other tests of this profile.
        wait.until(d -> given().when().get("/api/status").then().extract().<Integer>path("documents") == 0);
    }
}
