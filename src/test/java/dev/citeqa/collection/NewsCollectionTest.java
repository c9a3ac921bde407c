package dev.citeqa.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        write("empty.txt", "");
        write("blank.txt", " \n\t\n");
        write("big.txt", "x".repeat(200));
        write("bad[name].txt", "Brackets would break citation markers.");
        write("notes.md", "Not a .txt file, so not an article.");

        NewsCollection.Scan scan = NewsCollection.scan(dir, 100);

        assertEquals(List.of("good_1", "good_2"), scan.files().stream().map(NewsCollection.SourceFile::id).toList());
        assertEquals(List.of("bad[name].txt", "big.txt", "blank.txt", "empty.txt", "latin1.txt"),
                scan.skipped().stream().sorted().toList());
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
