package dev.citeqa.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsCollectionTest {

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void badFilesAreSkippedAndTheOthersKept() throws IOException {
        write("good_1.txt", "A real article. It has text.");
        write("good_2.txt", "\uFEFFAnother article with a byte-order mark.");
        // Mostly ASCII, but with a byte Windows-1252 leaves undefined (0x81): no text can be read without guessing.
        Files.write(dir.resolve("latin1.txt"), concat("A caf".getBytes(StandardCharsets.US_ASCII),
                new byte[] {(byte) 0xE9, (byte) 0x81}, " on the corner.".getBytes(StandardCharsets.US_ASCII)));
        // NULs on both sides of the byte pairs: a zip archive's header, not UTF-16.
        Files.write(dir.resolve("zip.txt"), new byte[] {'P', 'K', 3, 4, 0, 0});
        write("empty.txt", "");
        write("blank.txt", " \n\t\n");
        write("invisible.txt", "\uFEFF\u200B\u00A0\u2060\n");
        write("big.txt", "x".repeat(200));
        write("bad[name].txt", "Brackets would break citation markers.");
        write("notes.md", "Not a .txt file, so not an article.");
        Files.createDirectory(dir.resolve("folder.txt"));

        NewsCollection.Scan scan = NewsCollection.scan(dir, 100);

        assertEquals(List.of("good_1", "good_2"), scan.files().stream().map(NewsCollection.SourceFile::id).toList());
        assertEquals(List.of(skip("bad[name].txt", SkipReason.BAD_NAME), skip("big.txt", SkipReason.TOO_LARGE),
                skip("blank.txt", SkipReason.WHITESPACE_ONLY), skip("empty.txt", SkipReason.EMPTY),
                skip("invisible.txt", SkipReason.WHITESPACE_ONLY),
                skip("latin1.txt", SkipReason.NOT_UTF8), skip("notes.md", SkipReason.NOT_TXT),
                skip("zip.txt", SkipReason.BINARY)), scan.skipped());
    }

    @Test
    void anUpperCaseExtensionIsATextFileToo() throws IOException {
        write("STORY.TXT", "Saved by an older Windows tool.");
        write("Notes.Txt", "Mixed case.");
        write("story.txt.bak", "A backup, not an article.");

        NewsCollection.Scan scan = NewsCollection.scan(dir, 1000);

        assertEquals(List.of("Notes", "STORY"), scan.files().stream().map(NewsCollection.SourceFile::id).toList());
        assertEquals(List.of("Notes.Txt", "STORY.TXT"),
                scan.files().stream().map(NewsCollection.SourceFile::name).toList());
        assertEquals(List.of(skip("story.txt.bak", SkipReason.NOT_TXT)), scan.skipped());
    }

    private static NewsCollection.Skipped skip(String file, SkipReason reason) {
        return new NewsCollection.Skipped(file, reason);
    }

    @Test
    void subfoldersAreReadOtherFilesReportedAndHiddenOnesIgnored() throws IOException {
        // A new user's folder: articles filed by month, exports in other formats, what tools leave behind.
        write("kept.txt", "The article at the top level.");
        write("story.md", "# A Markdown export");
        write("story.html", "<p>An HTML export</p>");
        Path january = Files.createDirectories(dir.resolve("2024").resolve("01"));
        Files.writeString(january.resolve("inside.txt"), "Filed by month, and read.");
        Files.writeString(january.resolve("notes.md"), "A subfolder's other files are not reported.");
        Files.writeString(january.resolve("kept.txt"), "Same name as the top-level file: a second 'kept'.");
        write(".DS_Store", "\0\0\0");
        write("._kept.txt", "A macOS resource fork, not text.");
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(Files.createDirectories(dir.resolve(".drafts")).resolve("hidden.txt"), "Not read.");

        try (LogCapture log = LogCapture.start()) {
            NewsCollection.Scan scan = NewsCollection.scan(dir, 1000);

            assertEquals(List.of("kept", "inside", "kept (2024-01)"),
                    scan.files().stream().map(NewsCollection.SourceFile::id).toList());
            assertEquals("The article at the top level.", scan.files().get(0).text(), "the one nearer the top");
            assertEquals(List.of(skip("story.html", SkipReason.NOT_TXT), skip("story.md", SkipReason.NOT_TXT)),
                    scan.skipped());
            assertFalse(log.text().contains("Skipping story"), "a fact about the folder, not a fault per file");
            assertTrue(log.text().contains("Not read (not-txt): 2, such as story.html, story.md: only *.txt files"),
                    log.text());
        }
    }

    @Test
    void foldersAreNotWalkedThroughLinksNorWithoutEnd(@TempDir Path outside) throws IOException {
        write("top.txt", "At the top.");
        Files.writeString(outside.resolve("elsewhere.txt"), "Outside the corpus folder.");
        Files.createSymbolicLink(dir.resolve("linked"), outside);
        Files.createSymbolicLink(dir.resolve("loop"), dir);
        Path deep = dir;
        for (int i = 1; i <= NewsCollection.MAX_DEPTH + 1; i++) {
            deep = Files.createDirectories(deep.resolve("d" + i));
            Files.writeString(deep.resolve("level" + i + ".txt"), "Level " + i + ".");
        }

        NewsCollection.Scan scan = NewsCollection.scan(dir, 1000);

        List<String> ids = scan.files().stream().map(NewsCollection.SourceFile::id).toList();
        assertEquals(NewsCollection.MAX_DEPTH + 1, ids.size(), ids.toString());
        assertTrue(ids.contains("level" + NewsCollection.MAX_DEPTH) && !ids.contains("elsewhere"), ids.toString());
        assertEquals(List.of(skip("linked", SkipReason.FOLDER), skip("loop", SkipReason.FOLDER),
                skip("d1/d2/d3/d4/d5/d6/d7/d8/d9", SkipReason.FOLDER)), scan.skipped());
    }

    @Test
    void anotherFileChangesTheFingerprintsButEditingOneDoesNot() throws IOException {
        write("kept.txt", "The one article.");
        write("story.md", "First version.");
        NewsCollection.Scan before = NewsCollection.scan(dir, 1000);
        List<String> listing = CorpusWatcher.listing(dir);

        write("story.md", "An edit the index cannot see, as the file is never read.");
        Files.setLastModifiedTime(dir.resolve("story.md"), java.nio.file.attribute.FileTime.fromMillis(0));
        assertEquals(listing, CorpusWatcher.listing(dir));
        assertEquals(before.fingerprint(), NewsCollection.scan(dir, 1000).fingerprint());

        write("notes.md", "Another file, which the report lists.");
        assertNotEquals(listing, CorpusWatcher.listing(dir), "the watcher must notice, so that the report follows");
        assertNotEquals(before.fingerprint(), NewsCollection.scan(dir, 1000).fingerprint());

        // A subfolder's other files are not listed: the index's own folder may be inside, and change with
        // every commit. Its articles are.
        List<String> withNotes = CorpusWatcher.listing(dir);
        Path archive = Files.createDirectories(dir.resolve("archive"));
        Files.writeString(archive.resolve("segments_1"), "Not an article.");
        assertEquals(withNotes, CorpusWatcher.listing(dir));
        Files.writeString(archive.resolve("old.txt"), "An article in a subfolder.");
        assertNotEquals(withNotes, CorpusWatcher.listing(dir));
    }

    @Test
    void aFileDeletedBetweenListingAndReadingIsSkippedAsVanished() throws IOException {
        write("a.txt", "First article.");
        write("b.txt", "Second article.");
        List<Path> listed = NewsCollection.list(dir);
        Files.delete(dir.resolve("a.txt"));

        NewsCollection.Scan scan = NewsCollection.read(dir, listed, new NewsCollection.Rules(1000, false), "listing");

        assertEquals(List.of("b"), scan.files().stream().map(NewsCollection.SourceFile::id).toList());
        assertEquals(List.of(skip("a.txt", SkipReason.VANISHED)), scan.skipped());
        write("c.txt", "Second article.");
        Files.delete(dir.resolve("c.txt"));
        assertEquals(scan.fingerprint(), NewsCollection.scan(dir, 1000).fingerprint(),
                "a vanished file leaves no trace in the fingerprint");
    }

    @Test
    void hardLinkedFilesAreSkippedUnlessAllowed(@TempDir Path outside) throws IOException {
        Path corpus = Files.createDirectory(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("real.txt"), "An article inside the folder.");
        Path secret = Files.writeString(outside.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash");
        Files.createLink(corpus.resolve("x.txt"), secret);

        NewsCollection.Scan scan = NewsCollection.scan(corpus, 1000);
        assertEquals(List.of("real"), scan.files().stream().map(NewsCollection.SourceFile::id).toList());
        assertEquals(List.of(skip("x.txt", SkipReason.HARD_LINK)), scan.skipped());

        NewsCollection.Scan allowed = NewsCollection.scan(corpus, new NewsCollection.Rules(1000, true));
        assertEquals(List.of("real", "x"), allowed.files().stream().map(NewsCollection.SourceFile::id).toList());
        assertEquals(List.of(), allowed.skipped());
    }

    @Test
    void aFileNameReachesTheLogEscaped() throws IOException {
        String forged = "x\n2025-01-01 INFO [dev.citeqa] all clear \u001B[32mok\u001B[0m \u202Etxt.exe";
        write(forged + ".txt", "A name that tries to forge a log line.");
        try (LogCapture log = LogCapture.start()) {
            NewsCollection.Scan scan = NewsCollection.scan(dir, 1000);
            assertEquals(List.of(skip(forged + ".txt", SkipReason.BAD_NAME)), scan.skipped());
            String line = log.lines().stream().filter(l -> l.contains("Skipping")).findFirst().orElseThrow();
            assertEquals(-1, line.indexOf('\n'));
            assertEquals(-1, line.indexOf('\u001B'));
            assertEquals(-1, line.indexOf('\u202E'));
            assertTrue(line.contains("x\\n2025-01-01 INFO [dev.citeqa] all clear \\u001B[32mok\\u001B[0m \\u202Etxt.exe.txt"),
                    line);
        }
    }

    @Test
    void theFingerprintChangesWithAnyEdit() throws IOException {
        write("a.txt", "First version.");
        String first = NewsCollection.scan(dir, 1000).fingerprint();
        assertEquals(first, NewsCollection.scan(dir, 1000).fingerprint());
        write("a.txt", "First versioN.");
        String edited = NewsCollection.scan(dir, 1000).fingerprint();
        assertNotEquals(first, edited);
        Files.move(dir.resolve("a.txt"), dir.resolve("b.txt"));
        assertNotEquals(edited, NewsCollection.scan(dir, 1000).fingerprint());
    }

    @Test
    void linksCountOnlyWhenTheyStayInsideTheFolder(@TempDir Path outside) throws IOException {
        Path corpus = Files.createDirectory(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("real.txt"), "An article inside the folder.");
        Files.createDirectory(corpus.resolve("drafts"));
        Files.writeString(corpus.resolve("drafts").resolve("draft.txt"), "A draft kept in a subfolder.");
        Files.writeString(outside.resolve("secret.txt"), "A file the corpus must not publish.");
        Files.createSymbolicLink(corpus.resolve("inside.txt"), corpus.resolve("drafts").resolve("draft.txt"));
        Files.createSymbolicLink(corpus.resolve("escape.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(corpus.resolve("relative.txt"), Path.of("..").resolve("..")
                .resolve(outside.getFileName()).resolve("secret.txt"));
        Files.createSymbolicLink(corpus.resolve("dangling.txt"), corpus.resolve("gone.txt"));

        NewsCollection.Scan scan = NewsCollection.scan(corpus, 1000);

        assertEquals(List.of("inside", "real", "draft"),
                scan.files().stream().map(NewsCollection.SourceFile::id).toList());
        assertEquals(List.of(skip("dangling.txt", SkipReason.LINK_OUTSIDE), skip("escape.txt", SkipReason.LINK_OUTSIDE),
                skip("relative.txt", SkipReason.LINK_OUTSIDE)), scan.skipped());
        // A link removed changes the corpus, so that the index and its skip report follow the folder.
        Files.delete(corpus.resolve("dangling.txt"));
        assertNotEquals(scan.fingerprint(), NewsCollection.scan(corpus, 1000).fingerprint());
    }

    /**
     * The race a corpus editor can run against the checks: the file, or a folder above it, swapped for a link out
     * of the folder after the checks passed and before the read. Each swap is made here by the reader, at the
     * last moment; the file counts as gone, and nothing outside is read.
     */
    @Test
    void aLinkSwappedInAfterTheChecksIsNotFollowed(@TempDir Path outside) throws IOException {
        Files.writeString(outside.resolve("secret.txt"), "db_password=hunter2");
        Files.createDirectories(outside.resolve("sub"));
        Files.writeString(outside.resolve("sub").resolve("story.txt"), "TOP SECRET memo.");
        write("plain.txt", "An ordinary article about herons.");
        Files.createDirectories(dir.resolve("sub"));
        write("sub/story.txt", "An article about the harbour.");
        NewsCollection.FileBytes swapping = (root, inside, limit) -> {
            if (inside.equals(Path.of("plain.txt"))) {
                Files.delete(root.resolve(inside));
                Files.createSymbolicLink(root.resolve(inside), outside.resolve("secret.txt"));
            } else {
                Files.move(root.resolve("sub"), root.resolve("sub-moved"));
                Files.createSymbolicLink(root.resolve("sub"), outside.resolve("sub"));
            }
            return NewsCollection.readInside(root, inside, limit);
        };

        NewsCollection.Scan scan = NewsCollection.read(dir, NewsCollection.list(dir), new NewsCollection.Rules(1000,
                false), "listing", swapping);

        assertEquals(List.of(), scan.files());
        assertEquals(List.of(skip("plain.txt", SkipReason.VANISHED), skip("sub/story.txt", SkipReason.VANISHED)),
                scan.skipped());
    }

    @Test
    void anyLimitReadsAFileWhole() throws IOException {
        write("a.txt", "An article.");
        assertEquals("An article.", new String(NewsCollection.readInside(dir, Path.of("a.txt"), Long.MAX_VALUE),
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(4, NewsCollection.readInside(dir, Path.of("a.txt"), 3).length, "one byte past the limit");
    }

    @Test
    void aFileThatGrewPastTheLimitAfterItsSizeWasReadIsTooLarge() throws IOException {
        write("growing.txt", "A short article.");
        NewsCollection.FileBytes growing = (root, inside, limit) -> {
            Files.writeString(root.resolve(inside), "x".repeat(5_000));
            return NewsCollection.readInside(root, inside, limit);
        };

        NewsCollection.Scan scan = NewsCollection.read(dir, NewsCollection.list(dir), new NewsCollection.Rules(1000,
                false), "listing", growing);

        assertEquals(List.of(skip("growing.txt", SkipReason.TOO_LARGE)), scan.skipped());
    }

    /** A file without a letter or digit has no article, so it takes no ID from one of the same name further down. */
    @Test
    void aFileWithoutWordsTakesNoArticlesId() throws IOException {
        write("weather.txt", "\uD83D\uDE42\uD83D\uDE42 !!! ...");
        Files.writeString(Files.createDirectories(dir.resolve("2024")).resolve("weather.txt"),
                "Heavy snow closed the Brenner pass.");
        NewsCollection.Scan scan = NewsCollection.scan(dir, 1000);
        assertEquals(List.of("Heavy snow closed the Brenner pass."),
                scan.files().stream().map(NewsCollection.SourceFile::text).toList());
        assertEquals(List.of(skip("weather.txt", SkipReason.NO_TEXT)), scan.skipped());
    }

    /**
     * A file in a folder the service may list but not enter (no execute permission) cannot even be looked at: it is
     * unreadable, not "not a file". Permissions do not bind root, so the test runs only as another user.
     */
    @Test
    void aFileInAFolderThatCannotBeEnteredIsUnreadable() throws IOException {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")), "permissions do not bind root");
        write("a.txt", "First article.");
        Path sub = Files.createDirectories(dir.resolve("sub"));
        write("sub/b.txt", "A story in a folder the service may not enter.");
        Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rw-r--r--"));
        try {
            assertEquals(List.of(skip("sub/b.txt", SkipReason.UNREADABLE)), NewsCollection.scan(dir, 1000).skipped());
        } finally {
            Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFileThatCannotBeReadIsSkippedAndTheOthersKept() throws IOException {
        write("a.txt", "First article.");
        write("locked.txt", "A file the service may not read.");
        write("z.txt", "Last article.");
        NewsCollection.FileBytes deniedOne = (root, inside, limit) -> {
            if (inside.getFileName().toString().equals("locked.txt")) {
                throw new java.nio.file.AccessDeniedException(inside.toString());
            }
            return NewsCollection.readInside(root, inside, limit);
        };

        NewsCollection.Scan scan = NewsCollection.read(dir, NewsCollection.list(dir), new NewsCollection.Rules(1000,
                false), "listing", deniedOne);

        assertEquals(List.of("a", "z"), scan.files().stream().map(NewsCollection.SourceFile::id).toList());
        assertEquals(List.of(skip("locked.txt", SkipReason.UNREADABLE)), scan.skipped());
        assertNotEquals(scan.fingerprint(), NewsCollection.scan(dir, 1000).fingerprint(),
                "once readable, the file changes the corpus, so that it is indexed");
        // A disk error may pass: the scan fails, so that the index keeps the article and tries again later.
        assertThrows(IOException.class, () -> NewsCollection.read(dir, NewsCollection.list(dir),
                new NewsCollection.Rules(1000, false), "listing", (root, inside, limit) -> {
                    throw new IOException("Input/output error");
                }));
    }

    @Test
    void entriesThatAreNoFilesAreReportedNotOpened() throws IOException, InterruptedException {
        write("real.txt", "An article.");
        for (String name : List.of("pipe.txt", "pipe.md")) {
            // A named pipe: opening it would wait for a writer.
            assertEquals(0, new ProcessBuilder("mkfifo", dir.resolve(name).toString()).start().waitFor());
        }
        Files.createSymbolicLink(dir.resolve("to-pipe.txt"), dir.resolve("pipe.txt"));
        Files.createSymbolicLink(dir.resolve("loop.md"), dir.resolve("loop.md"));

        NewsCollection.Scan scan = NewsCollection.scan(dir, 1000);

        assertEquals(List.of("real"), scan.files().stream().map(NewsCollection.SourceFile::id).toList());
        assertEquals(List.of(skip("loop.md", SkipReason.NOT_TXT), skip("pipe.md", SkipReason.NOT_TXT),
                skip("pipe.txt", SkipReason.NOT_A_FILE), skip("to-pipe.txt", SkipReason.NOT_A_FILE)), scan.skipped());
    }

    /** A scraper's folders of "article.txt": every file is an article, cited by its name and its folders. */
    @Test
    void aSecondFileOfOneNameTakesItsFoldersIntoItsId() throws IOException {
        write("article.txt", "At the top.");
        Files.writeString(Files.createDirectories(dir.resolve("2024").resolve("01").resolve("05"))
                .resolve("article.txt"), "Filed on 5 January.");
        Files.writeString(Files.createDirectories(dir.resolve("2024-01-05")).resolve("article.txt"), "Same folders.");
        Files.writeString(Files.createDirectories(dir.resolve("Sport, local [draft]")).resolve("Article.txt"),
                "A folder an ID could not hold as it is.");
        write("ARTICLE.txt", "Another case at the top: no folder to tell them apart.");

        NewsCollection.Scan scan = NewsCollection.scan(dir, 1000);

        assertEquals(List.of("ARTICLE", "article (2024-01-05)", "Article (Sport-local-draft)"),
                scan.files().stream().map(NewsCollection.SourceFile::id).toList());
        assertEquals(List.of(skip("article.txt", SkipReason.DUPLICATE_ID),
                skip("2024/01/05/article.txt", SkipReason.DUPLICATE_ID)), scan.skipped());
        assertEquals("article (2024-01-05)", NewsCollection.withFolder("article", "2024-01-05/article.txt"));
        assertNull(NewsCollection.withFolder("article", "🙂/article.txt"), "a folder an ID keeps nothing of");
        assertNull(NewsCollection.withFolder("article", "article.txt"), "at the top");
        assertNull(NewsCollection.withFolder("a".repeat(120), "folder/" + "a".repeat(120) + ".txt"), "too long");
    }

    /** A file's own name comes first: no file loses it to another's name with folders added. */
    @Test
    void aFileKeepsItsOwnNameBeforeAnotherTakesItWithItsFolders() throws IOException {
        write("article.txt", "At the top.");
        Files.writeString(Files.createDirectories(dir.resolve("2024-01-05")).resolve("article.txt"), "Nested.");
        Files.writeString(Files.createDirectories(dir.resolve("zz")).resolve("article (2024-01-05).txt"),
                "Named so.");

        NewsCollection.Scan scan = NewsCollection.scan(dir, 1000);

        assertEquals(List.of("article", "article (2024-01-05)"),
                scan.files().stream().map(NewsCollection.SourceFile::id).toList());
        assertEquals("Named so.", scan.files().get(1).text());
        assertEquals(List.of(skip("2024-01-05/article.txt", SkipReason.DUPLICATE_ID)), scan.skipped());
    }

    @Test
    void namesThatDifferOnlyInCaseOrAccentEncodingAreOneId() throws IOException {
        Files.writeString(Files.createDirectories(dir.resolve("x")).resolve("caf\u00e9.txt"), "Composed accent.");
        Files.writeString(Files.createDirectories(dir.resolve("y")).resolve("cafe\u0301.txt"), "Combining accent.");
        // In two folders, as a case-blind file system could not hold both in one.
        Files.writeString(dir.resolve("x").resolve("Story.txt"), "Capital S.");
        Files.writeString(dir.resolve("y").resolve("story.txt"), "Small s.");

        NewsCollection.Scan scan = NewsCollection.scan(dir, 1000);

        // The second of each is cited with its folder, as any second file of one name.
        assertEquals(List.of("Story", "caf\u00e9", "cafe\u0301 (y)", "story (y)"),
                scan.files().stream().map(NewsCollection.SourceFile::id).toList());
        assertEquals(List.of(), scan.skipped());
    }

    /** Files named after their headlines, or copies a download renamed: their names are their IDs. */
    @Test
    void namesWithSpacesAndCommonPunctuationAreIds() throws IOException {
        for (String name : List.of("Storm hits coast (1)", "Café owner’s award", "Q&A with the mayor!",
                "two  spaces", "ends with a space ", "Smith, John", "a;b", "a|b")) {
            write(name + ".txt", "An article about " + name + ".");
        }

        NewsCollection.Scan scan = NewsCollection.scan(dir, 1000);

        assertEquals(List.of("Café owner’s award", "Q&A with the mayor!", "Storm hits coast (1)"),
                scan.files().stream().map(NewsCollection.SourceFile::id).sorted().toList());
        // Two spaces or a trailing one would not survive a model copying the ID; a comma, ";" or "|" separates
        // IDs in a marker.
        assertEquals(List.of(skip("Smith, John.txt", SkipReason.BAD_NAME), skip("a;b.txt", SkipReason.BAD_NAME),
                skip("a|b.txt", SkipReason.BAD_NAME), skip("ends with a space .txt", SkipReason.BAD_NAME),
                skip("two  spaces.txt", SkipReason.BAD_NAME)), scan.skipped());
    }

    @Test
    void articleIdsCannotNameAPath() {
        assertTrue(NewsCollection.isArticleId("001_ef047f98b842d2d5"));
        for (String trick : List.of("..", "../etc/passwd", "/etc/passwd", "a/b", "a\\b", ".hidden", "", "%2e%2e",
                " leading", "a [b]", "a\tb", "a\nb")) {
            assertFalse(NewsCollection.isArticleId(trick), trick);
        }
    }

    @Test
    void aMissingFolderNamesTheKey() {
        IOException e = assertThrows(IOException.class, () -> NewsCollection.scan(dir.resolve("nope"), 10));
        assertEquals(true, e.getMessage().contains("citeqa.corpus.dir"));
    }

    @Test
    void aWindows1252FileIsReadAsSuchAndTextInAnotherScriptIsNot() throws IOException {
        // "Café owners’ costs rose." as a Windows editor saves it: é is E9, the curly apostrophe 92.
        Files.write(dir.resolve("cp1252.txt"), "Café owners’ costs rose.".getBytes("windows-1252"));
        // Cyrillic in a single-byte encoding: not UTF-8, and mostly bytes above 127.
        Files.write(dir.resolve("cyrillic.txt"), "Новости дня: цены выросли.".getBytes("windows-1251"));
        // UTF-8 ("’", a byte-order mark) with one stray Windows-1252 byte: neither, and not to be read as mojibake.
        Files.write(dir.resolve("mixed.txt"), concat("Owners’ costs rose ".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0x96}, " again.".getBytes(StandardCharsets.UTF_8)));
        Files.write(dir.resolve("bom.txt"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "Costs rose ".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0x96}, " again.".getBytes(
                StandardCharsets.US_ASCII)));

        NewsCollection.Scan scan = NewsCollection.scan(dir, 1000);

        assertEquals(List.of("cp1252"), scan.files().stream().map(NewsCollection.SourceFile::id).toList());
        assertEquals("Café owners’ costs rose.", scan.files().get(0).text());
        assertEquals(List.of(skip("bom.txt", SkipReason.NOT_UTF8), skip("cyrillic.txt", SkipReason.NOT_UTF8),
                skip("mixed.txt", SkipReason.NOT_UTF8)), scan.skipped());
    }

    @Test
    void aUtf16FileIsReadWithOrWithoutItsByteOrderMarkAndBinaryDataIsNot() throws IOException {
        String story = "Café owners’ costs rose.\r\nPrices, 2024: up 5%.";
        // As Notepad saves "Unicode" and Windows PowerShell redirects output: little-endian, with a mark.
        Files.write(dir.resolve("le_mark.txt"), ("\uFEFF" + story).getBytes(StandardCharsets.UTF_16LE));
        Files.write(dir.resolve("be_mark.txt"), ("\uFEFF" + story).getBytes(StandardCharsets.UTF_16BE));
        Files.write(dir.resolve("le_bare.txt"), story.getBytes(StandardCharsets.UTF_16LE));
        Files.write(dir.resolve("be_bare.txt"), story.getBytes(StandardCharsets.UTF_16BE));
        // Text in another script has no NUL in its high bytes, so only a mark tells it from binary data.
        Files.write(dir.resolve("greek_mark.txt"), "\uFEFFΤιμές".getBytes(StandardCharsets.UTF_16LE));
        // NULs on one side only, but what they decode to is control characters: binary data.
        Files.write(dir.resolve("controls.txt"), new byte[] {1, 0, 2, 0, 'a', 0, 'b', 0});
        // An odd number of bytes cannot be UTF-16.
        Files.write(dir.resolve("odd.txt"), concat(story.getBytes(StandardCharsets.UTF_16LE), new byte[] {'x'}));
        // A lone half of a surrogate pair is malformed UTF-16.
        Files.write(dir.resolve("surrogate.txt"), new byte[] {(byte) 0xFF, (byte) 0xFE, 'a', 0, 0x00, (byte) 0xD8});
        // The next-line control ends lines, as in UTF-8 text: not a control character that makes a file binary.
        String nextLine = "\uFEFFStadium vote\u0085March 4, 2024\u0085Voters approved it.";
        Files.write(dir.resolve("next_line.txt"), nextLine.getBytes(StandardCharsets.UTF_16LE));
        // A mark says it is text, which may carry a stray control character (U+0081 before a quote, in a real news
        // file), as UTF-8 text may; without one, the same text is refused, and a NUL always is.
        String stray = "\uFEFFVan Gaal said. \u0081\"Our motivation is high.\"";
        Files.write(dir.resolve("stray_mark.txt"), stray.getBytes(StandardCharsets.UTF_16LE));
        Files.write(dir.resolve("stray_bare.txt"), stray.substring(1).getBytes(StandardCharsets.UTF_16LE));
        Files.write(dir.resolve("nul_mark.txt"), "\uFEFFab\u0000cd".getBytes(StandardCharsets.UTF_16LE));
        Files.write(dir.resolve("mark_only.txt"), new byte[] {(byte) 0xFF, (byte) 0xFE});
        // A mark and no NUL, and not UTF-16: not Windows-1252 "ÿþ" either.
        Files.write(dir.resolve("mark_broken.txt"), new byte[] {(byte) 0xFF, (byte) 0xFE, 'A'});

        NewsCollection.Scan scan = NewsCollection.scan(dir, 1000);

        assertEquals(List.of("be_bare", "be_mark", "greek_mark", "le_bare", "le_mark", "next_line", "stray_mark"),
                scan.files().stream().map(NewsCollection.SourceFile::id).sorted().toList());
        for (NewsCollection.SourceFile file : scan.files()) {
            String expected = switch (file.id()) {
                case "be_bare", "le_bare" -> story;
                case "greek_mark" -> "\uFEFFΤιμές";
                case "next_line" -> nextLine;
                case "stray_mark" -> stray;
                default -> "\uFEFF" + story; // the mark stays, as in UTF-8, so offsets count every character
            };
            assertEquals(expected, file.text(), file.id());
        }
        assertEquals(List.of(skip("controls.txt", SkipReason.BINARY), skip("mark_broken.txt", SkipReason.NOT_UTF8),
                skip("mark_only.txt", SkipReason.WHITESPACE_ONLY), skip("nul_mark.txt", SkipReason.BINARY),
                skip("odd.txt", SkipReason.BINARY), skip("stray_bare.txt", SkipReason.BINARY),
                skip("surrogate.txt", SkipReason.BINARY)), scan.skipped());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
