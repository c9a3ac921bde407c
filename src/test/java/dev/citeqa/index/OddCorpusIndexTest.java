package dev.citeqa.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.collection.NewsCollection;
import dev.citeqa.collection.PassageChunker;
import dev.citeqa.collection.RandomNewsFiles;
import dev.citeqa.collection.SkipReason;
import dev.citeqa.embed.Embedder;
import dev.citeqa.embed.EmbeddingCache;
import dev.citeqa.embed.StrictModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corpus folders of odd and hostile files, indexed whole: what goes in, what is skipped and how it is told. */
class OddCorpusIndexTest {

    @TempDir
    Path root;

    private Path data() {
        return root.resolve("data");
    }

    private static IndexManager manager(Path data, Path corpus, Embedder embedder, boolean followHardLinks) {
        return new IndexManager(data, corpus, new NewsCollection.Rules(1_000_000, followHardLinks), "v1",
                new IndexGenerator(PassageChunker.ofSentences(3, 1), embedder));
    }

    private IndexManager manager(Path corpus) {
        return manager(data(), corpus, Embedder.none(), false);
    }

    private static NewsCollection.Skipped skip(String file, SkipReason reason) {
        return new NewsCollection.Skipped(file, reason);
    }

    @Test
    void everyOddShapeIsIndexed() throws IOException {
        Path corpus = Files.createDirectories(root.resolve("corpus"));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/odd-corpus"))) {
            for (Path file : files.toList()) {
                Files.copy(file, corpus.resolve(file.getFileName()));
            }
        }
        IndexManager.Opened opened = manager(corpus).openOrBuild();
        try (CorpusIndex index = opened.index()) {
            assertEquals(List.of(), opened.written().skipped());
            assertEquals(18, index.articleCount());
            // One passage each, but two for the Markdown file and the CNN story (four and five sentences in
            // windows of three).
            assertEquals(20, index.passageCount());
            // A slash date that reads alike in both orders (day and month the same) once stopped the whole build.
            assertEquals("2024-01-01", index.article("new_year").orElseThrow().date());
            assertEquals("Museum opens night gallery", index.article("html_page").orElseThrow().title());
            assertEquals("2019-10-15", index.article("snippet_date_first").orElseThrow().date());
            // The snippet's words are in its passage once, not in the title field too ("Brookfield" is in
            // its first sentence, which names it); a headline is searched as one ("ferry").
            assertEquals(1, hits(index, IndexConstants.BODY, "brookfield"));
            assertEquals(0, hits(index, IndexConstants.TITLE, "brookfield"));
            assertEquals(1, hits(index, IndexConstants.TITLE, "ferri"));
        }
    }

    /**
     * Folders of six files built at random ({@link RandomNewsFiles}): no content may fail a build (issue 15), and every
     * file is an article with a passage, or skipped for having no text. Seeded; the seed is in the message.
     */
    @Test
    void noFolderOfRandomFilesFailsABuild() throws IOException {
        int files = 6;
        for (int seed = 0; seed < 60; seed++) {
            Random random = new Random(seed);
            Path corpus = Files.createDirectories(root.resolve("random-" + seed));
            for (int f = 0; f < files; f++) {
                Files.writeString(corpus.resolve("f" + f + ".txt"), RandomNewsFiles.text(random));
            }
            IndexManager.Opened opened = manager(root.resolve("data-" + seed), corpus, Embedder.none(), false)
                    .openOrBuild();
            try (CorpusIndex index = opened.index()) {
                String context = "seed " + seed;
                assertEquals(IndexManager.Outcome.BUILT, opened.outcome(), context);
                assertEquals(files, index.articleCount() + index.skipped().size(), context);
                index.skipped().forEach(s -> assertTrue(Set.of(SkipReason.NO_TEXT, SkipReason.WHITESPACE_ONLY)
                        .contains(s.reason()), context + ": " + s));
                for (ArticleHeader article : index.articles()) {
                    assertFalse(index.passagesOf(article.id()).isEmpty(), context + ": " + article.id());
                }
            }
        }
    }

    private static int hits(CorpusIndex index, String field, String term) throws IOException {
        return index.searcher().count(new TermQuery(new Term(field, term)));
    }

    @Test
    void skippedFilesAreRecordedWithTheirReasonAndStillReportedAfterARestart() throws IOException {
        Path corpus = TinyCorpus.write(root.resolve("corpus"));
        Files.writeString(corpus.resolve("empty.txt"), "");
        Files.write(corpus.resolve("binary.txt"), new byte[] {'P', 'K', 3, 4, 0, 0});
        Files.writeString(corpus.resolve("debris.txt"), "•\n\n\uD83C\uDF89\uD83C\uDF89\n\n\u200B\n");
        // Reported by its path in the folder, as the scan's own skips are.
        Files.writeString(Files.createDirectories(corpus.resolve("2024")).resolve("party.txt"), "\uD83C\uDF89\n");
        List<NewsCollection.Skipped> expected = List.of(skip("2024/party.txt", SkipReason.NO_TEXT),
                skip("binary.txt", SkipReason.BINARY), skip("debris.txt", SkipReason.NO_TEXT),
                skip("empty.txt", SkipReason.EMPTY));

        IndexManager.Opened built = manager(corpus).openOrBuild();
        assertEquals(IndexManager.Outcome.BUILT, built.outcome());
        assertEquals(expected, built.written().skipped());
        assertEquals(expected, built.index().skipped());
        assertEquals(10, built.index().articleCount());
        built.index().close();

        IndexManager.Opened reused = manager(corpus).openOrBuild();
        assertEquals(IndexManager.Outcome.REUSED, reused.outcome());
        assertEquals(expected, reused.index().skipped(), "a restart reads no file, yet knows what was skipped");

        Files.writeString(corpus.resolve("late.txt"), "A late story. It names nobody.");
        IndexManager.Opened updated = manager(corpus).refresh(reused.index());
        assertEquals(IndexManager.Outcome.UPDATED, updated.outcome());
        assertEquals(expected, updated.index().skipped(), "an update still counts the files skipped before");
        reused.index().close();
        updated.index().close();
    }

    @Test
    void hardLinkedFilesAreLeftOutUnlessTheSettingAllowsThem(@TempDir Path outside) throws IOException {
        Path corpus = TinyCorpus.write(root.resolve("corpus"));
        Path secret = Files.writeString(outside.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.createLink(corpus.resolve("x.txt"), secret);

        IndexManager.Opened refused = manager(corpus).openOrBuild();
        assertTrue(refused.index().article("x").isEmpty());
        assertEquals(List.of(skip("x.txt", SkipReason.HARD_LINK)), refused.index().skipped());
        refused.index().close();

        IndexManager.Opened followed = manager(root.resolve("data2"), corpus, Embedder.none(), true).openOrBuild();
        assertEquals("root:x:0:0:root:/root:/bin/bash", followed.index().article("x").orElseThrow().title());
        followed.index().close();
    }

    @Test
    void anAmbiguousDateIsReadOnceAnotherFileSettlesTheOrderAndUnreadWhenOneUnsettlesIt() throws IOException {
        Path corpus = Files.createDirectories(root.resolve("corpus"));
        Files.writeString(corpus.resolve("fair.txt"), "Fair opens on the green\n01/05/2024\n\n"
                + "The county fair opened on the green with forty stalls and a brass band.");
        IndexManager manager = manager(corpus);
        CorpusIndex first = manager.openOrBuild().index();
        assertNull(first.article("fair").orElseThrow().date(), "01/05/2024 alone could be either");

        Files.writeString(corpus.resolve("market.txt"), "Market closes for the summer\n13/05/2024\n\n"
                + "The farmers' market closed for the summer after its busiest spring in years.");
        CorpusIndex second = manager.refresh(first).index();
        assertEquals("2024-05-01", second.article("fair").orElseThrow().date(),
                "the unchanged file is read again in the corpus order");
        assertEquals("2024-05-13", second.article("market").orElseThrow().date());

        Files.writeString(corpus.resolve("parade.txt"), "Parade route announced\n05/14/2024\n\n"
                + "The city announced the route of the summer parade through the old town.");
        CorpusIndex third = manager.refresh(second).index();
        assertNull(third.article("fair").orElseThrow().date(), "two orders in one corpus settle nothing");
        assertEquals("2024-05-14", third.article("parade").orElseThrow().date());
        first.close();
        second.close();
        third.close();
    }

    @Test
    void textsTheModelCannotEmbedAreLeftOutAndTheBuildGoesOn() throws IOException {
        Path corpus = TinyCorpus.write(root.resolve("corpus"));
        Files.writeString(corpus.resolve("debris_lines.txt"), "Bridge repairs finish early\n\n"
                + "The bridge reopened on Tuesday.\n\u200B\u200B\u200B\n\u2022\nThe council thanked the crews.\n");
        StrictModel model = new StrictModel("antibiotics");
        Embedder embedder = new Embedder(model, EmbeddingCache.open(root.resolve("e.bin"), StrictModel.DIM));

        IndexManager.Opened opened = manager(data(), corpus, embedder, false).openOrBuild();

        try (CorpusIndex index = opened.index()) {
            assertEquals(11, index.articleCount());
            // The clinic passage names the refused word; nothing else is refused (sentences are not embedded
            // at build time).
            assertEquals(1, opened.written().textsNotEmbedded());
            assertTrue(model.seen.stream().noneMatch(t -> t.strip().replaceAll("\\p{Cf}", "").isEmpty()));
            assertNull(index.passage("clinic#0").orElseThrow().vector());
            assertNotNull(index.passage("profile#0").orElseThrow().vector());
            assertEquals(index.passageCount() - 1, vectors(index), "the clinic passage is found by its words only");
            assertEquals(List.of("The bridge reopened on Tuesday.", "The council thanked the crews."),
                    index.passage("debris_lines#0").orElseThrow().passage().sentences().stream()
                            .map(s -> s.text()).toList());
        }
    }

    private static int vectors(CorpusIndex index) throws IOException {
        int count = 0;
        for (LeafReaderContext leaf : index.searcher().getIndexReader().leaves()) {
            FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexConstants.VECTOR);
            count += values == null ? 0 : values.size();
        }
        return count;
    }
}
