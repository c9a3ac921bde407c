package dev.citeqa.web;

import io.quarkus.test.common.http.TestHTTPResource;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.openqa.selenium.chrome.ChromeDriver;
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

    @AfterAll
    static void quitBrowser() throws IOException {
        Browser.quitShared();
    }
}
