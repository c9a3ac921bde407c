package dev.citeqa.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The chat page in headless Chromium against the running service (extractive answerer, seed articles plus
 * an article full of script payloads).
 */
@QuarkusTest
@TestProfile(WebTestProfile.class)
class ChatPageTest extends PageTest {

    private static final String RUTTE_QUESTION =
            "Where did Mark Rutte chair the informal meeting of NATO foreign ministers?";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Dimension DESKTOP = new Dimension(1400, 900);

    /** Every test starts on an empty chat with the article list loaded, in the browser the tests share. */
    @BeforeEach
    void openEmptyChat() throws IOException {
        openBrowser();
        driver.manage().window().setSize(DESKTOP);
        driver.get(url.toString());
        js("localStorage.clear()");
        driver.navigate().refresh();
        wait.until(d -> d.findElements(By.cssSelector("#article-list .article-item")).size() == 6);
        wait.until(d -> !d.findElements(By.cssSelector("#suggestions .suggestion")).isEmpty());
        // Records any Content-Security-Policy violation, which is what injected markup would cause.
        js("window.__cspViolations = [];"
                + "document.addEventListener('securitypolicyviolation',"
                + " e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));");
    }

    @Test
    void answersACorpusQuestionWithChipsAndSources() {
        WebElement box = driver.findElement(By.id("question"));
        box.sendKeys("Where did Mark Rutte");
        box.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
        assertTrue(box.getDomProperty("value").contains("\n"), "Shift+Enter adds a line");
        assertTrue(messages().isEmpty(), "Shift+Enter does not send");
        box.clear();

        WebElement answer = ask(RUTTE_QUESTION);

        assertEquals(RUTTE_QUESTION, driver.findElement(By.cssSelector(".message-user .message-text")).getText());
        assertTrue(answerText(answer).contains("Antalya"), answerText(answer));
        assertFalse(answerText(answer).contains("[001_"), "markers become chips");
        // Text in Arabic or Hebrew sets its own direction (the page laid it out left to right).
        assertEquals("auto", answer.findElement(By.cssSelector(".answer-text")).getDomAttribute("dir"));
        assertEquals("auto", driver.findElement(By.cssSelector(".message-user .message-text")).getDomAttribute("dir"));
        List<WebElement> chips = answer.findElements(By.cssSelector(".answer-text .chip"));
        assertFalse(chips.isEmpty(), "a citation chip");
        WebElement chip = chips.getFirst();
        assertEquals("1", chip.getText());
        String citedTitle = (String) js("return JSON.parse(localStorage.getItem('citeqa.chat'))"
                + ".messages[1].response.citations[0].title");
        assertEquals(citedTitle, chip.getDomAttribute("title"));
        assertEquals("Source 1: " + citedTitle, chip.getDomAttribute("aria-label"));

        List<WebElement> sources = answer.findElements(By.cssSelector(".source-list .source-item"));
        assertFalse(sources.isEmpty(), "a source list");
        assertTrue(sources.getFirst().getText().contains(citedTitle), sources.getFirst().getText());
        assertTrue(sources.getFirst().getText().contains("2025"), "the source's date");
        assertEquals("extractive", answer.findElement(By.cssSelector(".answerer")).getText());
        assertTrue(driver.findElement(By.id("send")).isEnabled());
        assertTrue(driver.findElement(By.id("empty-state")).getDomAttribute("hidden") != null);
    }

    @Test
    void chipOpensTheArticleWithTheCitedPassageHighlighted() {
        WebElement answer = ask(RUTTE_QUESTION);
        String snippet = (String) js("return JSON.parse(localStorage.getItem('citeqa.chat'))"
                + ".messages[1].response.citations[0].snippet");
        assertNotNull(snippet);

        WebElement chip = answer.findElement(By.cssSelector(".chip"));
        chip.click();
        WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article-panel")));
        wait.until(d -> !d.findElements(By.cssSelector("#panel-body mark")).isEmpty());

        assertEquals(chip.getDomAttribute("title"), driver.findElement(By.id("panel-title")).getText());
        assertTrue(driver.findElement(By.id("panel-meta")).getText().contains("2025"));
        String marked = driver.findElements(By.cssSelector("#panel-body mark")).stream()
                .map(WebElement::getText)
                .collect(Collectors.joining(" "));
        assertEquals(normalise(snippet), normalise(marked));
        assertTrue(marked.contains("Antalya"), marked);
        assertTrue((Boolean) js("const m = document.querySelector('#panel-body mark').getBoundingClientRect();"
                + "const b = document.getElementById('panel-scroll').getBoundingClientRect();"
                + "return m.top >= b.top && m.bottom <= b.bottom;"), "the highlight is scrolled into view");
        assertTrue((Boolean) js("const t = document.getElementById('panel-title').getBoundingClientRect();"
                + "const b = document.getElementById('panel-scroll').getBoundingClientRect();"
                + "return t.top >= b.top && t.bottom <= b.bottom;"), "the title stays in view above it");
        assertTrue((Boolean) js("const m = document.querySelector('#panel-body mark').getBoundingClientRect();"
                + "return m.top >= document.querySelector('.panel-heading').getBoundingClientRect().bottom;"),
                "and the highlight starts below it, not under it");
        assertTrue((Boolean) js("return [...document.querySelectorAll('#panel-body p')]"
                + ".every(p => p.querySelectorAll('mark').length <= 1)"), "one highlight a paragraph, no seams");
        assertEquals(driver.findElement(By.id("panel-title")), driver.switchTo().activeElement(),
                "focus moves into the panel");

        // Escape closes the panel and gives focus back to the chip, with a visible focus ring.
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.invisibilityOf(panel));
        assertEquals(chip, driver.switchTo().activeElement());
        assertEquals("solid", chip.getCssValue("outline-style"));

        // The source list opens the same article too.
        answer.findElement(By.cssSelector(".source-item")).click();
        wait.until(ExpectedConditions.visibilityOf(panel));
        wait.until(d -> !d.findElements(By.cssSelector("#panel-body mark")).isEmpty());
        driver.findElement(By.id("panel-close")).click();
        wait.until(ExpectedConditions.invisibilityOf(panel));
    }

    @Test
    void followUpContinuesTheConversation() {
        WebElement first = ask("Who is the NATO Secretary General?");
        assertTrue(answerText(first).contains("Mark Rutte"), answerText(first));
        String conversationId = conversationId();
        assertNotNull(conversationId);

        WebElement second = ask("What did he say about Russia?");
        assertTrue(answerText(second).contains("Rutte"), "\"he\" is Rutte: " + answerText(second));
        assertEquals(conversationId, conversationId(), "the follow-up is sent in the same conversation");
        assertEquals(2, answers().size());
        assertEquals(4, messages().size());
        String standalone = (String) js("return JSON.parse(localStorage.getItem('citeqa.chat'))"
                + ".messages[3].response.standaloneQuestion");
        assertTrue(standalone.contains("Rutte"), "the server resolved 'he': " + standalone);
        assertTrue(second.findElements(By.cssSelector(".notice")).isEmpty(), second.getText());
    }

    /** A chat kept in the browser whose conversation the server has forgotten (a restart) says so. */
    @Test
    void aFollowUpTheServerCannotResumeSaysSo() throws IOException {
        ask("Who is the NATO Secretary General?");
        js("const chat = JSON.parse(localStorage.getItem('citeqa.chat')); chat.conversationId = 'forgotten-by-a-restart';"
                + " localStorage.setItem('citeqa.chat', JSON.stringify(chat));");
        driver.navigate().refresh();
        wait.until(d -> answers().size() == 1);

        WebElement second = ask("What did he say about Russia?");
        assertTrue(second.findElement(By.cssSelector(".notice-warning")).getText()
                .contains("no longer had the earlier questions"), second.getText());
    }

    @Test
    void aMisspelledQuestionSaysHowItWasReadAndOffersANamesSpelling() {
        WebElement answer = ask("Who is the NATO secretery general?");
        assertEquals("Read \u201csecretery\u201d as \u201csecretary\u201d.",
                answer.findElement(By.cssSelector(".corrected")).getText());
        assertTrue(answerText(answer).contains("Rutte"), answerText(answer));

        WebElement named = ask("Where is Mark Ruttte?");
        assertTrue(named.findElements(By.cssSelector(".corrected")).stream()
                .anyMatch(note -> note.getText().equals("Did you mean: Where is Mark Rutte?")),
                named.getText());
        int before = messages().size();
        named.findElement(By.cssSelector(".suggested")).click();
        wait.until(d -> messages().size() == before + 2);
        assertEquals("Where is Mark Rutte?", driver.findElements(By.cssSelector(".message-user .message-text"))
                .getLast().getText());
    }

    @Test
    void offCorpusQuestionShowsThatTheCorpusDoesNotSay() {
        WebElement answered = ask("Who is the NATO Secretary General?");
        WebElement answer = ask("What is the population of Antalya?");

        assertTrue(answer.getDomAttribute("class").contains("is-not-answered"));
        assertTrue(answerText(answer).startsWith("The corpus does not say"), answerText(answer));
        WebElement label = answer.findElement(By.cssSelector(".state-label-unanswered"));
        assertTrue(label.isDisplayed());
        assertTrue(label.getText().toLowerCase(Locale.ROOT).contains("not in the corpus"), label.getText());
        assertTrue(answer.findElements(By.cssSelector(".chip, .source-item")).isEmpty());
        assertNotEquals(bubble(answered).getCssValue("background-color"),
                bubble(answer).getCssValue("background-color"), "styled apart from answers");
    }

    @Test
    void markupInArticlesAndAnswersStaysText() throws IOException {
        String title = driver.getTitle();
        try {
            WebElement answer = ask("How many lanterns did the Vellmar festival launch?");
            assertTrue(answerText(answer).contains("<img src=x onerror=\"window.__xss=3;alert(1)\">"),
                    answerText(answer));
            WebElement chip = answer.findElement(By.cssSelector(".chip"));
            assertTrue(chip.getDomAttribute("title").contains("<script>window.__xss=2;alert('x')</script>"));

            chip.click();
            WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article-panel")));
            wait.until(d -> !d.findElements(By.cssSelector("#panel-body mark")).isEmpty());
            String panelTitle = driver.findElement(By.id("panel-title")).getText();
            assertTrue(panelTitle.contains("<img src=x onerror="), panelTitle);
            String body = driver.findElement(By.id("panel-body")).getText();
            assertTrue(body.contains("<a href=\"javascript:window.__xss=4;alert(1)\">click</a>"), body);
            assertTrue(body.contains("<svg onload=\"window.__xss=5;alert(1)\">"), body);
            assertTrue(body.contains("<script>document.title='pwned';window.__xss=6</script>"), body);
            screenshot("xss-article.png");
            new Actions(driver).sendKeys(Keys.ESCAPE).perform();
            wait.until(ExpectedConditions.invisibilityOf(panel));

            // Opened from the sidebar as well, without a highlight.
            driver.findElement(By.cssSelector(".article-item[data-article-id='xss_demo']")).click();
            wait.until(ExpectedConditions.visibilityOf(panel));
            wait.until(d -> d.findElement(By.id("panel-body")).getText().contains("cardamom buns"));

            assertThrows(NoAlertPresentException.class, () -> driver.switchTo().alert(), "no alert opened");
            assertEquals("undefined", js("return typeof window.__xss"), "no payload ran");
            assertEquals(title, driver.getTitle());
            assertEquals(0L, js("return document.querySelectorAll('#messages img, #messages script, #messages svg,"
                    + " #messages a, #article-panel img, #article-panel script, #article-panel svg, #article-panel a,"
                    + " #sidebar img, #sidebar script, #sidebar svg, #sidebar a').length"), "no markup was parsed");
            assertEquals(List.of(), js("return window.__cspViolations"), "nothing was blocked by the CSP either");
        } catch (UnhandledAlertException e) {
            fail("A script from the article ran and opened an alert: " + e.getAlertText());
        }
    }

    @Test
    void screenshotsOnDesktopAndPhone() throws IOException {
        ask("Who is the NATO Secretary General?");
        ask("What did he say about Russia?");
        ask("Who is the chief executive of Apple?");
        answers().getFirst().findElement(By.cssSelector(".chip")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#panel-body mark")).isEmpty());
        screenshot("conversation.png");
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("article-panel")));

        try {
            driver.manage().window().setSize(new Dimension(375, 800));
            wait.until(d -> ((Number) js("return window.innerWidth")).intValue() <= 400);
            WebElement question = driver.findElement(By.id("question"));
            WebElement send = driver.findElement(By.id("send"));
            assertTrue(question.isDisplayed() && send.isDisplayed());
            assertTrue(inViewport(question), "the question box fits the phone screen");
            assertTrue(inViewport(send), "the send button fits the phone screen");
            // The sidebar collapses (after its slide-out transition).
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("sidebar")));
            screenshot("phone.png");

            // The sidebar slides in behind its toggle; an article opens full width over the chat.
            WebElement toggle = driver.findElement(By.id("sidebar-toggle"));
            toggle.click();
            WebElement sidebar = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sidebar")));
            wait.until(d -> sidebar.getRect().getX() == 0); // slid in completely
            assertEquals("true", toggle.getDomAttribute("aria-expanded"));
            WebElement item = driver.findElement(By.cssSelector(".article-item"));
            wait.until(d -> item.equals(d.switchTo().activeElement())); // once it has slid in, not left on the toggle
            screenshot("phone-sidebar.png");
            wait.until(ExpectedConditions.elementToBeClickable(item)).click();
            WebElement panel = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article-panel")));
            wait.until(d -> !d.findElement(By.id("panel-body")).getText().isBlank());
            assertEquals(((Number) js("return document.documentElement.clientWidth")).intValue(),
                    panel.getRect().getWidth(), "the panel is full width");
            screenshot("phone-article.png");
            new Actions(driver).sendKeys(Keys.ESCAPE).perform();
            wait.until(ExpectedConditions.invisibilityOf(panel));
        } finally {
            driver.manage().window().setSize(DESKTOP);
        }
    }

    @Test
    void conversationSurvivesReloadUntilNewChat() throws IOException {
        WebElement answer = ask(RUTTE_QUESTION);
        String text = answerText(answer);
        String conversationId = conversationId();

        driver.navigate().refresh();
        // The restored answers are drawn again once the first page of titles comes (app.js, onPage): read them after.
        wait.until(d -> d.findElements(By.cssSelector("#article-list .article-item")).size() == 6);
        wait.until(d -> d.findElements(By.cssSelector(".message-assistant .chip")).size() == 1);
        assertEquals(RUTTE_QUESTION, driver.findElement(By.cssSelector(".message-user .message-text")).getText());
        assertEquals(text, answerText(answers().getFirst()));
        assertEquals(1, driver.findElements(By.cssSelector(".source-item")).size());
        assertEquals(conversationId, conversationId());

        // A source left open goes with its chat, or the question box would sit under its backdrop.
        answers().getFirst().findElement(By.cssSelector(".chip")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("article-panel")));
        driver.findElement(By.id("new-chat")).click();
        wait.until(d -> messages().isEmpty());
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("article-panel")));
        assertTrue(driver.findElement(By.id("empty-state")).isDisplayed());
        assertNull(js("return localStorage.getItem('citeqa.chat')"));
        assertEquals(driver.findElement(By.id("question")), driver.switchTo().activeElement());
        screenshot("empty-chat.png");

        // A starter question asks itself, in a new conversation.
        WebElement suggestion = driver.findElement(By.cssSelector("#suggestions .suggestion"));
        String asked = suggestion.getText();
        suggestion.click();
        wait.until(d -> answers().size() == 1);
        assertEquals(asked, driver.findElement(By.cssSelector(".message-user .message-text")).getText());
        assertNotEquals(conversationId, conversationId());
    }

    @Test
    void busyStateStreamFallbackAndRetry() {
        // A slow server: the send button is disabled and the answer marked busy until it is complete.
        js("const real = window.fetch; window.__realFetch = real;"
                + "window.fetch = (input, init) => new Promise(r => setTimeout(r, 1500)).then(() => real(input, init));");
        WebElement box = driver.findElement(By.id("question"));
        box.sendKeys("Who is the NATO Secretary General?", Keys.ENTER);
        WebElement busy = wait.until(d -> d.findElement(By.cssSelector(".message-assistant[aria-busy='true']")));
        assertFalse(driver.findElement(By.id("send")).isEnabled(), "send is disabled while answering");
        assertTrue(busy.getText().contains("Searching the corpus"), busy.getText());
        wait.until(d -> answers().size() == 1);
        assertTrue(driver.findElement(By.id("send")).isEnabled());

        // Without the stream endpoint the page falls back to POST /api/ask.
        js("window.fetch = (input, init) => String(input).includes('/api/ask/stream')"
                + " ? Promise.reject(new TypeError('no streaming')) : window.__realFetch(input, init);");
        WebElement fallback = ask("What did he say about Russia?");
        assertTrue(answerText(fallback).contains("Rutte"), answerText(fallback));
        assertFalse(fallback.findElements(By.cssSelector(".chip")).isEmpty());

        // With the server unreachable the error shows inline; Retry asks again once it is back.
        js("window.fetch = () => Promise.reject(new TypeError('offline'));");
        WebElement failed = ask(RUTTE_QUESTION);
        assertTrue(failed.getDomAttribute("class").contains("is-error"));
        assertTrue(failed.getText().contains("Could not reach the server"), failed.getText());
        js("window.fetch = window.__realFetch;");
        failed.findElement(By.cssSelector(".retry-button")).click();
        wait.until(d -> d.findElements(By.cssSelector(".message-assistant.is-error")).isEmpty()
                && answers().size() == 3);
        WebElement retried = answers().getLast();
        assertTrue(answerText(retried).contains("Antalya"), answerText(retried));
        assertEquals(6, messages().size(), "the retried answer replaced the failed one");
    }

    /**
     * A model answer streamed in pieces (split mid-line and mid-marker) after the model failed over to the
     * fallback: text and chips show while streaming, then the final answer carries a fallback notice.
     */
    @Test
    void streamsTokensAndShowsTheFallbackNotice() throws IOException {
        js("""
                const real = window.fetch;
                const bytes = new TextEncoder();
                const passage = { id: '001_ef047f98b842d2d5', title: 'Streamed title', date: null, passage: 'p',
                    score: 1, start: 564, end: 733 };
                const final = { conversationId: 'streamed-1', question: 'q', standaloneQuestion: 'q',
                    answer: 'Rutte chaired the meeting in Antalya. [001_ef047f98b842d2d5]', answered: true,
                    citations: [{ id: '001_ef047f98b842d2d5', title: 'Streamed title', date: '2025-05-13',
                        snippet: 's', start: 564, end: 733, supported: true }],
                    passages: [passage], answerer: 'extractive', fallback: true,
                    fallbackReason: 'connection refused', unsupportedSentences: [], timingsMs: { total: 5 } };
                const chunks = [
                  'event:sources\\ndata:' + JSON.stringify({ conversationId: 'streamed-1',
                      standaloneQuestion: 'q', passages: [passage] }) + '\\n\\n',
                  'event: error\\ndata: {"error": "model-x failed: connection refused", "fallback": true}\\n\\n',
                  'event:token\\ndata:{"text":"Rutte chaired the meeting in Antalya. [001_ef0',
                  '47f98b842d2d5]"}\\r\\n\\r\\nevent:tok',
                  'en\\ndata:{"text":" More text follows"}\\n\\n',
                  'event:done\\ndata:' + JSON.stringify(final) + '\\n\\n'];
                window.fetch = (input, init) => {
                  if (!String(input).includes('/api/ask/stream')) return real(input, init);
                  const body = new ReadableStream({ async start(controller) {
                    for (let i = 0; i < chunks.length; i++) {
                      // The last event waits until the test has seen the streamed text.
                      if (i === chunks.length - 1) await new Promise(r => { window.__release = r; });
                      controller.enqueue(bytes.encode(chunks[i]));
                    }
                    controller.close();
                  } });
                  return Promise.resolve(new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }));
                };
                """);
        WebElement box = driver.findElement(By.id("question"));
        box.sendKeys("Where did Rutte chair the meeting?", Keys.ENTER);

        WebElement streaming = wait.until(d -> d.findElement(By.cssSelector(".message-assistant[aria-busy='true']")));
        wait.until(d -> answerText(streaming).contains("More text follows"));
        assertTrue(answerText(streaming).startsWith("Rutte chaired the meeting in Antalya."));
        assertEquals("Streamed title", streaming.findElement(By.cssSelector(".chip")).getDomAttribute("title"));
        assertTrue(streaming.findElement(By.cssSelector(".notice-fallback")).getText().contains("connection refused"));
        assertFalse(driver.findElement(By.id("send")).isEnabled());

        js("window.__release()");
        wait.until(d -> answers().size() == 1);
        WebElement answer = answers().getFirst();
        assertTrue(answerText(answer).startsWith("Rutte chaired the meeting in Antalya."), answerText(answer));
        assertFalse(answerText(answer).contains("More text follows"), "the verified text replaces the stream");
        assertEquals(1, answer.findElements(By.cssSelector(".answer-text .chip")).size());
        WebElement notice = answer.findElement(By.cssSelector(".notice-fallback"));
        assertTrue(notice.getText().contains("connection refused"), notice.getText());
        assertTrue(notice.findElement(By.cssSelector(".retry-button")).isEnabled());
        assertEquals("extractive", answer.findElement(By.cssSelector(".answerer")).getText());
        assertEquals("streamed-1", conversationId());
        screenshot("fallback.png");
    }

    /** The sidebar lists the articles newest first, and its search keeps those whose title words start so. */
    @Test
    void sidebarSearchFiltersArticlesByTitle() {
        assertEquals(List.of("xss_demo", "000_a501985d60945543", "003_18b1f03eac19a9f9", "001_ef047f98b842d2d5",
                "002_4e585f413ea321f4", "004_7f23b3891e78eb35"), sidebarIds());
        assertEquals("(6)", driver.findElement(By.id("article-count")).getText());
        assertFalse(driver.findElement(By.id("article-pager")).isDisplayed(), "one page holds them all");

        WebElement search = driver.findElement(By.id("article-search"));
        search.sendKeys("peace");
        wait.until(d -> sidebarIds().equals(List.of("003_18b1f03eac19a9f9", "001_ef047f98b842d2d5",
                "004_7f23b3891e78eb35")));
        search.sendKeys(" TAL");
        wait.until(d -> sidebarIds().equals(List.of("003_18b1f03eac19a9f9", "004_7f23b3891e78eb35")));
        assertEquals("(6)", driver.findElement(By.id("article-count")).getText());

        // What was typed comes back as text, never as markup.
        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), "<img src=x onerror=\"window.__xss=7\"> zzz", Keys.ENTER);
        wait.until(d -> sidebarIds().isEmpty());
        assertEquals("No article title matches “<img src=x onerror=\"window.__xss=7\"> zzz”.",
                driver.findElement(By.id("article-status")).getText());
        assertEquals(0L, js("return document.querySelectorAll('#sidebar img').length"));
        assertEquals("undefined", js("return typeof window.__xss"));

        search.sendKeys(Keys.chord(Keys.CONTROL, "a"), "türk");
        wait.until(d -> sidebarIds().equals(List.of("000_a501985d60945543", "003_18b1f03eac19a9f9",
                "001_ef047f98b842d2d5")));
        driver.findElement(By.cssSelector(".article-item[data-article-id='001_ef047f98b842d2d5']")).click();
        wait.until(d -> driver.findElement(By.id("panel-title")).getText()
                .equals("Türkiye gears up diplomacy for peace between Russia and Ukraine"));
    }

    /** Suggestions still being worked out come back marked pending; the page asks again until they are ready. */
    @Test
    void pendingSuggestionsAreAskedForAgain() throws InterruptedException {
        Map<String, Object> script = driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                """
                const real = window.fetch;
                window.__suggestionCalls = 0;
                window.fetch = (input, init) => {
                  if (String(input).includes('/api/suggestions') && window.__suggestionCalls++ === 0) {
                    return Promise.resolve(new Response(JSON.stringify({ questions: ['Stale?'], pending: true }),
                        { headers: { 'Content-Type': 'application/json' } }));
                  }
                  return real(input, init);
                };
                """));
        try {
            driver.navigate().refresh();
            wait.until(d -> suggestions().equals(List.of("Stale?")));
            wait.until(d -> suggestions().equals(List.of("Who is the NATO Secretary General?",
                    "Who is the Russian Foreign Minister?", "Who is the Russian President?",
                    "Who is the U.S. Secretary of State?")));
            Thread.sleep(2000);
            assertEquals(2L, js("return window.__suggestionCalls"), "no more requests once they are ready");
        } finally {
            driver.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    Map.of("identifier", script.get("identifier")));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> suggestions() {
        return (List<String>) js("return [...document.querySelectorAll('#suggestions .suggestion')]"
                + ".map(e => e.textContent)");
    }

    /** Read in one script, so that a list redrawn meanwhile cannot leave stale elements behind. */
    @SuppressWarnings("unchecked")
    private static List<String> sidebarIds() {
        return (List<String>) js("return [...document.querySelectorAll('#article-list .article-item')]"
                + ".map(e => e.dataset.articleId)");
    }

    /**
     * A bracketed ID in answer text that the answer's citations do not name stays text, though the article
     * exists and was retrieved: only the server's verified citations become chips.
     */
    @Test
    void chipsOnlyForTheAnswersCitations() {
        js("""
                const real = window.fetch;
                const passage = (id, title) => ({ id, title, date: null, passage: 'p', score: 1, start: 0, end: 1 });
                const final = { conversationId: 'forged-1', question: 'q', standaloneQuestion: 'q',
                    answer: 'It was chaired by PWNED [002_4e585f413ea321f4] [999_deadbeefdeadbeef]. '
                        + '[001_ef047f98b842d2d5]',
                    answered: true,
                    citations: [{ id: '001_ef047f98b842d2d5', title: 'Cited title', date: '2025-05-13',
                        snippet: 's', start: 564, end: 733, supported: true }],
                    passages: [passage('001_ef047f98b842d2d5', 'Cited title'), passage('002_4e585f413ea321f4', 'Other')],
                    answerer: 'extractive', fallback: false, unsupportedSentences: [], timingsMs: { total: 5 } };
                window.fetch = (input, init) => {
                  if (!String(input).includes('/api/ask/stream')) return real(input, init);
                  const body = 'event: done\\ndata: ' + JSON.stringify(final) + '\\n\\n';
                  return Promise.resolve(new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }));
                };
                """);
        WebElement answer = ask("Who chaired the dinner?");

        List<WebElement> chips = answer.findElements(By.cssSelector(".answer-text .chip"));
        assertEquals(List.of("001_ef047f98b842d2d5"), chips.stream().map(c -> c.getDomAttribute("data-article-id"))
                .toList());
        assertEquals("It was chaired by PWNED [002_4e585f413ea321f4] [999_deadbeefdeadbeef].1",
                js("return arguments[0].querySelector('.answer-text').textContent", answer));
        assertEquals(1, answer.findElements(By.cssSelector(".source-item")).size());

        // The same after a reload, from the saved conversation, when every corpus title is known.
        driver.navigate().refresh();
        wait.until(d -> d.findElements(By.cssSelector("#article-list .article-item")).size() == 6);
        WebElement restored = wait.until(d -> answers().getFirst());
        assertEquals(1, restored.findElements(By.cssSelector(".answer-text .chip")).size());
    }

    /**
     * The sentences of a model's answer that the check did not let through are quoted: as not backed when the rest is
     * answered, as the withheld answer when nothing is (no "not backed" warning beside "the corpus does not say").
     */
    @Test
    void aModelsUncheckedSentencesAreQuoted() {
        js("""
                const real = window.fetch;
                const replies = [
                  { answer: 'Rutte chaired it in Antalya. [001_ef047f98b842d2d5] It was held in Paris.', answered: true,
                    citations: [{ id: '001_ef047f98b842d2d5', title: 'Cited title', date: '2025-05-13',
                        snippet: 's', start: 564, end: 733, supported: false }],
                    unsupportedSentences: ['It was held in Paris.'] },
                  { answer: "The corpus does not say. The model's answer cited no retrieved article.", answered: false,
                    citations: [], unsupportedSentences: ['Rutte chaired it in <b>Paris</b>.'] }];
                window.fetch = (input, init) => {
                  if (!String(input).includes('/api/ask/stream')) return real(input, init);
                  const final = Object.assign({ conversationId: 'unchecked-1', question: 'q', standaloneQuestion: 'q',
                      passages: [], answerer: 'model-x', fallback: false, timingsMs: { total: 5 } }, replies.shift());
                  const body = 'event: done\\ndata: ' + JSON.stringify(final) + '\\n\\n';
                  return Promise.resolve(new Response(body, { headers: { 'Content-Type': 'text/event-stream' } }));
                };
                """);
        WebElement answered = ask("Where did Rutte chair the meeting?");
        WebElement notice = answered.findElement(By.cssSelector(".notice.unsupported"));
        assertTrue(notice.getText().startsWith("1 sentence is not backed by the cited articles"), notice.getText());
        assertEquals(List.of("It was held in Paris."), notice.findElements(By.tagName("li")).stream()
                .map(WebElement::getText).toList());

        WebElement withheld = ask("And where was it held?");
        notice = withheld.findElement(By.cssSelector(".notice.unsupported"));
        assertTrue(notice.getText().startsWith("The language model’s answer, withheld"), notice.getText());
        assertFalse(notice.getText().contains("not backed"), notice.getText());
        assertEquals("Rutte chaired it in <b>Paris</b>.", notice.findElement(By.tagName("li")).getText());
    }

    /** The page's own modules, loaded in the browser: marker parsing, numbering and highlighting. */
    @Test
    void citationHelpers() {
        String parsed = (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/js/citations.js').then(m => {
                  const known = id => id === 'a_1' || id === 'b_2';
                  const text = 'One [b_2]. Two [a_1] [b_2]. Three [sic] and [ID: a_1, b_2]. Partial [a_';
                  const { segments, order } = m.parseAnswer(text, known, true);
                  const shown = segments.map(s => s.type === 'text' ? s.text : '{' + s.number + '}').join('|');
                  const numbered = m.numberCitations([{ id: 'c_3' }, { id: 'a_1' }, { id: 'b_2' }], order)
                      .map(n => n.number + '=' + n.citation.id).join(',');
                  done(shown + ' / ' + order.join(',') + ' / ' + numbered);
                }).catch(e => done('failed: ' + e));
                """);
        assertEquals("One|{1}|. Two|{2}|{1}|. Three [sic] and|{2}|{1}|. Partial  / b_2,a_1 / 1=b_2,2=a_1,3=c_3",
                parsed);

        // An ID with spaces (a file named after its headline) is one chip, alone or in a list.
        String spaced = (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/js/citations.js').then(m => {
                  const known = id => id === 'Storm hits coast (1)' || id === 'a_1';
                  const text = 'Power was cut [Storm hits coast (1)]. Both [a_1, Storm hits coast (1)]. '
                      + 'Not [Storm hits].';
                  const { segments } = m.parseAnswer(text, known);
                  done(segments.map(s => s.type === 'text' ? s.text : '{' + s.id + '}').join('|'));
                }).catch(e => done('failed: ' + e));
                """);
        assertEquals("Power was cut|{Storm hits coast (1)}|. Both|{a_1}|{Storm hits coast (1)}|. Not [Storm hits].",
                spaced);

        // A cited range across two paragraphs is marked in both; offsets are into the original file.
        String marks = (String) ((JavascriptExecutor) driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/js/render.js').then(m => {
                  const parts = { title: document.createElement('h2'), meta: document.createElement('p'),
                      body: document.createElement('div') };
                  const article = { id: 'x', title: 'T', date: null, outlet: null, paragraphs: [
                      { text: 'Hello world', start: 10, end: 21 }, { text: 'Second para', start: 23, end: 34 },
                      { text: 'Third', start: 36, end: 41 }] };
                  m.renderArticle(parts, article, { start: 16, end: 29 }, { articleId: 'x', start: 17, end: 20 });
                  done([...parts.body.querySelectorAll('mark')].map(e => e.textContent).join('|')
                      + ' / ' + parts.meta.textContent + ' / ' + parts.body.querySelector('mark strong').textContent);
                }).catch(e => done('failed: ' + e));
                """);
        assertEquals("world|Second / Undated / orl", marks, "one mark a paragraph, the phrase in bold inside it");
    }

    // -----------------------------------------------------------------------------------------------------

    /** Types a question, sends it with Enter and waits for its complete answer. */

    private static List<WebElement> messages() {
        return driver.findElements(By.cssSelector("#messages .message"));
    }

    private static String answerText(WebElement answer) {
        return answer.findElement(By.cssSelector(".answer-text")).getText();
    }

    private static WebElement bubble(WebElement message) {
        return message.findElement(By.cssSelector(".bubble"));
    }

    private static String conversationId() {
        return (String) js("return JSON.parse(localStorage.getItem('citeqa.chat')).conversationId");
    }

    private static boolean inViewport(WebElement element) {
        return (Boolean) js("const r = arguments[0].getBoundingClientRect();"
                + "return r.left >= 0 && r.top >= 0 && r.right <= document.documentElement.clientWidth"
                + " && r.bottom <= document.documentElement.clientHeight && r.width > 0;", element);
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
