package dev.citeqa.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.collection.NewsCollection;
import dev.citeqa.collection.PassageChunker;
import dev.citeqa.collection.RandomNewsFiles;
import dev.citeqa.collection.SkipReason;
import dev.citeqa.embed.Embedder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folders of files built at random ({@link RandomNewsFiles}), indexed whole: no content may fail a build (issue 15),
 * and every file is an article with a passage, or skipped for having no text. Seeded; the seed is in the message.
 */
class IndexFuzzTest {

    private static final int FILES = 6;

    @TempDir
    Path root;

    @Test
    void noFolderOfOddFilesFailsABuild() throws IOException {
        for (int seed = 0; seed < 60; seed++) {
            Random random = new Random(seed);
            Path corpus = Files.createDirectories(root.resolve("corpus-" + seed));
            for (int f = 0; f < FILES; f++) {
                Files.writeString(corpus.resolve("f" + f + ".txt"), RandomNewsFiles.text(random),
                        StandardCharsets.UTF_8);
            }
            IndexManager manager = new IndexManager(root.resolve("data-" + seed), corpus,
                    new NewsCollection.Rules(1_000_000, false), "v1",
                    new IndexGenerator(PassageChunker.ofSentences(3, 1), Embedder.none()));
            IndexManager.Opened opened = manager.openOrBuild();
            try (CorpusIndex index = opened.index()) {
                String context = "seed " + seed;
                assertEquals(IndexManager.Outcome.BUILT, opened.outcome(), context);
                assertEquals(FILES, index.articleCount() + index.skipped().size(), context);
                index.skipped().forEach(s -> assertTrue(Set.of(SkipReason.NO_TEXT, SkipReason.WHITESPACE_ONLY)
                        .contains(s.reason()), context + ": " + s));
                for (ArticleHeader article : index.articles()) {
                    assertFalse(index.passagesOf(article.id()).isEmpty(), context + ": " + article.id());
                }
            }
        }
    }
}
