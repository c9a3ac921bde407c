package dev.citeqa.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The article list on a corpus of thousands of articles: one bounded page at a time, in the API and the page. */
@QuarkusTest
@TestProfile(LargeCorpusProfile.class)
class LargeCorpusPageTest extends PageTest {

    private static final List<String> NEWEST_FIRST =
            SyntheticCorpus.newestFirst(SyntheticCorpus.entries()).stream().map(SyntheticCorpus.Entry::id).toList();
    private static final List<String> LIGHTHOUSE = SyntheticCorpus.newestFirst(SyntheticCorpus.entries()).stream()
            .filter(e -> e.title().contains(SyntheticCorpus.LIGHTHOUSE)).map(SyntheticCorpus.Entry::id).toList();

    /** Elements the sidebar holds besides its articles (heading, search, status, pager): none per article. */
    private static final int SIDEBAR_FRAME = 15;
    /** Elements per listed article: item, button, title, date line. */
    private static final int PER_ARTICLE = 4;

    @Test
    void theApiSendsAPageNotTheCorpus() {
        assertEquals(3000, NEWEST_FIRST.size());
        assertEquals(120, LIGHTHOUSE.size());
        byte[] body = given().when().get("/api/articles")
                .then().statusCode(200)
                .body("count", equalTo(3000))
                .body("articles.id", equalTo(NEWEST_FIRST.subList(0, 100)))
                .extract().asByteArray();
        assertTrue(body.length < 16_000, "100 articles in " + body.length + " bytes");
        given().when().get("/api/articles?q=&offset=2950&limit=50")
                .then().statusCode(200)
                .body("count", equalTo(3000))
                .body("articles.id", equalTo(NEWEST_FIRST.subList(2950, 3000)))
                .body("articles[49].date", equalTo(null));
        given().when().get("/api/articles?q=lighthouse&offset=100&limit=50")
                .then().statusCode(200)
                .body("count", equalTo(120))
                .body("articles.id", equalTo(LIGHTHOUSE.subList(100, 120)));
    }

    @BeforeEach
    void openPage() throws IOException {
        openBrowser();
        driver.get(url.toString());
        wait.until(d -> itemIds().size() == 50);
    }

    @Test
    void theSidebarShowsOnePageAtATime() {
        assertEquals(NEWEST_FIRST.subList(0, 50), itemIds());
        assertEquals("(3,000)", text("article-count"));
        assertEquals("1–50 of 3,000", text("article-range"));
        assertFalse(button("article-previous").isEnabled());
        String first = SyntheticCorpus.entries().stream().filter(e -> e.id().equals(NEWEST_FIRST.getFirst()))
                .findFirst().orElseThrow().title();
        assertEquals(first, items().getFirst().findElement(By.cssSelector(".article-item-title")).getText());
        long nodes = sidebarElements();
        assertEquals(SIDEBAR_FRAME + 50 * PER_ARTICLE, nodes);

        button("article-next").click();
        wait.until(d -> text("article-range").equals("51–100 of 3,000"));
        assertEquals(NEWEST_FIRST.subList(50, 100), itemIds());
        assertEquals(button("article-next"), driver.switchTo().activeElement());
        assertEquals(nodes, sidebarElements(), "a page replaces the last one");
        assertEquals(0L, ((Number) js("return document.getElementById('sidebar').scrollTop")).longValue());

        button("article-previous").click();
        wait.until(d -> text("article-range").equals("1–50 of 3,000"));
        assertEquals(NEWEST_FIRST.subList(0, 50), itemIds());
        assertEquals(items().getFirst(), driver.switchTo().activeElement(),
                "the focus moves into the list when the button pressed is disabled on the page it led to");
    }

    @Test
    void aSearchNarrowsTheListAndPagesThroughItsMatches() {
        WebElement search = driver.findElement(By.id("article-search"));
        js("document.getElementById('sidebar').scrollTop = 100000"); // read down to the end of the first page
        assertTrue(((Number) js("return document.getElementById('sidebar').scrollTop")).longValue() > 0);
        search.sendKeys("lightho");
        wait.until(d -> text("article-range").equals("1–50 of 120"));
        wait.until(d -> ((Number) js("return document.getElementById('sidebar').scrollTop")).longValue() == 0);
        assertEquals(LIGHTHOUSE.subList(0, 50), itemIds());
        assertEquals("(3,000)", text("article-count"), "the heading counts the corpus");
        button("article-next").click();
        wait.until(d -> text("article-range").equals("51–100 of 120"));
        button("article-next").click();
        wait.until(d -> text("article-range").equals("101–120 of 120"));
        assertEquals(LIGHTHOUSE.subList(100, 120), itemIds());
        assertFalse(button("article-next").isEnabled());
        assertEquals(items().getFirst(), driver.switchTo().activeElement(),
                "the disabled button gave the focus to the list");

        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), "nothing like this", Keys.ENTER);
        wait.until(d -> itemIds().isEmpty());
        assertEquals("No article title matches “nothing like this”.", text("article-status"));
        assertFalse(driver.findElement(By.id("article-pager")).isDisplayed());

        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        wait.until(d -> text("article-range").equals("1–50 of 3,000"));
        assertEquals(NEWEST_FIRST.subList(0, 50), itemIds());
        assertFalse(driver.findElement(By.id("article-status")).isDisplayed());
    }

    // -----------------------------------------------------------------------------------------------------

    private static List<WebElement> items() {
        return driver.findElements(By.cssSelector("#article-list .article-item"));
    }

    /** Read in one script, so that a list redrawn meanwhile cannot leave stale elements behind. */
    @SuppressWarnings("unchecked")
    private static List<String> itemIds() {
        return (List<String>) js("return [...document.querySelectorAll('#article-list .article-item')]"
                + ".map(e => e.dataset.articleId)");
    }

    private static String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private static WebElement button(String id) {
        return driver.findElement(By.id(id));
    }

    private static long sidebarElements() {
        return ((Number) js("return document.querySelectorAll('#sidebar *').length")).longValue();
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }
}
