package dev.citeqa.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.LogCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9, '.'});
        Files.write(dir.resolve("utf16.txt"), "Text".getBytes(StandardCharsets.UTF_16LE));
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
                skip("invisible.txt", SkipReason.WHITESPACE_ONLY), skip("latin1.txt", SkipReason.NOT_UTF8),
                skip("utf16.txt", SkipReason.BINARY)), scan.skipped());
    }

    private static NewsCollection.Skipped skip(String file, SkipReason reason) {
        return new NewsCollection.Skipped(file, reason);
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

        assertEquals(List.of("inside", "real"), scan.files().stream().map(NewsCollection.SourceFile::id).toList());
        assertEquals(List.of(skip("dangling.txt", SkipReason.LINK_OUTSIDE), skip("escape.txt", SkipReason.LINK_OUTSIDE),
                skip("relative.txt", SkipReason.LINK_OUTSIDE)), scan.skipped());
    }

    @Test
    void articleIdsCannotNameAPath() {
        assertTrue(NewsCollection.isArticleId("001_ef047f98b842d2d5"));
        for (String trick : List.of("..", "../etc/passwd", "/etc/passwd", "a/b", "a\\b", ".hidden", "", "%2e%2e")) {
            assertFalse(NewsCollection.isArticleId(trick), trick);
        }
    }

    @Test
    void aMissingFolderNamesTheKey() {
        IOException e = assertThrows(IOException.class, () -> NewsCollection.scan(dir.resolve("nope"), 10));
        assertEquals(true, e.getMessage().contains("citeqa.corpus.dir"));
    }
}
