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

/**
 * The shapes real corpus files come in besides a clean article: what is indexed from each, exactly. The files
 * are in {@code src/test/resources/odd-corpus} (byte-exact: see {@code .gitattributes}); the very long ones are
 * generated here.
 */
class OddShapesTest {

    static final Path DIR = Path.of("src/test/resources/odd-corpus");

    private static String source(String id) throws IOException {
        return Files.readString(DIR.resolve(id + ".txt"), StandardCharsets.UTF_8);
    }

    private static ArticleParser.Parsed read(String id) throws IOException {
        return read(id, source(id));
    }

    private static ArticleParser.Parsed read(String id, String source) {
        ArticleParser.Parsed parsed = ArticleParser.read(id, source, DateOrder.UNKNOWN).orElseThrow();
        for (Sentence s : HtmlText.isHtml(source) ? List.<Sentence>of() : parsed.sentences()) {
            // Offsets point into the file: the sentence is the file's text there, less white space, invisible
            // characters and inline Markdown marks (markup too, in an HTML page: checked there).
            String span = MarkdownText.withInlineMarksHidden(source).substring(s.start(), s.end())
                    .replaceAll("\\p{Cf}", "")
                    .replaceAll("[\\s\\p{Z}]+", " ").strip();
            assertEquals(s.text(), span, id);
        }
        return parsed;
    }

    private static List<String> sentences(ArticleParser.Parsed parsed) {
        return parsed.sentences().stream().map(Sentence::text).toList();
    }

    private static int passages(ArticleParser.Parsed parsed) {
        return PassageChunker.ofSentences(3, 1).chunk(parsed.article().id(), parsed.sentences()).size();
    }

    /** What is indexed from a file: its title, date (null for none), sentences, and passages of 3 sentences. */
    private static void assertIndexed(ArticleParser.Parsed p, String title, String date, List<String> sentences,
            int passages) {
        assertEquals(title, p.article().title());
        assertEquals(date, p.article().date());
        assertEquals(sentences, sentences(p));
        assertEquals(passages, passages(p));
    }

    @Test
    void aSnippetOpeningWithADateKeepsItsTextAndTakesItsTitleFromTheFirstSentence() throws IOException {
        String first = "A science teacher from the Brookfield School District is the state's 2020 Teacher of the Year.";
        assertIndexed(read("snippet_date_first"), first, "2019-10-15",
                List.of(first, "Governor Alma Reyes made the ..."), 1);
    }

    @Test
    void aTitleTakenFromTheFirstSentenceIsShownButNotSearchedAsAHeadline() throws IOException {
        Article snippet = read("snippet_date_first").article();
        assertTrue(snippet.titleFromText());
        assertEquals("15 October 2019", snippet.metadataText());
        Article headed = read("crlf").article();
        assertFalse(headed.titleFromText());
        assertEquals("Ferry service resumes\n12 May 2024", headed.metadataText());
        // A file that is only a headline is its own text: the words stay searchable there.
        assertTrue(read("title_only").article().titleFromText());
    }

    @Test
    void aOneLineListThatLooksLikeAHeadlineIsText() throws IOException {
        String line = "List of Winners of the Lakeside Open - Women's Singles ; 2020, Mara Lind (Norway), 2019, "
                + "Ines Kovac (Croatia), ...";
        assertIndexed(read("snippet_list"), line, null, List.of(line), 1);
    }

    @Test
    void elisionsSplitASnippetButLoseNothing() throws IOException {
        assertIndexed(read("snippet_elision"), "2021: Paper Lanterns ...", "2023-03-13",
                List.of("2021: Paper Lanterns ...", "Notes: Okafor is the only composer from Ghana ..."), 1);
    }

    @Test
    void aFileThatIsOnlyAHeadlineIsItsOwnText() throws IOException {
        assertIndexed(read("title_only"), "Harbour board names new chair", null,
                List.of("Harbour board names new chair"), 1);
    }

    @Test
    void aLabelledDateLineAndATimestampOpeningTheBody() throws IOException {
        // Only one date is the article's; the body's own timestamp stays text.
        assertIndexed(read("date_first"), "Town hall reopens after repairs", "2024-03-02",
                List.of("2024-03-02T09:15:00Z The town hall reopened on Saturday after eight months of work on its "
                        + "roof and clock tower.", "The mayor thanked the builders."), 1);
    }

    @Test
    void markdownHeadingMarksAndBulletsAreNotText() throws IOException {
        ArticleParser.Parsed p = read("markdown");
        assertIndexed(p, "Harbour reopens after the storm", null, List.of("What happened",
                "The harbour closed on Monday when waves damaged the pier.", "Crews cleared the wreckage by Thursday.",
                "Boats returned on Friday morning."), 2);
        String source = source("markdown");
        Paragraph item = p.article().paragraphs().get(1);
        assertEquals("- The harbour", source.substring(item.start() - 2, item.start() + 11));
    }

    @Test
    void allCapitals() throws IOException {
        assertIndexed(read("all_caps"), "CITY COUNCIL APPROVES NEW PLAN", null, List.of(
                "THE CITY COUNCIL VOTED SEVEN TO TWO ON MONDAY TO APPROVE THE PLAN.",
                "THE MAYOR SAID TAXES WILL NOT RISE."), 1);
    }

    @Test
    void aShortAllCapitalsFileIsNotTakenForASectionLabel() {
        assertIndexed(read("storm", "STORM WARNING\n"), "STORM WARNING", null, List.of("STORM WARNING"), 1);
    }

    @Test
    void aHeadlineInAScriptWithoutCapitalsIsNoSectionLabel() {
        // No lower case, as in a label such as "WORLD NEWS", but Chinese and Arabic have no capitals either.
        String body = "\n2024-01-05\n\n外交部发言人毛宁在例行记者会上表示，中方愿与各方加强合作。她说，会议将于下周在上海举行。\n";
        assertEquals("北京举行新闻发布会", read("zh", "北京举行新闻发布会" + body).article().title());
        // A Latin acronym gives the line a capital, but not a script of capitals.
        assertEquals("北京举办APEC峰会", read("zh2", "北京举办APEC峰会" + body).article().title());
        String arabicBody = "يدلي الناخبون بأصواتهم يوم الأحد في انتخابات بلدية.";
        ArticleParser.Parsed arabic = read("ar", "انتخابات بلدية\n2024-01-05\n\n" + arabicBody + "\n");
        assertEquals("انتخابات بلدية", arabic.article().title());
        assertEquals("2024-01-05", arabic.article().date());
        assertEquals(List.of(arabicBody), sentences(arabic));
    }

    @Test
    void textWithoutPunctuationIsALineASentence() throws IOException {
        assertIndexed(read("no_punctuation"), "river festival returns this weekend", null, List.of(
                "the river festival returns to the old town this weekend with boat races music and food stalls",
                "organisers expect ten thousand visitors over two days"), 1);
    }

    @Test
    void aHeadlineDateAndTextOnOneLineAreReadApart() {
        // A file whose line ends were lost (an export that joined a record's fields with spaces).
        String text = "A storm closed the coast road on Friday. Crews expect to reopen it by Monday.";
        List<String> sentences = List.of("A storm closed the coast road on Friday.", "Crews expect to reopen it by Monday.");
        ArticleParser.Parsed joined = read("a", "Storm closes the coast road 2024/01/05 " + text);
        assertIndexed(joined, "Storm closes the coast road", "2024-01-05", sentences, 1);
        assertFalse(joined.article().titleFromText());
        // What may stand between the headline and the date goes: separators, a label, a weekday, a time.
        for (String between : List.of(" | Published: ", " - Updated 10:24 AM EST ", " | Last updated\u00A0",
                " Posted on Friday, ")) {
            assertIndexed(read("b", "Storm closes the coast road" + between + "Jan. 5, 2024 | " + text),
                    "Storm closes the coast road", "2024-01-05", sentences, 1);
        }
    }

    @Test
    void aLineThatHoldsADateIsNotTakenApartUnlessItIsAJoinedRecord() {
        for (String line : List.of(
                // The words before the date lead into it, or those after it do not open a sentence.
                "Crews worked on the coast road through Jan. 5, 2024 Officials said it would reopen.",
                "The coast road closed since March 3, 2023 reopened on Friday after months of repairs.",
                "Storm closes the coast road 2024/01/05 and crews expect to reopen it by Monday.",
                // Prose goes on after a comma; a search snippet after an elision.
                "The deadline falls Jan. 31, 2024, Officials said on Monday that it would not move.",
                "The deadline falls Jan. 31, 2024 (a Wednesday), officials said on Monday.",
                "The Ledger Oct 15, 2019 ... A teacher from the district is the state's Teacher of the Year.",
                // A byline or a run of capitals before the date is no headline.
                "By Jane Smith | Jan. 5, 2024 | A storm closed the coast road on Friday, the county said.")) {
            ArticleParser.Parsed p = read("c", line);
            assertTrue(p.article().titleFromText(), line);
            assertNull(p.article().date(), line);
            assertEquals(line, String.join(" ", sentences(p)), line);
        }
        // A wire dateline's date dates the story, and its line stays whole.
        String wire = "RIO DE JANEIRO, Jan 5, 2024 (Reuters) - Floods closed the coast road on Friday, the state said.";
        ArticleParser.Parsed dated = read("c", wire);
        assertTrue(dated.article().titleFromText(), wire);
        assertEquals("2024-01-05", dated.article().date());
        assertEquals(wire, String.join(" ", sentences(dated)));
        // A title the file declares stands, and the line stays whole.
        ArticleParser.Parsed declared = read("e", "---\ntitle: Budget passes\n---\nThe deadline falls Jan. 31, 2024 "
                + "Officials said on Monday that it would not move.");
        assertEquals("Budget passes", declared.article().title());
        assertEquals(List.of("The deadline falls Jan. 31, 2024 Officials said on Monday that it would not move."),
                sentences(declared));
        // A file of more lines reads its header as before: a headline holding a date, over the date line.
        ArticleParser.Parsed remembered = read("d", "New York remembers Sept. 11, 2001 Where were you when the "
                + "towers fell?\nSept. 11, 2021\n\nThe city held a service at the memorial on Saturday morning.");
        assertEquals("New York remembers Sept. 11, 2001 Where were you when the towers fell?",
                remembered.article().title());
        assertEquals("2021-09-11", remembered.article().date());
    }

    @Test
    void aOneSentenceArticle() throws IOException {
        String sentence = "The library will open on Sundays from next month.";
        assertIndexed(read("one_sentence"), sentence, null, List.of(sentence), 1);
    }

    @Test
    void windowsLineEndings() throws IOException {
        ArticleParser.Parsed p = read("crlf");
        assertIndexed(p, "Ferry service resumes", "2024-05-12", List.of(
                "The ferry between the islands resumed on Sunday after a two-week strike.",
                "Tickets are half price this week."), 1);
        String source = source("crlf");
        for (Paragraph para : p.article().paragraphs()) {
            assertEquals(para.text(), source.substring(para.start(), para.end()));
            assertFalse(para.text().contains("\r"));
        }
    }

    @Test
    void classicMacAndUnicodeLineEndsAreLineEnds() throws IOException {
        // The same file with the line ends of classic Mac OS (a carriage return alone), and with the line and
        // paragraph separators a word processor exports: read as the Windows one is, offsets unchanged.
        String crlf = source("crlf");
        for (String end : List.of("\r", "\u2028", "\u2029", "\u0085")) {
            String source = crlf.replace("\r\n", end);
            ArticleParser.Parsed p = read("cr", source);
            assertIndexed(p, "Ferry service resumes", "2024-05-12", List.of(
                    "The ferry between the islands resumed on Sunday after a two-week strike.",
                    "Tickets are half price this week."), 1);
            assertEquals(source.indexOf("The ferry"), p.sentences().getFirst().start());
        }
    }

    @Test
    void inAWebPageAUnicodeLineSeparatorIsASpaceAsALineFeedIs() {
        // Markup breaks a page's lines; as a line end, or left to sentence splitting, the separator would end
        // "Markets rally" there.
        String page = "<html><body><p>Markets rally\u2028as rates fall in the city on Monday.</p></body></html>";
        ArticleParser.Parsed p = read("page", page);
        assertEquals(List.of("Markets rally as rates fall in the city on Monday."), sentences(p));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheTitle() throws IOException {
        ArticleParser.Parsed p = read("bom");
        assertIndexed(p, "School wins robotics prize", null, List.of(
                "Students from Elm Street School won first prize at the regional robotics fair on Saturday."), 1);
        assertEquals(source("bom").indexOf("Students"), p.sentences().getFirst().start());
    }

    @Test
    void invisibleAndBidiDebrisNeverBecomesASentence() throws IOException {
        ArticleParser.Parsed p = read("debris");
        assertIndexed(p, "Bridge repairs finish early", null, List.of(
                "The bridge reopened on Tuesday, two weeks ahead of schedule.",
                "The council said the work cost $2.1 million less than planned."), 1);
        String source = source("debris");
        Sentence bidi = p.sentences().get(1);
        assertEquals("The council said the work cost \u202E$2.1 million\u202C less than planned.",
                source.substring(bidi.start(), bidi.end()), "offsets still cover the original text");
        // The article's paragraphs show no override: each control is an invisible space of the same length, so
        // the highlighting offsets still line up.
        Paragraph shown = p.article().paragraphs().getLast();
        assertEquals("The council said the work cost \u200B$2.1 million\u200B less than planned.", shown.text());
        assertEquals(shown.end() - shown.start(), shown.text().length());
        assertTrue(p.article().paragraphs().stream().noneMatch(x -> x.text().chars().anyMatch(c -> c == 0x202E)));
    }

    @Test
    void anHtmlPageIsReadAsTextWithOffsetsIntoTheMarkup() throws IOException {
        ArticleParser.Parsed p = read("html_page");
        Article a = p.article();
        assertIndexed(p, "Museum opens night gallery", "2024-02-09", List.of(
                "The Riverside Museum opened its night gallery on Friday, with works by 40 local artists.",
                "Tickets cost $8 & students enter free.", "The gallery stays open until midnight on weekends."), 1);
        assertEquals("Riverside Courier", a.outlet());
        String source = source("html_page");
        Sentence entity = p.sentences().get(1);
        assertEquals("Tickets cost $8 &amp; students enter free.", source.substring(entity.start(), entity.end()));
        Sentence inline = p.sentences().get(2);
        assertEquals("The gallery stays open until <b>mid</b>night on weekends.",
                source.substring(inline.start(), inline.end()));
        String text = a.text() + a.title();
        for (String hidden : List.of("tracking", "color", "Home", "Copyright", "<p>", "DOCTYPE")) {
            assertFalse(text.contains(hidden), hidden);
        }
        for (Paragraph para : a.paragraphs()) {
            assertEquals(para.end() - para.start(), para.text().length(), "paragraphs line up with the file");
        }
    }

    /** A page whose only words are in its title or its furniture: those are its text, and its offsets the file's. */
    @Test
    void anHtmlPageWithWordsOnlyInItsTitleOrFooterIsText() {
        String shell = "<!DOCTYPE html><html><head><title>Council approves 2025 budget</title></head><body>"
                + "<div id=\"root\"></div><script src=\"app.js\"></script></body></html>";
        String footer = "<html><body><footer>Council approves 2025 budget</footer></body></html>";
        for (String page : List.of(shell, footer)) {
            ArticleParser.Parsed p = ArticleParser.read("page", page, DateOrder.UNKNOWN).orElseThrow();
            Sentence only = p.sentences().getFirst();
            assertEquals("Council approves 2025 budget", only.text());
            assertEquals("Council approves 2025 budget", page.substring(only.start(), only.end()));
        }
        // The app's code stays out, as in any page.
        assertFalse(ArticleParser.read("page", shell, DateOrder.UNKNOWN).orElseThrow().article().text()
                .contains("app.js"));
    }

    @Test
    void aFiftyThousandWordArticle() {
        StringBuilder text = new StringBuilder("Council publishes its annual report\n\n");
        for (int i = 0; i < 5_000; i++) {
            text.append("Section ").append(i).append(" lists the spending of one department in detail. ");
            if (i % 10 == 9) {
                text.append("\n\n");
            }
        }
        ArticleParser.Parsed p = read("report", text.toString());
        assertEquals("Council publishes its annual report", p.article().title());
        assertEquals(500, p.article().paragraphs().size());
        assertEquals(5_000, p.sentences().size());
        assertEquals("Section 4999 lists the spending of one department in detail.", p.sentences().getLast().text());
        assertEquals(2_500, passages(p));
    }

    @Test
    void aHugeTextWithoutPunctuationIsCutAtWordsIntoBoundedSentences() {
        // 400,000 characters in one line, no sentence end; a letter outside the BMP (two UTF-16 units) in each word.
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 400_000; i++) {
            text.append("word\uD835\uDC00").append(i % 97).append(' ');
        }
        String source = text.toString();
        ArticleParser.Parsed p = read("blob", source);
        List<Sentence> sentences = p.sentences();
        assertTrue(sentences.size() >= 400, "sentences: " + sentences.size());
        int previousEnd = 0;
        for (Sentence s : sentences) {
            assertTrue(s.end() - s.start() <= SentenceSplitter.MAX_SENTENCE_CHARS, "length " + (s.end() - s.start()));
            assertTrue(source.substring(previousEnd, s.start()).isBlank(), "no text is lost between pieces");
            assertEquals(' ', source.charAt(s.end()), "cut after a whole word");
            previousEnd = s.end();
        }
        for (Passage passage : PassageChunker.ofSentences(3, 1).chunk("blob", sentences)) {
            assertTrue(passage.text().length() <= 3 * SentenceSplitter.MAX_SENTENCE_CHARS + 2);
        }
    }

    @Test
    void aRunWithNoBreakOpportunityIsCutBetweenCharactersNeverInsideASurrogatePair() {
        // One "word" of 3,000 letters outside the BMP, starting at an odd offset: a cut at a fixed length would
        // fall between the two halves of one.
        String source = "x" + "\uD835\uDC00".repeat(3_000);
        ArticleParser.Parsed p = read("run", source);
        assertEquals(7, p.sentences().size());
        int previousEnd = 0;
        for (Sentence s : p.sentences()) {
            assertTrue(s.end() - s.start() <= SentenceSplitter.MAX_SENTENCE_CHARS);
            assertEquals(previousEnd, s.start(), "the pieces cover the run");
            assertFalse(Character.isLowSurrogate(source.charAt(s.start())), "a piece starts on a whole character");
            previousEnd = s.end();
        }
        assertEquals(source.length(), previousEnd);
    }

    @Test
    void aCnnStoryFileLosesItsDatelineFromTheTitleAndItsMarkersFromTheText() throws IOException {
        ArticleParser.Parsed p = read("cnn_story");
        assertIndexed(p, "The council of Wexbridge voted 7-2 on Tuesday to close the Harbour Road bridge for repairs, "
                + "officials said.", null, List.of(
                "(CNN) -- The council of Wexbridge voted 7-2 on Tuesday to close the Harbour Road bridge for repairs, "
                        + "officials said.",
                "The bridge, built in 1931, carries about 12,000 vehicles a day.",
                "Repairs will cost $4.2 million, according to the council's engineer, Priya Natarajan.",
                // The highlights are the story's own summary: text, without the "@highlight" lines before them.
                "Wexbridge council votes to close Harbour Road bridge",
                "Repairs will cost $4.2 million and take eight months"), 2);
        assertEquals("CNN", p.article().outlet());
    }

    @Test
    void aDailyMailStoryFilesBylineAndDatesAreNotText() throws IOException {
        assertIndexed(read("dailymail_story"), "A pensioner from Ashcombe has won £1 million on a scratchcard bought "
                + "at her local newsagent.", "2012-08-15", List.of(
                "A pensioner from Ashcombe has won £1 million on a scratchcard bought at her local newsagent.",
                "Margaret Hill, 71, said she would spend the money on a new roof.",
                "Margaret Hill, 71, won £1 million on a scratchcard"), 1);
        // On a line of its own, and with the older "Last updated" form.
        ArticleParser.Parsed own = read("dm", "By . Sam Webb . PUBLISHED: . 07:44 EST, 5 December 2013 . | . "
                + "UPDATED: . 08:52 EST, 5 December 2013 .\n\nA man who built a boat in his garden has sailed it "
                + "across the lake at Wexbridge, his family said.");
        assertEquals("2013-12-05", own.article().date());
        assertEquals(List.of("A man who built a boat in his garden has sailed it across the lake at Wexbridge, his "
                + "family said."), sentences(own));
        ArticleParser.Parsed two = read("dm3", "By . Sam Webb . and Jill Reilly . PUBLISHED: . 07:44 EST, 5 December "
                + "2013 . | . UPDATED: . 08:52 EST, 5 December 2013 . A man who built a boat in his garden has sailed "
                + "it across the lake.");
        assertEquals("2013-12-05", two.article().date());
        assertEquals(List.of("A man who built a boat in his garden has sailed it across the lake."), sentences(two));
        assertEquals("2011-10-21", read("dm2", "By . Daily Mail Reporter . Last updated at 4:01 PM on 21st October "
                + "2011 . The parents of a boy who went missing near Ashcombe have thanked the volunteers who found "
                + "him.").article().date());
    }

    @Test
    void aWireServiceInTheDatelineIsTheOutletButATickerIsNot() throws IOException {
        ArticleParser.Parsed p = read("wire_dateline");
        assertEquals("Storm closes three ports along the coast", p.article().title());
        assertEquals("AP", p.article().outlet());
        ArticleParser.Parsed ticker = read("ticker", "Tesla (TSLA) — shares fell 4% on Monday after the carmaker "
                + "reported fewer deliveries than analysts expected.");
        assertEquals(null, ticker.article().outlet());
        // CNN's pages put the dateline on a line of its own, without brackets: it is no sentence.
        ArticleParser.Parsed cnn = read("cnn_page", "Harbour bridge to close for repairs\n2024/01/05\n\nNew York CNN —"
                + "\n\nThe council voted on Tuesday to close the Harbour Road bridge for repairs.\n");
        assertEquals("CNN", cnn.article().outlet());
        assertEquals(List.of("The council voted on Tuesday to close the Harbour Road bridge for repairs."),
                sentences(cnn));
        assertEquals("CNN", read("cnn_bare", "Harbour bridge to close for repairs\n2024/01/05\n\nCNN —\n\nThe "
                + "council voted on Tuesday to close the bridge.\n").article().outlet());
        // Without a headline, the title leaves the dateline out, in each form.
        String[][] forms = {
                {"KINGSHOLT (AP) — A storm closed three ports on Wednesday.", "AP"},
                {"Washington (CNN)President Ann Lee said on Monday that the ports would reopen.", "CNN"},
                {"(HealthDay News) -- Fewer teenagers smoke than a decade ago, a survey found.", "HealthDay News"}};
        for (String[] form : forms) {
            ArticleParser.Parsed parsed = read("form", form[0]);
            assertEquals(form[1], parsed.article().outlet(), form[0]);
            assertFalse(parsed.article().title().contains(form[1]), parsed.article().title());
        }
        // A sentence that merely names a service is no dateline.
        for (String sentence : List.of("Trump attacks CNN — again, he said on Monday in a post.",
                "The mayor told The Associated Press (AP) that the bridge would close.")) {
            assertEquals(null, read("no", sentence).article().outlet(), sentence);
        }
    }

    @Test
    void aNewsgroupPostsHeaderAndSignatureAreNotText() throws IOException {
        ArticleParser.Parsed p = read("usenet_post");
        // Neither is the line quoted from another post, nor the line that introduces it: they are another
        // author's words.
        assertIndexed(p, "Shuttle launch delayed again", null, List.of(
                "The agency said on Monday that the launch would slip to April 12 after engineers found a leak in "
                        + "the main engine.",
                "The crew of seven will remain in quarantine."), 1);
        // The sender's name, from the older "address (name)" form.
        assertEquals("John Smith", p.article().outlet());
        // The header ends at its blank line: a body that opens with a field-like line keeps it; and a "--" with
        // a paragraph under it parts the text, it opens no signature.
        ArticleParser.Parsed release = read("release", "From: press@wexbridge.example\nSubject: Bridge to close\n\n"
                + "Summary: The council will close the Harbour Road bridge on Monday.\n\n--\n\nRepairs will take "
                + "eight months and cost $4.2 million, the council's engineer said on Friday.\n");
        assertEquals(List.of("Summary: The council will close the Harbour Road bridge on Monday.",
                "Repairs will take eight months and cost $4.2 million, the council's engineer said on Friday."),
                sentences(release));
        // A forward that is all quote keeps it: it is all the file says.
        ArticleParser.Parsed forward = read("forward", "From: ann@wexbridge.example\nSubject: Fwd: Bridge\n\n"
                + "> The council will close the Harbour Road bridge on Monday.\n");
        assertEquals(List.of("The council will close the Harbour Road bridge on Monday."), sentences(forward));
    }
}
