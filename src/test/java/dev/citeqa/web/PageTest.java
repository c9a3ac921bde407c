package dev.citeqa.web;

import io.quarkus.test.common.http.TestHTTPResource;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A test of the chat page in the browser that a test class's tests share (see {@link Browser#shared()}). */
abstract class PageTest {

    static ChromeDriver driver;
    static WebDriverWait wait;

    @TestHTTPResource("/")
    URL url;

    /** Starts the shared browser if it is not running yet; skips the test where there is none. */
    static void openBrowser() throws IOException {
        driver = Browser.shared();
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Types the question, sends it, and waits for the answer to finish streaming. */
    static WebElement ask(String question) {
        int before = answers().size();
        WebElement box = driver.findElement(By.id("question"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("send")));
        box.sendKeys(question);
        box.sendKeys(Keys.ENTER);
        wait.until(d -> answers().size() > before);
        return answers().getLast();
    }

    /** Answers that have finished streaming (answered, not answered or failed). */
    static List<WebElement> answers() {
        return driver.findElements(By.cssSelector(".message-assistant[aria-busy='false']"));
    }

    @AfterAll
    static void quitBrowser() throws IOException {
        Browser.quitShared();
    }
}
