package dev.citeqa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeqa.api.NoArticlesTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
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
    }
}
