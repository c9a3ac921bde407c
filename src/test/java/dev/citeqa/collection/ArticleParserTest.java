package dev.citeqa.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleParserTest {

    private static Article seed(String id) throws IOException {
        String text = Files.readString(Path.of("corpus", id + ".txt"), StandardCharsets.UTF_8);
        return ArticleParser.parse(id, text).orElseThrow();
    }

    private static String body(Article a) {
        return a.text();
    }

    @Test
    void outletAndDateFromDashedDateLine() throws IOException {
        Article a = seed("000_a501985d60945543");
        assertTrue(a.title().startsWith("NATO Secretary General Mark Rutte and Turkish Foreign Minister Hakan Fidan"));
        assertEquals("2025-06-09", a.date());
        assertEquals("Chas Pravdy", a.outlet());
        // The trailing "Source" line is page furniture.
        assertFalse(body(a).strip().endsWith("Source"));
        assertFalse(body(a).contains("Chas Pravdy - 09 June 2025"));
    }

    @Test
    void titleFollowsAnIsoDateOnTheSameLine() throws IOException {
        Article a = seed("001_ef047f98b842d2d5");
        assertEquals("2025-05-13", a.date());
        assertEquals("Türkiye gears up diplomacy for peace between Russia and Ukraine", a.title());
        assertNull(a.outlet());
        // "ANKARA" is a dateline label, not text.
        assertTrue(a.paragraphs().stream().noneMatch(p -> p.text().equals("ANKARA")));
    }

    @Test
    void dottedDateAndQuotedTitleUnderASectionLabel() throws IOException {
        Article a = seed("003_18b1f03eac19a9f9");
        assertEquals("2025-05-16", a.date());
        assertEquals("US, Turkey, Ukraine Meet for Crucial Peace Talks", a.title());
        assertTrue(a.paragraphs().stream().noneMatch(p -> p.text().equals("GENERAL")));
        assertFalse(body(a).contains("Related Post"));
        // A caption printed twice is kept once.
        assertEquals(1, a.paragraphs().stream()
                .filter(p -> p.text().equals("US Secretary of State Marco Rubio in Istanbul for Russia-Ukraine Talks"))
                .count());
    }

    @Test
    void skipLinksTeasersAndRepeatedTitleAreDropped() throws IOException {
        Article a = seed("002_4e585f413ea321f4");
        assertEquals("Discussion between Erdogan and NATO Secretary General centers around the Ukraine situation",
                a.title());
        assertNull(a.date());
        String text = body(a);
        assertFalse(text.contains("Skip to content"));
        assertFalse(text.contains("Read also:"));
        assertFalse(text.contains("Latest"));
        assertFalse(text.contains(a.title()), "the repeated headline is not body text");
    }

    @Test
    void breadcrumbsAdsAndPhotoCreditsAreDropped() throws IOException {
        Article a = seed("004_7f23b3891e78eb35");
        assertEquals("NATO Chief: “The Ball Is Clearly in Russia’s Court” on Ukraine Peace Talks", a.title());
        String text = body(a);
        assertFalse(text.contains("Homepage News"));
        assertFalse(text.contains("Shutterstock"));
        assertFalse(text.contains("Others are reading now"));
        assertFalse(text.contains("Also read"));
        assertFalse(text.contains("Ads by"));
        assertTrue(text.contains("the ball is now clearly in Russia’s court"));
    }

    @Test
    void paragraphOffsetsPointIntoTheOriginalText() throws IOException {
        String id = "004_7f23b3891e78eb35";
        String source = Files.readString(Path.of("corpus", id + ".txt"), StandardCharsets.UTF_8);
        for (Paragraph p : seed(id).paragraphs()) {
            assertEquals(p.text(), source.substring(p.start(), p.end()));
        }
    }

    @Test
    void aFileWithOnlyOneParagraphKeepsItAsBodyAndDerivesTheTitle() {
        String text = "The council met on Monday. It approved the new library after a long debate.";
        Article a = ArticleParser.parse("plain", text).orElseThrow();
        assertEquals("The council met on Monday.", a.title());
        assertEquals(List.of(text), a.paragraphs().stream().map(Paragraph::text).toList());
    }

    @Test
    void aDateOpeningTheFirstBodyLineIsMetadata() {
        String text = "Envoy named\n\nDate 2024-02-01 The government named Clara Voss as its envoy to the summit.";
        Article a = ArticleParser.parse("envoy", text).orElseThrow();
        assertEquals("2024-02-01", a.date());
        Paragraph p = a.paragraphs().get(0);
        assertEquals("The government named Clara Voss as its envoy to the summit.", p.text());
        assertEquals(p.text(), text.substring(p.start(), p.end()));
    }

    @Test
    void nothingLeftAfterCleaningIsNoArticle() {
        assertTrue(ArticleParser.parse("empty", "Skip to content\n\nRead also:\n\nLatest\n").isEmpty());
    }
}
