package dev.citeqa.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.TestModels;
import dev.citeqa.analysis.Spelling;
import dev.citeqa.analysis.TermStats;
import dev.citeqa.analysis.Terms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A question's term statistics count as Lucene's reader does, however often a term is asked for. */
class QuestionTermStatsTest {

    private static CorpusIndex index;

    @BeforeAll
    static void buildIndex() throws IOException {
        Path root = Files.createTempDirectory("citeqa-term-stats");
        index = TinyCorpus.openIndex(root, TestModels.embedder(root.resolve("data")));
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void passageFrequenciesAreTheReadersOwn() throws IOException {
        IndexReader reader = index.searcher().getIndexReader();
        TermStats stats = index.termStats();
        // Out of the terms' order, as the answerer asks (each segment's enum seeks back and forth), and some twice.
        for (String word : List.of("harbour", "Voss", "museum", "harbour", "absent", "berths", "Voss")) {
            String term = term(word);
            assertEquals(reader.docFreq(new Term(IndexConstants.BODY, term)), stats.docFreq(term), word);
        }
        assertTrue(stats.docFreq(term("harbour")) > 1, "the long harbour story has several passages");
        assertEquals(0, stats.docFreq(term("absent")));
        assertEquals(index.passageCount(), stats.passages());
    }

    @Test
    void aTermIsKnownFromAPassageOrATitle() throws IOException {
        IndexReader reader = index.searcher().getIndexReader();
        TermStats stats = index.termStats();
        assertTrue(stats.known(term("Voss")));
        // "Rural clinic reopens": the word is in the title alone.
        String reopens = term("reopens");
        assertEquals(0, stats.docFreq(reopens));
        assertTrue(reader.docFreq(new Term(IndexConstants.TITLE, reopens)) > 0);
        assertTrue(stats.known(reopens));
        assertFalse(stats.known(term("absent")));
    }

    @Test
    void theNearestWordIsOneEditFromAWordOfEnoughArticles() {
        TermStats stats = index.termStats();
        // "Springfield" is in the three road stories; "physician" in the clinic story alone.
        assertEquals("springfield", stats.nearestWord("springfeld", 2));
        assertEquals("springfield", stats.nearestWord("springfeild", 2), "two letters swapped are one edit");
        assertNull(stats.nearestWord("physcian", 2));
        assertEquals("physician", stats.nearestWord("physcian", 1));
        assertNull(stats.nearestWord("sprngfeld", 1), "two edits away");
        assertNull(stats.nearestWord("springfield", 1), "a word the articles have needs no other");
    }

    @Test
    void aQuestionIsCorrectedFromTheIndexsWords() {
        Spelling.Settings on = new Spelling.Settings(true, 5, 2, 3);
        Spelling.Corrected read = Spelling.correct("How much was aproved for raod repairs in 2021?", index.termStats(),
                on);
        // "raod" is under five letters: left as it is.
        assertEquals("How much was approved for raod repairs in 2021?", read.text());
        assertEquals(List.of(new Spelling.Correction("aproved", "approved")), read.corrections());
        // A name is offered, not rewritten.
        Spelling.Corrected named = Spelling.correct("How much did Springfeild approve?", index.termStats(), on);
        assertEquals("How much did Springfeild approve?", named.text());
        assertEquals("How much did Springfield approve?", named.suggested());
    }

    @Test
    void aDeletedArticleDoesNotCountForASpelling() throws IOException {
        try (Directory dir = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(Spelling.wordAnalyzer())
                        .setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (String id : List.of("a", "b", "c")) {
                Document doc = new Document();
                doc.add(new StringField(IndexConstants.ARTICLE_ID, id, Field.Store.NO));
                doc.add(new TextField(IndexConstants.ARTICLE_WORDS, id.equals("c") ? "zanzibar" : "a zanzibar story",
                        Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.commit();
            // An edit deletes the old version of "c" and adds the new one: "zanzibar" keeps three postings, two live.
            Document edited = new Document();
            edited.add(new StringField(IndexConstants.ARTICLE_ID, "c", Field.Store.NO));
            edited.add(new TextField(IndexConstants.ARTICLE_WORDS, "an island", Field.Store.NO));
            writer.updateDocument(new Term(IndexConstants.ARTICLE_ID, "c"), edited);
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertEquals(3, reader.docFreq(new Term(IndexConstants.ARTICLE_WORDS, "zanzibar")));
                TermStats stats = new QuestionTermStats(reader, 0);
                assertEquals("zanzibar", stats.nearestWord("zanzibr", 2));
                assertNull(stats.nearestWord("zanzibr", 3), "two live articles, not three");
            }
        }
    }

    /** A word as the index holds it. */
    private static String term(String word) {
        return Terms.ofText(word).iterator().next();
    }
}
