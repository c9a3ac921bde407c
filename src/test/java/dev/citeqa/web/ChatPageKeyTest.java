package dev.citeqa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The chat page of a service started with an API key: it asks for the key, keeps it for the tab, uses it. */
@QuarkusTest
@TestProfile(WebTestProfile.WithKey.class)
class ChatPageKeyTest {

    static final String KEY = WebTestProfile.WithKey.KEY;

    private ChromeDriver driver;
    private WebDriverWait wait;

    @TestHTTPResource("/")
    URL url;

    @Test
    void thePageAsksForTheKeyKeepsItForTheTabAndUsesIt() throws IOException {
        Browser.assumeInstalled();
        try (Browser.Session session = Browser.start()) {
            driver = session.driver();
            wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            askForTheKeyThenUseIt();
        }
    }

    private void askForTheKeyThenUseIt() {
        driver.get(url.toString());
        js("sessionStorage.clear(); localStorage.clear();");
        driver.navigate().refresh();

        // Without a key: the form, with the server's own words, and the key box focused.
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key-form")));
        WebElement message = driver.findElement(By.id("key-message"));
        wait.until(d -> message.getText().contains("An API key is required"));
        assertEquals(driver.findElement(By.id("key-input")), driver.switchTo().activeElement());
        assertTrue(driver.findElement(By.id("article-status")).getText().contains("API key"));

        // A wrong key is refused, and the form says so.
        driver.findElement(By.id("key-input")).sendKeys("wrong-key", Keys.ENTER);
        wait.until(d -> message.getText().equals("The API key is not valid."));
        assertTrue(form.isDisplayed());

        // The right key: the form goes, the articles and starter questions load, a question is answered.
        driver.findElement(By.id("key-input")).sendKeys(KEY, Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector("#article-list .article-item")).size() == 6);
        wait.until(ExpectedConditions.invisibilityOf(form));
        wait.until(d -> !d.findElements(By.cssSelector("#suggestions .suggestion")).isEmpty());
        assertTrue(driver.findElement(By.id("suggestions")).isDisplayed());
        assertEquals(KEY, js("return sessionStorage.getItem('citeqa.apiKey')"));
        assertNull(js("return localStorage.getItem('citeqa.apiKey')"), "kept for the tab only");

        WebElement answer = ask("Where did Mark Rutte chair the informal meeting of NATO foreign ministers?");
        assertTrue(answer.findElement(By.cssSelector(".answer-text")).getText().contains("Antalya"));
        assertFalse(answer.findElements(By.cssSelector(".answer-text .chip")).isEmpty());

        // A reload keeps the key: no form, the articles load at once.
        driver.navigate().refresh();
        wait.until(d -> d.findElements(By.cssSelector("#article-list .article-item")).size() == 6);
        assertFalse(driver.findElement(By.id("key-form")).isDisplayed());

        // The key button opens the form to change the key; an empty key forgets it.
        WebElement button = driver.findElement(By.id("key-button"));
        assertTrue(button.isDisplayed());
        button.click();
        wait.until(ExpectedConditions.visibilityOf(driver.findElement(By.id("key-form"))));
        driver.findElement(By.id("key-cancel")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("key-form")));
        button.click();
        driver.findElement(By.id("key-input")).sendKeys(Keys.ENTER);
        assertNull(js("return sessionStorage.getItem('citeqa.apiKey')"));
        wait.until(d -> d.findElement(By.id("key-message")).getText().contains("An API key is required"));
    }

    /** Types a question, sends it and waits for its complete answer. */
    private WebElement ask(String question) {
        WebElement box = driver.findElement(By.id("question"));
        box.sendKeys(question, Keys.ENTER);
        return wait.until(d -> d.findElement(By.cssSelector(".message-assistant[aria-busy='false']")));
    }

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }
}
