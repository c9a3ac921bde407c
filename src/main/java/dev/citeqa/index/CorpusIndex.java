package dev.citeqa.index;

import dev.citeqa.collection.Article;
import dev.citeqa.collection.Passage;
import dev.citeqa.collection.Sentence;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;

/**
 * An open, read-only index: the searcher over its passages and the articles, which are few enough to keep
 * in memory for listing and display.
 */
public final class CorpusIndex implements Closeable {

    private final Path path;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Map<String, Article> articles;
    private final int passageCount;

    private CorpusIndex(Path path, DirectoryReader reader) throws IOException {
        this.path = path;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        Map<String, Article> byId = new TreeMap<>();
        TermQuery allArticles = new TermQuery(new Term(IndexConstants.KIND, IndexConstants.KIND_ARTICLE));
        for (ScoreDoc hit : searcher.search(allArticles, Math.max(1, reader.maxDoc())).scoreDocs) {
            String json = searcher.storedFields().document(hit.doc).get(IndexConstants.ARTICLE_JSON);
            Article article = IndexGenerator.JSON.readValue(json, Article.class);
            byId.put(article.id(), article);
        }
        this.articles = Collections.unmodifiableMap(byId);
        this.passageCount = searcher.count(new TermQuery(new Term(IndexConstants.KIND, IndexConstants.KIND_PASSAGE)));
    }

    public static CorpusIndex open(Path path) throws IOException {
        DirectoryReader reader = DirectoryReader.open(FSDirectory.open(path));
        try {
            return new CorpusIndex(path, reader);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public IndexSearcher searcher() {
        return searcher;
    }

    /** Articles sorted by ID. */
    public Collection<Article> articles() {
        return articles.values();
    }

    public Optional<Article> article(String id) {
        return Optional.ofNullable(articles.get(id));
    }

    public int passageCount() {
        return passageCount;
    }

    /** Reads a passage document back into its parts. */
    public StoredPassage passage(int docId) {
        try {
            Document doc = searcher.storedFields().document(docId);
            String[] texts = doc.getValues(IndexConstants.SENTENCE);
            IndexableField[] starts = doc.getFields(IndexConstants.SENTENCE_START);
            IndexableField[] ends = doc.getFields(IndexConstants.SENTENCE_END);
            List<Sentence> sentences = new ArrayList<>(texts.length);
            for (int i = 0; i < texts.length; i++) {
                sentences.add(new Sentence(texts[i], starts[i].numericValue().intValue(),
                        ends[i].numericValue().intValue()));
            }
            String articleId = doc.get(IndexConstants.ARTICLE_ID);
            String key = doc.get(IndexConstants.PASSAGE_KEY);
            Passage passage = new Passage(articleId, Integer.parseInt(key.substring(key.lastIndexOf('#') + 1)),
                    sentences);
            List<float[]> vectors = IndexGenerator.unpack(doc.getBinaryValue(IndexConstants.SENTENCE_VECTORS),
                    texts.length);
            return new StoredPassage(articles.get(articleId), passage, vectors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The passage with the given {@link Passage#key()}, if this index has it. */
    public Optional<StoredPassage> passage(String key) {
        try {
            TopDocs hits = searcher.search(new TermQuery(new Term(IndexConstants.PASSAGE_KEY, key)), 1);
            return hits.scoreDocs.length == 0 ? Optional.empty() : Optional.of(passage(hits.scoreDocs[0].doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
