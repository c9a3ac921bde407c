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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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
    void fieldNamesBeforeTitleDateAndSourceAreNotTheirText() {
        Article a = ArticleParser.parse("bbc", """
                Title: Japan exits negative interest rates
                Date: 19/03/2024
                Source: BBC News

                The Bank of Japan has raised interest rates for the first time in 17 years, ending negative rates.
                """).orElseThrow();
        assertEquals("Japan exits negative interest rates", a.title());
        assertEquals("2024-03-19", a.date());
        assertEquals("BBC News", a.outlet());
        assertEquals("The Bank of Japan has raised interest rates for the first time in 17 years, ending negative rates.",
                body(a).strip());
    }

    @Test
    void aWireStoryKeepsItsCapitalHeadlineAndLosesItsCopyrightNotice() {
        Article a = ArticleParser.parse("ap", """
                FED HOLDS RATES
                Updated 3:45 PM EDT, Wed March 20, 2024

                WASHINGTON (AP) — The Federal Reserve kept its key interest rate unchanged Wednesday for a fifth time.

                Facebook
                Copy link

                Powell said officials still foresee three rate cuts this year.

                Copyright 2024 The Associated Press. All rights reserved. This material may not be published.
                """).orElseThrow();
        assertEquals("FED HOLDS RATES", a.title());
        assertEquals("2024-03-20", a.date());
        assertEquals("The Associated Press", a.outlet(), "the copyright holder is the outlet when nothing else names one");
        assertEquals(List.of("WASHINGTON (AP) — The Federal Reserve kept its key interest rate unchanged Wednesday for a "
                + "fifth time.", "Powell said officials still foresee three rate cuts this year."),
                a.paragraphs().stream().map(Paragraph::text).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "Oslo, 2 October 2025 - Halvorsen Energy today announced that the wind farm is running. => 2025-10-02",
            "Oslo, Norway, 2025-10-02 - Halvorsen Energy today announced that the wind farm is running. => 2025-10-02",
            // Not a date between the place and the dash.
            "Oslo, the capital - Halvorsen Energy today announced that the wind farm is running. => ",
            // The newswires that carry press releases, and a date in brackets.
            "OSLO, Norway, Oct. 2, 2025 /PRNewswire/ -- Halvorsen Energy today announced that it runs. => 2025-10-02",
            "OSLO, Oct. 2, 2025 (GLOBE NEWSWIRE) -- Halvorsen Energy today announced that it runs. => 2025-10-02",
            "OSLO--(BUSINESS WIRE)--Oct. 2, 2025--Halvorsen Energy today announced that the farm runs. => 2025-10-02",
            "OSLO, Norway (Oct. 2, 2025) - Halvorsen Energy today announced that the wind farm runs. => 2025-10-02",
    })
    void aPressReleaseIsDatedByItsDateline(String firstLine, String date) {
        Article a = ArticleParser.parse("pr", "Wind farm opens\n\n" + firstLine
                + "\n\nThe turbines were installed from Hammerfest.\n").orElseThrow();
        assertEquals(date, a.date());
        assertEquals("Wind farm opens", a.title());
        assertEquals(firstLine, a.paragraphs().getFirst().text());
    }

    @Test
    void aFirstLineThatOpensWithADatelineIsTextThoughADateFollowsIt() {
        Article a = ArticleParser.parse("wire", """
                MERAV, Keshtar (Reuters) - Farmers in the valley say they will plant less wheat this spring.

                Published: 18 February 2025

                The ministry blames the dam built upstream in 2023.
                """).orElseThrow();
        assertEquals("Farmers in the valley say they will plant less wheat this spring.", a.title());
        assertEquals("2025-02-18", a.date());
        assertEquals("Reuters", a.outlet());
        assertEquals(List.of("MERAV, Keshtar (Reuters) - Farmers in the valley say they will plant less wheat this "
                + "spring.", "The ministry blames the dam built upstream in 2023."),
                a.paragraphs().stream().map(Paragraph::text).toList());
        // A headline that names CNN before a dash is still a headline.
        Article headline = ArticleParser.parse("cnn", "Trump Attacks CNN — Again\nJanuary 5, 2024\n\n"
                + "The former president renewed his attacks on the network on Friday.\n").orElseThrow();
        assertEquals("Trump Attacks CNN — Again", headline.title());
        assertEquals("2024-01-05", headline.date());
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "Copyright 2024 NPR. To see more, visit https://www.npr.org. => NPR",
            "© 2024 CNN. A Warner Bros. Discovery Company. All Rights Reserved. => CNN",
            "© 2024 Dow Jones & Company, Inc. | All Rights Reserved => Dow Jones & Company"})
    void theCopyrightHolderIsTheOutlet(String notice, String outlet) {
        Article a = ArticleParser.parse("n", "Markets rally\n© 2024 Getty Images\n"
                + "Stocks rose sharply on Friday after the jobs report came in stronger than expected.\n"
                + notice + "\n").orElseThrow();
        assertEquals(outlet, a.outlet(), "the last notice, not the photo's; up to its first full stop or comma");
        assertFalse(a.text().contains("©"));
    }

    /** A headline that reads as a sentence is one when a line under it dates the story, whatever its form. */
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "2024/01/25 => ",
            "By Staff Writer | January 25, 2024 10:24 AM EST => ",
            "By Jane Smith, January 25, 2024 => ",
            "By Jane Smith | The Ledger | Jan. 25, 2024 => The Ledger"})
    void aSentenceHeadlineIsDatedByTheLineUnderIt(String dateLine, String outlet) {
        String headline = "KERA at 30: How did the Kentucky Education Reform Act hold up?";
        Article a = ArticleParser.parse("k", headline + "\n" + dateLine + "\n\n"
                + "Just over three decades ago, a judge issued Kentucky a stern message about its schools.\n")
                .orElseThrow();
        assertEquals(headline, a.title());
        assertFalse(a.titleFromText());
        assertEquals("2024-01-25", a.date());
        assertEquals(outlet, a.outlet());
        assertEquals(List.of("Just over three decades ago, a judge issued Kentucky a stern message about its schools."),
                a.paragraphs().stream().map(Paragraph::text).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Oct 15, 2019 ... An early childhood educator from the Colonial School District is Delaware's 2020 "
                    + "State Teacher of the Year.",
            "On Jan. 25, 2024, the court ruled.",
            "Jan. 25, 2024 — Indicted",
            "Deadline: Oct. 29, 2024"})
    void aSentenceOverADatedSentenceIsText(String dated) {
        String first = "Governor John Carney made the announcement at a school assembly on Tuesday morning in Dover.";
        Article a = ArticleParser.parse("s", first + "\n" + dated + "\nThe award comes with a year of travel.\n")
                .orElseThrow();
        assertTrue(a.titleFromText(), "a long line over a dated one is no headline: " + a.title());
        assertEquals(3, a.paragraphs().size(), "every line stays text: " + a.paragraphs());
    }

    /** Cleaning leaves only the header: the headline is the text, and the line of fields still dates it. */
    @Test
    void aHeaderLeftAloneKeepsItsDate() {
        Article a = ArticleParser.parse("d", """
                Donbas: It's nearly three months since Russia invaded Ukraine ...
                By Staff Writer | May 21, 2022 10:24 AM EST

                Photos: Russia invades Ukraine
                """).orElseThrow();
        assertEquals("2022-05-21", a.date());
        assertEquals(List.of("Donbas: It's nearly three months since Russia invaded Ukraine ..."),
                a.paragraphs().stream().map(Paragraph::text).toList());
    }

    @Test
    void aBylineIsNotText() {
        Article a = ArticleParser.parse("r", """
                Fed holds rates steady as inflation cools
                By Jane Smith and Ann Lee, Reuters
                Published: March 20, 2024 at 2:15 p.m. ET

                The Federal Reserve held interest rates steady on Wednesday, keeping its benchmark rate unchanged.
                """).orElseThrow();
        assertEquals("Fed holds rates steady as inflation cools", a.title());
        assertEquals("2024-03-20", a.date());
        assertEquals(List.of("The Federal Reserve held interest rates steady on Wednesday, keeping its benchmark rate "
                + "unchanged."), a.paragraphs().stream().map(Paragraph::text).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "By Karen Fernau, The Arizona Republic => true",
            "By Amanda Van Benschoten | avbnky@enquirer.com => true",
            "By Sylvie Corbet => true",
            "By the numbers: the Fed's rate path => false",
            "By Saturday, most of the country should see clear skies. => false",
            "By January 1, hourly minimum wages in 23 states will rise as part of earlier laws and indexing => false"})
    void bylines(String line, boolean byline) {
        assertEquals(byline, ArticleParser.isByline(line), line);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "By Karen Fernau, The Arizona Republic => The Arizona Republic",
            "By Madison Black, PolitiFact.com => PolitiFact.com",
            "By Elena Ruiz | The Coastal Ledger => The Coastal Ledger",
            "By Amanda Van Benschoten | avbnky@enquirer.com => ",
            "By Gray Hughes, Maddy Lauria and Jane Doe => ",
            "By Gray Hughes, Maddy Lauria => ",
            "By John Doe, Associated Press => Associated Press",
            "By Jane Doe, USA TODAY => USA TODAY",
            "By Kari Nygaard, Nordic Business Wire => Nordic Business Wire",
            "By Jane Doe, MD => ",
            "By Ann Lee, RN => ",
            "By Ann Lee, Staff Writer => ",
            "By Ann Lee, Associated Press Writer => ",
            "By Sylvie Corbet => "})
    void aBylineNamesTheOutletAfterTheWriter(String line, String outlet) {
        assertEquals(outlet, ArticleParser.outletOfByline(line), line);
    }

    @Test
    void theOutletOfABylineUnderTheDateIsTheArticles() {
        Article a = ArticleParser.parse("chess", """
                Local teen wins regional chess title
                2024-03-02
                By Elena Ruiz, The Coastal Ledger

                Amira Haddad, 16, won the Midlands Regional Chess Championship on Saturday.
                """).orElseThrow();
        assertEquals("The Coastal Ledger", a.outlet());
        assertEquals("2024-03-02", a.date());
        assertEquals(List.of("Amira Haddad, 16, won the Midlands Regional Chess Championship on Saturday."),
                a.paragraphs().stream().map(Paragraph::text).toList());
    }

    @Test
    void aSectionLabelOverTheDateIsNotTheTitle() {
        Article a = ArticleParser.parse("s", """
                WORLD | EUROPE
                March 20, 2024
                Leaders meet in Brussels
                European Union leaders met in Brussels on Wednesday to discuss defence spending and Ukraine.
                """).orElseThrow();
        assertEquals("Leaders meet in Brussels", a.title());
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
    void pageFurnitureNeverTakesAFilesLastWords() {
        Article a = ArticleParser.parse("furniture", "Skip to content\n\nRead also:\n\nLatest\n").orElseThrow();
        assertEquals("Skip to content", a.title());
        assertEquals(List.of("Read also:", "Latest"), a.paragraphs().stream().map(Paragraph::text).toList());
    }

    @Test
    void onlyAFileWithoutALetterOrDigitIsNoArticle() {
        assertTrue(ArticleParser.parse("debris", "•\n\n\u200B\u200B\n\n\uD83C\uDF89 — ***\n").isEmpty());
        assertEquals("2024", ArticleParser.parse("year", "2024\n").orElseThrow().title());
    }

    @Test
    void aOneLineFileIsBodyTextEvenWhenItLooksLikeAHeadlineOrADateLine() {
        for (String line : List.of("Board names new chair", "Published: 5 January 2024 Board names new chair",
                "Springfield Gazette - 09 March 2021")) {
            Article a = ArticleParser.parse("one", line).orElseThrow();
            assertEquals(1, a.paragraphs().size(), line);
            assertFalse(a.title().isBlank(), line);
        }
        assertBoardNamesChair(ArticleParser.parse("dated", "Published: 5 January 2024 Board names new chair"));
    }

    @Test
    void aHeadlineAndADateLineWithoutBodyLeaveTheHeadlineAsText() {
        assertBoardNamesChair(ArticleParser.parse("bare", "Board names new chair\n2024/01/05\n"));
    }

    private static void assertBoardNamesChair(Optional<Article> parsed) {
        Article a = parsed.orElseThrow();
        assertEquals("Board names new chair", a.title());
        assertEquals("2024-01-05", a.date());
        assertEquals(List.of("Board names new chair"), a.paragraphs().stream().map(Paragraph::text).toList());
    }

    @Test
    void aHeadlineOfSentencesIsRecognisedByTheDateLineUnderIt() {
        String text = "Ferries will stop at midnight. The islands will be cut off until May.\n2024/03/01\n\n"
                + "The ferry company said on Friday that its crews will strike from midnight on Sunday.";
        Article a = ArticleParser.parse("strike", text).orElseThrow();
        assertEquals("Ferries will stop at midnight. The islands will be cut off until May.", a.title());
        assertEquals("2024-03-01", a.date());
        assertEquals(1, a.paragraphs().size());
    }

    @Test
    void aLongTextAfterALeadingDateIsBodyNotAHeadline() {
        String rest = "The committee heard from residents about the plan for the harbour and the new road "
                .repeat(4).strip();
        String text = "Headline of the day\n\nMar 3, 2024 ... " + rest + "\n\nA second paragraph follows here.";
        Article a = ArticleParser.parse("long", text).orElseThrow();
        assertEquals("Headline of the day", a.title());
        assertEquals("2024-03-03", a.date());
        assertEquals(rest, a.paragraphs().get(0).text());
    }

    @Test
    void datelinesWithTimesWeekdaysAndZonesNameNoOutlet() {
        for (String line : List.of("Updated 10:24 AM EST, Fri January 5, 2024", "Fri, 05 Jan 2024 10:24:00 GMT",
                "Published on Jan. 5, 2024", "2024-01-05T10:24:00Z")) {
            Article a = ArticleParser.parse("t", "Board names new chair\n\n" + line + "\n\nThe board of the harbour "
                    + "named a new chair on Friday after a long search for a successor.").orElseThrow();
            assertEquals("2024-01-05", a.date(), line);
            assertNull(a.outlet(), line);
            assertEquals("Board names new chair", a.title(), line);
            assertEquals(1, a.paragraphs().size(), line);
        }
    }

    /** Header lines of fields, as news sites print them under the headline: the date and outlet, never text. */
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "By Maria Lopez | Springfield Ledger | Feb. 6, 2024, 5:30 p.m. ET => Springfield Ledger",
            "Springfield Ledger | Published 5:30 p.m. ET Feb. 6, 2024 | Updated 6:10 p.m. ET Feb. 7, 2024 => "
                    + "Springfield Ledger",
            "By Maria Lopez · February 6, 2024 => ",
            "February 6, 2024 08:53 · Politics => ",
            "By Maria Lopez - Feb. 6, 2024 => ",
            "By Maria Lopez on February 6, 2024 => ",
            // A label says how the date came to be, and names no outlet; nor does who posted it.
            "Aired February 6, 2024 => ", "Filed Feb. 6, 2024 => ", "Embargoed until 00:01 GMT, 6 February 2024 => ",
            "Posted by admin on February 6, 2024 at 3:15 pm => ", "Publié le 6 février 2024 => ",
            "Veröffentlicht am 6. Februar 2024 => ", "Publicado el 6 de febrero de 2024 => ",
            "El País, 6 de febrero de 2024 => El País"})
    void headerLinesOfFieldsGiveTheDateAndOutletAndAreNotText(String line, String outlet) {
        Article a = ArticleParser.parse("f", "School board picks new superintendent\n" + line + "\n\nThe "
                + "Springfield school board on Tuesday chose Alan Reyes as its next superintendent.").orElseThrow();
        assertEquals("School board picks new superintendent", a.title(), line);
        assertEquals("2024-02-06", a.date(), line);
        assertEquals(outlet, a.outlet(), line);
        assertEquals(List.of("The Springfield school board on Tuesday chose Alan Reyes as its next superintendent."),
                a.paragraphs().stream().map(Paragraph::text).toList(), line);
    }

    /** Scraped pages often open with the address they came from. */
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "https://www.example-news.com/local/2024/02/06/school-board-superintendent => example-news.com, 2024-02-06",
            "URL: https://ledger.example.org/story?id=42 => ledger.example.org, "})
    void aLinkLineNamesTheSiteAndIsNotText(String link, String outletAndDate) {
        Article a = ArticleParser.parse("u", link + "\nSchool board picks new superintendent\n\nThe Springfield "
                + "school board on Tuesday chose Alan Reyes as its next superintendent.").orElseThrow();
        String[] expected = outletAndDate.split(",\\s*", -1);
        assertEquals("School board picks new superintendent", a.title(), link);
        assertEquals(expected[0], a.outlet(), link);
        assertEquals(expected[1].isEmpty() ? null : expected[1], a.date(), link);
        assertEquals(1, a.paragraphs().size(), link);
    }

    /** The article's own date line and source line say more than the address it was saved from. */
    @Test
    void aLinkLineGivesWayToTheDateLineAndSourceLine() {
        Article a = ArticleParser.parse("u", """
                https://www.example.com/news/2024/02/05/bridge-closure
                Bridge closure extended
                February 4, 2024

                The Old Mill bridge in Ravenford will stay closed until June, the county said on Sunday.
                Source: Ravenford Courier
                """).orElseThrow();
        assertEquals("Bridge closure extended", a.title());
        assertEquals("2024-02-04", a.date());
        assertEquals("Ravenford Courier", a.outlet());
        assertEquals(List.of("The Old Mill bridge in Ravenford will stay closed until June, the county said on "
                + "Sunday."), a.paragraphs().stream().map(Paragraph::text).toList());
    }

    /** Wire copy and e-mail wrap their lines: a sentence goes on in the next line until it ends. */
    @Test
    void hardWrappedLinesAreOneSentenceButHeadingsAndListItemsStandAlone() {
        ArticleParser.Parsed p = ArticleParser.read("w", """
                Storm cuts power to thousands
                March 3, 2024

                A powerful storm swept across the coast of North Haverbrook
                on Tuesday night, cutting power to more than 20,000 homes and
                Businesses in Ogdenville lost power too, the utility said on Wednesday.

                Why it matters
                Crews expect to restore most
                connections by Friday.
                - Schools are closed on Thursday
                - Buses run as usual
                """, DateOrder.UNKNOWN).orElseThrow();
        assertEquals(List.of("A powerful storm swept across the coast of North Haverbrook on Tuesday night, cutting "
                + "power to more than 20,000 homes and Businesses in Ogdenville lost power too, the utility said on "
                + "Wednesday.", "Why it matters", "Crews expect to restore most connections by Friday.",
                "Schools are closed on Thursday", "Buses run as usual"),
                p.sentences().stream().map(Sentence::text).toList());
    }

    /**
     * Wire copy of the Reuters archive's shape: a headline in three capitalised words, paragraphs marked by an
     * indent rather than a blank line, lines wrapped near 60 characters (one before "January", whose capital does
     * not end the sentence: it would not have fitted), and a sign-off after the last sentence.
     */
    @Test
    void wireCopyWrappedWithIndentedParagraphsAndASignOff() {
        ArticleParser.Parsed p = ArticleParser.read("cocoa", """
                BAHIA COCOA REVIEW

                    SALVADOR, Feb 26 - Showers continued throughout the week in
                the Bahia cocoa zone, alleviating the drought since early
                January and improving prospects for the coming harvest,
                the trading house Comissaria Sol said in its weekly review.
                    Arrivals for the week ended February 22 were 155,221 bags
                of 60 kilos, against 131,000 a year earlier.
                 Reuter
                """, DateOrder.UNKNOWN).orElseThrow();
        assertEquals("BAHIA COCOA REVIEW", p.article().title());
        assertEquals(List.of("SALVADOR, Feb 26 - Showers continued throughout the week in the Bahia cocoa zone, "
                + "alleviating the drought since early January and improving prospects for the coming harvest, the "
                + "trading house Comissaria Sol said in its weekly review.", "Arrivals for the week ended February 22 "
                + "were 155,221 bags of 60 kilos, against 131,000 a year earlier.", "Reuter"),
                p.sentences().stream().map(Sentence::text).toList());
        // A paragraph's first line is indented: its columns, not its letters, say how full it is.
        ArticleParser.Parsed indented = ArticleParser.read("copper", """
                TARVELAN COPPER MINERS END STRIKE
                    KESSEL, March 3 - About 4,200 of the miners at the big
                Tarvelan Copper Corp's Ostrick pit returned to work today after
                a six-week strike over pay and safety, union officials said.
                """, DateOrder.UNKNOWN).orElseThrow();
        // 54 letters and "Tarvelan" fit in the run's 63; with the indent's four columns they would not have.
        assertEquals(List.of("KESSEL, March 3 - About 4,200 of the miners at the big Tarvelan Copper Corp's Ostrick "
                + "pit returned to work today after a six-week strike over pay and safety, union officials said."),
                indented.sentences().stream().map(Sentence::text).toList());
        // The archive's stamp above the headline dates the story; the headline over the dateline is the title.
        ArticleParser.Parsed stamped = ArticleParser.read("rate", """
                14-APR-1987 06:30:11.52
                NATIONAL BANK OF TARVELA CUTS DISCOUNT RATE TO 7.5 PCT
                    KESSEL, April 14 - The National Bank of Tarvela said it cut
                its discount rate to 7.5 pct from 8.25 pct.
                """, DateOrder.UNKNOWN).orElseThrow();
        assertEquals("NATIONAL BANK OF TARVELA CUTS DISCOUNT RATE TO 7.5 PCT", stamped.article().title());
        assertEquals("1987-04-14", stamped.article().date());
        assertEquals(List.of("KESSEL, April 14 - The National Bank of Tarvela said it cut its discount rate to 7.5 pct "
                + "from 8.25 pct."), stamped.sentences().stream().map(Sentence::text).toList());
    }

    /** A line of markup is no wrapped prose, however long: the sentence under it is a sentence of its own. */
    @Test
    void aLineOfMarkupIsNotWrappedIntoTheTextUnderIt() {
        ArticleParser.Parsed p = ArticleParser.read("m", """
                Ministers meet in Antalya

                <div style="display:none">Hidden words that say nothing of the meeting, and say it at length</div>
                Turkish Foreign Minister Hakan Fidan hosted the meeting in Antalya on May 15.
                The ministers prepared the summit.
                """, DateOrder.UNKNOWN).orElseThrow();
        assertEquals("Turkish Foreign Minister Hakan Fidan hosted the meeting in Antalya on May 15.",
                p.sentences().get(1).text());
    }

    /**
     * Wire copy without a headline: its first wrapped line is the story's first sentence, not a title, and the title
     * is that sentence without its dateline.
     */
    @Test
    void wireCopyWithoutAHeadlineIsTitledByItsFirstSentence() {
        ArticleParser.Parsed p = ArticleParser.read("boe", """
                    LONDON, March 3 - The Bank of England left its main
                interest rate unchanged at 5.25 percent on Thursday.
                    Governor Andrew Bailey said the vote was seven to two.
                """, DateOrder.UNKNOWN).orElseThrow();
        assertEquals("The Bank of England left its main interest rate unchanged at 5.25 percent on Thursday.",
                p.article().title());
        assertEquals(List.of("LONDON, March 3 - The Bank of England left its main interest rate unchanged at 5.25 "
                + "percent on Thursday.", "Governor Andrew Bailey said the vote was seven to two."),
                p.sentences().stream().map(Sentence::text).toList());
        // Not wrapped: a headline over a sentence that opens in capitals stays the headline.
        Article titled = ArticleParser.parse("t", """
                Bank of England holds its main rate
                The Bank of England left its main interest rate unchanged at 5.25 percent on Thursday.
                """).orElseThrow();
        assertEquals("Bank of England holds its main rate", titled.title());
    }

    /** A headline's byline or date in lower case is no wrapped prose; a section label stands over the headline. */
    @Test
    void aHeadlineOverALowerCaseBylineOrUnderASectionLabelIsTheHeadline() {
        Article byline = ArticleParser.parse("b", """
                Council approves new ferry terminal
                by Jane Smith
                Tuesday 5 March 2024

                Westport council voted 9-3 on Monday night to approve a new ferry terminal costing 18 million pounds.
                """).orElseThrow();
        assertEquals("Council approves new ferry terminal", byline.title());
        assertEquals("2024-03-05", byline.date());
        Article labelled = ArticleParser.parse("l", """
                WORLD MIDDLE EAST
                Ceasefire talks resume in Cairo
                Tuesday 5 March 2024

                Negotiators returned to Cairo on Monday for a new round of talks on a ceasefire, officials said.
                """).orElseThrow();
        assertEquals("Ceasefire talks resume in Cairo", labelled.title());
        // A place and a date before a time is a date line, not a dateline that opens the text.
        Article dated = ArticleParser.parse("d", """
                Ferry terminal approved
                Westport, Tuesday 5 March 2024 - 10:32 GMT

                Westport council voted 9-3 on Monday night to approve a new ferry terminal costing 18 million pounds.
                """).orElseThrow();
        assertEquals("Ferry terminal approved", dated.title());
        assertEquals(List.of("Westport council voted 9-3 on Monday night to approve a new ferry terminal costing 18 "
                + "million pounds."), dated.paragraphs().stream().map(Paragraph::text).toList());
    }

    /** A paper's name above the date and the headline is the outlet; the headline under it is the title. */
    @Test
    void aMastheadAboveTheDateNamesTheOutlet() {
        Article a = ArticleParser.parse("m", """
                The Harbour Times
                Tuesday 5 March 2024
                Council approves new ferry terminal

                Westport council voted 9-3 on Monday night to approve a new ferry terminal costing 18 million pounds.
                """).orElseThrow();
        assertEquals("Council approves new ferry terminal", a.title());
        assertEquals("The Harbour Times", a.outlet());
        assertEquals("2024-03-05", a.date());
        // A headline that ends in a paper's word, over a date and the text, stays the headline.
        Article b = ArticleParser.parse("h", """
                Mayor Welcomes The Press
                Tuesday 5 March 2024

                Westport's mayor opened the council chamber to reporters for the first time on Monday night.
                """).orElseThrow();
        assertEquals("Mayor Welcomes The Press", b.title());
        assertNull(b.outlet());
        // Nor is a headline over a date and a byline: a byline is no headline.
        Article c = ArticleParser.parse("c", """
                Sprinter Breaks World Record
                Tuesday 5 March 2024
                By Jane Smith

                Ama Owusu ran the 200 metres in 21.30 seconds in Westport on Monday night, a world record.
                """).orElseThrow();
        assertEquals("Sprinter Breaks World Record", c.title());
        assertNull(c.outlet());
    }

    /**
     * A wrapped line that reads like an earlier one is running text, not a repeated caption: dropping it cut its
     * sentence ("… said on Tuesday. good in 2026 if voters …"). A caption repeated on its own is still dropped.
     */
    @Test
    void aWrappedLineThatRepeatsAnEarlierOneIsKeptButARepeatedCaptionIsNot() {
        ArticleParser.Parsed p = ArticleParser.read("r", """
                Dover water plant may close
                May 7, 2024

                The Dover water plant will close for
                repairs in June, director Sandra Kim said on Tuesday.

                Workers inspect the plant's filters

                The Dover water plant will close for
                good in 2026 if voters reject the $48 million bond.

                Workers inspect the plant's filters
                """, DateOrder.UNKNOWN).orElseThrow();
        assertEquals(List.of("The Dover water plant will close for repairs in June, director Sandra Kim said on Tuesday.",
                "Workers inspect the plant's filters",
                "The Dover water plant will close for good in 2026 if voters reject the $48 million bond."),
                p.sentences().stream().map(Sentence::text).toList());
        // A repeat that ends its sentence but does not start a paragraph is wrapped prose too; a doubled line is not.
        ArticleParser.Parsed wrapped = ArticleParser.read("w", """
                Acme results
                May 7, 2024

                Profits fell,
                the company said.
                Sales in Europe and in Asia rose,
                the company said.
                Shares rose 5% on the news.
                Shares rose 5% on the news.
                """, DateOrder.UNKNOWN).orElseThrow();
        assertEquals(List.of("Profits fell, the company said.", "Sales in Europe and in Asia rose, the company said.",
                "Shares rose 5% on the news."), wrapped.sentences().stream().map(Sentence::text).toList());
    }

    /** Text that passed through HTML on its way to a plain file keeps its entities; they are read as characters. */
    @Test
    void entitiesInPlainTextAreReadAsTheirCharactersAtTheirOffsets() {
        String source = "Trump&#8217;s rally draws crowd\nMarch 3, 2024\n\nThe rally drew 5,000 people &amp; lasted "
                + "two hours at the AT&T centre, organisers said&nbsp;on Sunday.\n";
        ArticleParser.Parsed p = ArticleParser.read("e", source, DateOrder.UNKNOWN).orElseThrow();
        assertEquals("Trump’s rally draws crowd", p.article().title().replace("\u200B", ""));
        Sentence s = p.sentences().getFirst();
        assertEquals("The rally drew 5,000 people & lasted two hours at the AT&T centre, organisers said on Sunday.",
                s.text().replace('\u00A0', ' '));
        assertTrue(source.substring(s.start(), s.end()).startsWith("The rally drew 5,000 people &amp; lasted"));
        assertTrue(source.substring(s.start(), s.end()).endsWith("said&nbsp;on Sunday."));
    }

    @Test
    void frontMatterGivesTitleDateAndOutletAndIsNotText() {
        Article a = ArticleParser.parse("f", """
                ---
                title: "Harbour expansion approved"
                date: 2024-02-03T09:30:00Z
                author: Jane Doe
                tags:
                  - port
                  - council
                publisher: Coastal Times
                ---

                # Harbour expansion approved

                The port authority of Gullhaven approved a harbour expansion on Friday.
                """).orElseThrow();
        assertEquals("Harbour expansion approved", a.title());
        assertEquals("2024-02-03", a.date());
        assertEquals("Coastal Times", a.outlet());
        assertEquals(List.of("The port authority of Gullhaven approved a harbour expansion on Friday."),
                a.paragraphs().stream().map(Paragraph::text).toList());
    }

    /** Hugo's TOML front matter: its title line was the title, and "+++" and "draft = false" were text. */
    @Test
    void tomlFrontMatterIsReadAsYamlIs() {
        Article a = ArticleParser.parse("f", """
                +++
                title = "Ferry service to Gull Island resumes"
                date = 2024-04-03T08:00:00Z
                draft = false
                publisher = "Coastal Times"
                +++

                The ferry to Gull Island runs again from Monday, the harbour office said.
                """).orElseThrow();
        assertEquals("Ferry service to Gull Island resumes", a.title());
        assertEquals("2024-04-03", a.date());
        assertEquals("Coastal Times", a.outlet());
        assertEquals(List.of("The ferry to Gull Island runs again from Monday, the harbour office said."),
                a.paragraphs().stream().map(Paragraph::text).toList());
    }

    @Test
    void frontMatterNamesTheSiteOfItsLinkWhenNoOutletIsGiven() {
        Article a = ArticleParser.parse("f", "---\ntitle: Bridge closed\nurl: https://www.ravenford-news.example/"
                + "bridge\n---\nThe Old Mill bridge in Ravenford will stay closed until June.").orElseThrow();
        assertEquals("Bridge closed", a.title());
        assertEquals("ravenford-news.example", a.outlet());
        assertNull(a.date());
        assertEquals(1, a.paragraphs().size());
    }

    /**
     * Hostile shapes a fuzzer found: a subject of 2,000 "Re: " overflowed the stack of the pattern that strips them,
     * which stopped the whole build; combining marks by the thousand on one letter, and a header line with a run of
     * 60,000 spaces, each took the parser minutes. Read now as any other file.
     */
    @Test
    void pathologicalRepeatsAreReadAsText() {
        Article mail = ArticleParser.parse("thread", "From: Jane <j@x.com>\nSubject: " + "Re: ".repeat(2_000)
                + "budget\nTo: a@x.com\n\nThe vote is Monday.\n").orElseThrow();
        assertEquals("budget", mail.title());
        Article zalgo = ArticleParser.parse("zalgo", "Zalgo he comes. e" + "\u0301".repeat(100_000) + " and more")
                .orElseThrow();
        // The marks past Unicode's stream-safe 30 on one letter are invisible filler; the offsets stay the file's.
        String text = zalgo.text();
        assertTrue(text.contains("e" + "\u0301".repeat(30)), "the first 30 marks stay");
        assertFalse(text.contains("\u0301".repeat(31)), "no run of more than 30");
        Article spaces = ArticleParser.parse("spaces", "Budget" + " ".repeat(60_000) + "news.\n\nThe council voted "
                + "on Monday to approve the budget for next year.\n").orElseThrow();
        assertEquals("The council voted on Monday to approve the budget for next year.",
                spaces.paragraphs().getLast().text());
    }

    /** A newsletter saved from a mail program: the header is metadata, the subject the title. */
    @Test
    void aSavedMailsHeaderGivesTitleDateAndOutletAndIsNotText() {
        Article a = ArticleParser.parse("m", """
                From: "Morning Brief" <brief@dailywire.example>
                Sent: Monday, January 8, 2024 9:15 AM
                To: reader@example.com
                Subject: FW: Council approves $4.2 million harbor budget
                X-Mailer: Outlook 16.0
                Content-Type: text/plain; charset=utf-8

                The Harbor City council voted 6-1 on Monday to approve a $4.2 million budget.

                Mayor Ellen Park said the money would repair the north pier.
                """).orElseThrow();
        assertEquals("Council approves $4.2 million harbor budget", a.title());
        assertEquals("2024-01-08", a.date());
        assertEquals("Morning Brief", a.outlet());
        assertEquals(List.of("The Harbor City council voted 6-1 on Monday to approve a $4.2 million budget.",
                "Mayor Ellen Park said the money would repair the north pier."),
                a.paragraphs().stream().map(Paragraph::text).toList());

        Article bare = ArticleParser.parse("m", "Date: Tue, 09 Jan 2024 14:02:11 -0500\nFrom: brief@dailywire.example"
                + "\nSubject: Fed holds rates\n\nThe Federal Reserve kept its benchmark rate unchanged.").orElseThrow();
        assertEquals("2024-01-09", bare.date());
        assertEquals("dailywire.example", bare.outlet(), "no sender's name: the sender's domain");
        assertEquals("Fed holds rates", bare.title());
    }

    /** A scraper's or news API's record: fields give title, date and outlet; the text field is the text. */
    @Test
    void aJsonRecordIsReadByItsFieldsWithOffsetsIntoTheFile() {
        String source = """
                {
                  "source": {"id": "reuters", "name": "Reuters"},
                  "title": "Storm closes coastal highway",
                  "publishedAt": "2024-02-03T10:00:00Z",
                  "content": "A winter storm closed Highway 1, the state\\u2019s agency said.\\r\\n\\r\\nCrews said \\"soon\\" \\ud83d\\ude00."
                }
                """;
        ArticleParser.Parsed p = ArticleParser.read("j", source, DateOrder.UNKNOWN).orElseThrow();
        assertEquals("Storm closes coastal highway", p.article().title());
        assertEquals("2024-02-03", p.article().date());
        assertEquals("Reuters", p.article().outlet());
        assertEquals(List.of("A winter storm closed Highway 1, the state’s agency said.", "Crews said \"soon\" 😀."),
                p.sentences().stream().map(Sentence::text).toList());
        assertEquals(2, p.article().paragraphs().size(), "an escaped blank line parts paragraphs");
        Sentence last = p.sentences().getLast();
        assertEquals("Crews said \\\"soon\\\" \\ud83d\\ude00.", source.substring(last.start(), last.end()));

        Article snake = ArticleParser.parse("j", "\uFEFF{\"date_publish\": \"2024-02-03 10:00:00\", \"url\": "
                + "\"https://www.coastnews.example/a\", \"maintext\": \"Crews reopened the road on Monday.\"}")
                .orElseThrow();
        assertEquals("2024-02-03", snake.date());
        assertEquals("coastnews.example", snake.outlet(), "no outlet field: the site of the record's address");
        assertEquals("Crews reopened the road on Monday.", snake.title(), "no title field: the first sentence");
    }

    /** A clipped article in Markdown: answers quote its words, not its links, and point at the marked-up text. */
    @Test
    void inlineMarkdownReadsAsItsWordsAtItsOffsets() {
        String source = """
                # Council approves harbor budget

                The [Harbor City council](https://harbor.example/council) voted **6-1** on Monday, _officials said_.

                ![Pier at dusk](https://img.example/pier.jpg)
                """;
        ArticleParser.Parsed p = ArticleParser.read("md", source, DateOrder.UNKNOWN).orElseThrow();
        assertEquals("Council approves harbor budget", p.article().title());
        assertEquals(List.of("The Harbor City council voted 6-1 on Monday, officials said."),
                p.sentences().stream().map(Sentence::text).toList());
        Sentence s = p.sentences().getFirst();
        assertEquals("The [Harbor City council](https://harbor.example/council) voted **6-1** on Monday, "
                + "_officials said_.", source.substring(s.start(), s.end()));
    }

    /** JSON Lines, an array, or an object without a text field are no record: they are read as they are. */
    @Test
    void jsonThatIsNoSingleRecordIsPlainText() {
        String lines = "{\"title\": \"A\", \"text\": \"The first story.\"}\n{\"title\": \"B\", \"text\": \"The second.\"}";
        assertTrue(ArticleParser.parse("l", lines).orElseThrow().text().contains("The second."));
        String noText = "{\"title\": \"Storm closes highway\", \"views\": 12}";
        assertTrue(ArticleParser.parse("n", noText).orElseThrow().text().contains("views"));
        String broken = "{\"title\": \"Storm\", \"text\": \"The road is closed.\"";
        assertTrue(ArticleParser.parse("b", broken).orElseThrow().text().contains("The road is closed."));
    }

    /** A content system's export: its fields in any order, none of them text; a dateline with a colon is text. */
    @Test
    void aBlockOfLabelledFieldsInAnyOrderIsNotText() {
        Article a = ArticleParser.parse("cms", """
                Author: Nils Berg
                Title: Ferry fares frozen for 2025
                Tags: transport, ferries
                Date: 2024-11-20
                Source: Coastline Weekly
                Word count: 21

                The island ferry will keep its fares for another year, the operator said on Wednesday.
                """).orElseThrow();
        assertEquals("Ferry fares frozen for 2025", a.title());
        assertEquals("2024-11-20", a.date());
        assertEquals("Coastline Weekly", a.outlet());
        assertEquals("The island ferry will keep its fares for another year, the operator said on Wednesday.",
                a.text());

        // A transcript's speaker is no field.
        Article transcript = ArticleParser.parse("t", """
                Date: March 3, 2024
                Reporter: What did you see when the water came in last night?

                The water rose to the second step, the owner said.
                """).orElseThrow();
        assertTrue(transcript.text().contains("What did you see"), transcript.text());

        Article dateline = ArticleParser.parse("d", """
                WASHINGTON: The Senate passed the bill on Wednesday.
                Sources: two aides said the vote was close.

                The House votes next week.
                """).orElseThrow();
        assertEquals(3, dateline.paragraphs().size(), dateline.text());
        assertNull(dateline.outlet(), "a sentence after \"Sources:\" names no outlet");
        Article brief = ArticleParser.parse("b", "Flood closes road\n\nThe river rose overnight.\n\nSources: Nobody "
                + "was hurt.\n").orElseThrow();
        assertNull(brief.outlet(), "a short sentence is no outlet either");
        assertTrue(brief.text().contains("Nobody was hurt."), brief.text());
    }

    /** A forward or a reply carries the earlier message's header; its fields are no one's words, its text is. */
    @Test
    void theHeaderOfAForwardedMessageInAMailIsNotText() {
        Article a = ArticleParser.parse("fw", """
                From: Dana Whitfield <dana@eastfield.example>
                Sent: Tuesday, April 9, 2024 9:12 AM
                To: Newsroom <news@eastfield.example>
                Subject: FW: Library budget

                The council will vote on the library budget on Thursday.

                -----Original Message-----
                From: Marcus Lee <marcus@eastfield.example>
                Sent: Monday, April 8, 2024 10:03 AM
                Subject: Budget numbers

                The library wing will cost $4.2 million, about $300,000 more than planned.
                """).orElseThrow();
        assertEquals(List.of("The council will vote on the library budget on Thursday.",
                "The library wing will cost $4.2 million, about $300,000 more than planned."),
                a.paragraphs().stream().map(Paragraph::text).toList());
        assertEquals("2024-04-09", a.date());

        // Lines that merely open as fields do ("Date:", "To:", "Subject:") without a sender are the mail's text.
        Article note = ArticleParser.parse("n", """
                From: Dana Whitfield <dana@eastfield.example>
                Subject: Council agenda

                Date: Thursday, April 11
                To: the full council
                Summary: The council approved the budget 5-2 on Tuesday night.
                """).orElseThrow();
        assertEquals(3, note.paragraphs().size(), note.text());
    }

    /** "Date:" and "Source:" open many articles; without "From:" and "Subject:" they are no mail header. */
    @Test
    void fieldLinesWithoutASenderAndSubjectAreNoMailHeader() {
        Article a = ArticleParser.parse("f", "Title: Bridge closed\nDate: 2024-02-03\nFrom: the city's statement"
                + "\n\nThe Old Mill bridge in Ravenford will stay closed until June.").orElseThrow();
        assertEquals("Bridge closed", a.title());
        assertEquals("2024-02-03", a.date());
        assertTrue(a.text().contains("The Old Mill bridge"), a.text());

        Article alone = ArticleParser.parse("m", "From: Jane <jane@example.com>\nSubject: Lunch on Friday\n")
                .orElseThrow();
        assertTrue(alone.text().contains("Lunch on Friday"), "a header alone is the text: " + alone.text());
    }

    /** A rule that opens a file without closing is text; front matter with nothing after it is the text. */
    @Test
    void aRuleWithoutItsPairOrFrontMatterAloneIsText() {
        Article open = ArticleParser.parse("f", "---\nauthor: Jane Doe\nThe council met on Monday to vote on the "
                + "budget for next year.\n\nThe vote was close.").orElseThrow();
        assertTrue(open.text().contains("The council met on Monday") && open.text().contains("The vote was close."),
                open.text());

        Article alone = ArticleParser.parse("f", "---\ntitle: Only metadata\ndate: 2024-02-03\n---\n")
                .orElseThrow();
        assertTrue(alone.text().contains("Only metadata"), alone.text());
    }

    /** A PDF export breaks words over lines; the halves were two words that no question found. */
    @Test
    void aWordHyphenatedOverALineEndIsOneWord() {
        String source = """
                Lifts delayed

                The cost was about $3 mil-
                lion more than planned, a well-
                known problem, said the gen-
                  eral contractor.
                """;
        ArticleParser.Parsed parsed = ArticleParser.read("pdf", source, DateOrder.UNKNOWN).orElseThrow();
        assertEquals(List.of("The cost was about $3 million more than planned, a well-known problem, said the general "
                + "contractor."), parsed.sentences().stream().map(Sentence::text).toList());
        assertEquals("The cost was about $3 million more than planned, a well-known problem, said the general "
                + "contractor.", parsed.article().text(), "one paragraph, as it reads");
        Sentence only = parsed.sentences().getFirst();
        assertEquals(source.indexOf("The cost"), only.start());
        assertEquals(source.indexOf("contractor.") + "contractor.".length(), only.end());
    }

    @Test
    void aLineOfFieldsWithTextInOneIsText() {
        Article a = ArticleParser.parse("f", """
                School board picks new superintendent
                Feb. 6, 2024 | The board met for three hours on Tuesday before it chose a new superintendent.

                The Springfield school board on Tuesday chose Alan Reyes as its next superintendent.
                """).orElseThrow();
        assertEquals("2024-02-06", a.date());
        assertEquals(2, a.paragraphs().size(), "the sentence after the date stays text");
    }

    @Test
    void quotesAroundPartOfAHeadlineStay() {
        Article a = ArticleParser.parse("q", "'Happy Days' sequel is on its way\n\nThe studio confirmed a sequel "
                + "to the comedy on Monday, with the original cast returning for it.").orElseThrow();
        assertEquals("'Happy Days' sequel is on its way", a.title());
    }

    @Test
    void markupInsideAPlainTextFileIsNotAnHtmlPage() {
        String text = "Council meets\n\n<div>The council met on Monday and approved the budget.</div>";
        Article a = ArticleParser.parse("fragment", text).orElseThrow();
        assertEquals("Council meets", a.title());
        assertEquals(List.of("<div>The council met on Monday and approved the budget.</div>"),
                a.paragraphs().stream().map(Paragraph::text).toList());
    }

    /** A body copied out of a page or a CMS: its tags and script were quoted back and its first tag was the title. */
    @Test
    void aFileThatOpensWithABlockElementIsAnHtmlFragment() {
        String fragment = "<div class=\"article-body\">\n<h1>Water main bursts downtown</h1>\n<p>A 24-inch water main "
                + "burst on Main Street on Tuesday &amp; flooded three shops.</p>\n<script>document.write('ad')</script>"
                + "\n<p>Crews expect to finish repairs by Friday.</p>\n</div>\n";
        ArticleParser.Parsed p = ArticleParser.read("main", fragment, DateOrder.UNKNOWN).orElseThrow();
        assertEquals("Water main bursts downtown", p.article().title());
        assertEquals(List.of("A 24-inch water main burst on Main Street on Tuesday & flooded three shops.",
                "Crews expect to finish repairs by Friday."), p.sentences().stream().map(Sentence::text).toList());
    }

    /** Without the site's name in the page's metadata, a short part after a bar is still the site's. */
    @Test
    void aSiteNameAfterABarLeavesTheTitleWithoutMetadataToo() {
        for (String[] titles : new String[][] {{"School board approves four-day week | Lakeview Times",
                "School board approves four-day week"}, {"Budget vote | News | The Daily Post", "Budget vote | News"},
                {"Biden vs Trump - the rematch", "Biden vs Trump - the rematch"},
                {"Talks resume | with a site name of far too many words in it", "Talks resume | with a site name of far "
                        + "too many words in it"}}) {
            String page = "<html><head><title>" + titles[0] + "</title></head><body><p>The board voted on Monday to "
                    + "move to a four-day week.</p></body></html>";
            assertEquals(titles[1], ArticleParser.parse("t", page).orElseThrow().title(), titles[0]);
        }
    }

    @Test
    void bidiControlsAreNeutralisedInHtmlPagesAndOutletsToo() {
        String html = "<!DOCTYPE html><html><head><meta property=\"og:site_name\" content=\"Daily\u202E Post\">"
                + "</head><body><p>The mayor \u202Eresigned\u202C on Monday after a vote.</p></body></html>";
        String plain = "Mayor resigns\n\nDaily\u202E Post - 5 January 2024\n\nThe mayor \u202Eresigned\u202C on Monday "
                + "after a vote.";
        for (String source : List.of(html, plain)) {
            Article a = ArticleParser.parse("bidi", source).orElseThrow();
            assertEquals("Daily Post", a.outlet(), source);
            assertEquals("The mayor \u200Bresigned\u200B on Monday after a vote.", a.paragraphs().getLast().text());
        }
    }

    @Test
    void terminalEscapesAndOtherControlsAreNeutralisedWhole() {
        String source = "Festival draws crowds\n\nThe \u001B]0;pwned\u0007Glorp festival drew \u001B[1;31m12,000"
                + "\u001B[0m visitors\u0008 on Sunday.\u001B\\\n";
        ArticleParser.Parsed p = ArticleParser.read("glorp", source, DateOrder.UNKNOWN).orElseThrow();
        assertEquals(List.of("The Glorp festival drew 12,000 visitors on Sunday."),
                p.sentences().stream().map(Sentence::text).toList());
        Sentence s = p.sentences().getFirst();
        assertTrue(source.substring(s.start(), s.end()).startsWith("The \u001B]0;pwned"), "offsets into the file");
        assertEquals(-1, p.article().paragraphs().getLast().text().indexOf('\u001B'));
        assertFalse(p.article().paragraphs().getLast().text().contains("pwned"), "a terminal title is no text");
    }

    @Test
    void aDeclaredTitleAndOutletLoseTheirEscapesToo() {
        String json = "{\"title\": \"\\u001b]0;pwned\\u0007\\u001b[2JBudget passes\", \"source_domain\": "
                + "\"Daily\\u001b[31m Post\", \"maintext\": \"The council passed the budget on Monday after a long "
                + "debate about the new library.\"}";
        Article a = ArticleParser.parse("budget", json).orElseThrow();
        assertEquals("Budget passes", a.title());
        assertEquals(-1, (a.outlet() == null ? "" : a.outlet()).indexOf('\u001B'), a.outlet());
    }

    @Test
    void anEscapeKeepsAPairAndALineEndThatFollowIt() {
        String source = "Fans cheer\n\nThe crowd sang \u001B\uD83D\uDE00 all night.\u001B\u2028The team won the cup on "
                + "Sunday.\n";
        ArticleParser.Parsed p = ArticleParser.read("cheer", source, DateOrder.UNKNOWN).orElseThrow();
        String text = String.join(" ", p.sentences().stream().map(Sentence::text).toList());
        assertTrue(text.contains("\uD83D\uDE00"), "the emoji whole: " + text);
        assertTrue(text.contains("all night.") && text.contains("The team won the cup on Sunday."), text);
    }

    @Test
    void aDateLineInAnotherLanguageDatesTheArticle() {
        String[][] cases = {
                {"Le maire démissionne\n\nPublié le lundi 5 janvier 2024 à 10h24\n\nLe maire a démissionné lundi "
                        + "après un vote du conseil municipal.", "2024-01-05"},
                {"Bürgermeister tritt zurück\n\nVeröffentlicht am 5. Januar 2024, 10:24 Uhr\n\nDer Bürgermeister ist "
                        + "am Montag nach einer Abstimmung zurückgetreten.", "2024-01-05"},
                {"Dimite el alcalde\n\nActualizado el 5 de enero de 2024\n\nEl alcalde dimitió el lunes tras una "
                        + "votación del pleno.", "2024-01-05"}};
        for (String[] c : cases) {
            Article a = ArticleParser.parse("x", c[0]).orElseThrow();
            assertEquals(c[1], a.date(), c[0]);
            assertEquals(1, a.paragraphs().size(), "the date line is no paragraph: " + a.paragraphs());
        }
    }

    @Test
    void anHtmlPageWithoutATitleIsNamedByItsHeading() {
        String page = "<!-- saved from url=(0040)https://example.org/ -->\n<html><body><h1>Tram line opens</h1>"
                + "<p>The new tram line opened on Monday &ndash; a week early.</p><script>alert(1)</script></body></html>";
        ArticleParser.Parsed p = ArticleParser.read("tram", page, DateOrder.UNKNOWN).orElseThrow();
        assertEquals("Tram line opens", p.article().title());
        assertEquals(List.of("The new tram line opened on Monday – a week early."),
                p.sentences().stream().map(Sentence::text).toList());
        Sentence s = p.sentences().getFirst();
        assertEquals("The new tram line opened on Monday &ndash; a week early.", page.substring(s.start(), s.end()));
    }
}
