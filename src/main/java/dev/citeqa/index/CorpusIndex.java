package dev.citeqa.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.citeqa.analysis.TermStats;
import dev.citeqa.collection.Article;
import dev.citeqa.collection.NewsCollection;
import dev.citeqa.collection.Passage;
import dev.citeqa.collection.Sentence;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.AxiomaticF2EXP;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.store.FSDirectory;

/**
 * An open, read-only index: the searcher over its passages, and its articles. Opening reads nothing but
 * counts, so that start-up does not grow with the corpus; whole articles are read on demand and the
 * recently used ones kept, since the passages of one question mostly come from a few articles.
 */
public final class CorpusIndex implements Closeable {

    private static final Query ARTICLES = new TermQuery(new Term(IndexConstants.KIND, IndexConstants.KIND_ARTICLE));
    private static final Query PASSAGES = new TermQuery(new Term(IndexConstants.KIND, IndexConstants.KIND_PASSAGE));
    private static final Query PENDING = new TermQuery(new Term(IndexConstants.VECTORS_PENDING, IndexConstants.PENDING));
    private static final int ARTICLES_KEPT = 1024;
    /**
     * Passages kept decoded: a question reads its passages twice (ranked, then fetched back by key for the
     * answerer), and the next question often reads the same ones. A few KB each with its vector (16 MB or so at
     * most); the article is not kept with it, as {@link #ARTICLES_KEPT} bounds those.
     */
    private static final int PASSAGES_KEPT = 4096;

    /**
     * BM25 for passages and titles; for whole articles, Fang and Zhai's axiomatic F2EXP (s 0.5, Anserini's
     * default; k 0.35, Lucene's), which ranked articles better than BM25 on every evaluation set, in every mode
     * (docs/evaluation.md, "Whole articles by F2EXP"). A search-time choice: both read the norms BM25 writes.
     */
    private static final Similarity SIMILARITY = new PerFieldSimilarityWrapper() {
        private final Similarity passages = new BM25Similarity();
        private final Similarity articles = new AxiomaticF2EXP(0.5f, 0.35f);

        @Override
        public Similarity get(String field) {
            return field.equals(IndexConstants.ARTICLE_TEXT) ? articles : passages;
        }
    };

    private final Path path;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final int articleCount;
    private final int passageCount;
    private final boolean hasVectors;
    private final int pendingArticles;
    private final int pendingPassages;
    private volatile List<NewsCollection.Skipped> skipped;
    private final Cache<String, Optional<Article>> recent = Caffeine.newBuilder().maximumSize(ARTICLES_KEPT).build();
    /** By document number, which an open reader never changes. */
    private final Cache<Integer, Decoded> decoded = Caffeine.newBuilder().maximumSize(PASSAGES_KEPT).build();
    private volatile List<ArticleHeader> headers;
    private volatile Map<String, String> idsByKey;

    private CorpusIndex(Path path, DirectoryReader reader) throws IOException {
        this.path = path;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
        searcher.setSimilarity(SIMILARITY);
        this.articleCount = searcher.count(ARTICLES);
        this.passageCount = searcher.count(PASSAGES);
        this.hasVectors = reader.leaves().stream()
                .anyMatch(leaf -> leaf.reader().getFieldInfos().fieldInfo(IndexConstants.VECTOR) != null);
        this.pendingArticles = searcher.count(pending(ARTICLES));
        this.pendingPassages = searcher.count(pending(PASSAGES));
    }

    private static Query pending(Query kind) {
        return new BooleanQuery.Builder().add(kind, BooleanClause.Occur.FILTER)
                .add(PENDING, BooleanClause.Occur.FILTER).build();
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

    /** A value this index's commit recorded (see {@link IndexConstants}), or null. */
    public String commitData(String key) {
        try {
            return reader.getIndexCommit().getUserData().get(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The corpus files this index left out, with the reason for each, sorted by file name. */
    public List<NewsCollection.Skipped> skipped() {
        List<NewsCollection.Skipped> list = skipped;
        if (list == null) {
            list = SkipRecord.read(path);
            skipped = list;
        }
        return list;
    }

    /** Which index this is: one more than the index it replaced. */
    public long generation() {
        String generation = commitData(IndexConstants.COMMIT_GENERATION);
        return generation == null ? 0 : Long.parseLong(generation);
    }

    /** Reads every file of the index and verifies its checksum; throws if any is damaged. */
    public void checkIntegrity() throws IOException {
        for (var leaf : reader.leaves()) {
            leaf.reader().checkIntegrity();
        }
    }

    /** Article ID → SHA-256 of the file it was indexed from, for telling which files changed since. */
    public Map<String, String> sourceHashes() throws IOException {
        Map<String, String> hashes = new HashMap<>(articleCount * 2);
        Set<String> fields = Set.of(IndexConstants.ARTICLE_ID, IndexConstants.SOURCE_HASH);
        for (ScoreDoc hit : searcher.search(ARTICLES, Math.max(1, articleCount)).scoreDocs) {
            Document doc = searcher.storedFields().document(hit.doc, fields);
            hashes.put(doc.get(IndexConstants.ARTICLE_ID), doc.get(IndexConstants.SOURCE_HASH));
        }
        return hashes;
    }

    public int articleCount() {
        return articleCount;
    }

    public int passageCount() {
        return passageCount;
    }

    /** Whether passages carry embeddings; a BM25-only index has none, so dense retrieval cannot run on it. */
    public boolean hasVectors() {
        return hasVectors;
    }

    /** Articles whose passages are not embedded yet (see {@link IndexConstants#VECTORS_PENDING}). */
    public int pendingArticles() {
        return pendingArticles;
    }

    /** Passages not embedded yet. */
    public int pendingPassages() {
        return pendingPassages;
    }

    /**
     * Whether dense and hybrid retrieval can run on this index: it has vectors, and every article has its
     * own. While some are missing, only BM25 finds every article.
     */
    public boolean vectorsComplete() {
        return hasVectors && pendingArticles == 0;
    }

    /** The IDs of the articles whose passages are not embedded yet, in ID order. */
    public List<String> pendingArticleIds() {
        try {
            ScoreDoc[] hits = searcher.search(pending(ARTICLES), Math.max(1, pendingArticles),
                    new Sort(new SortField(IndexConstants.ARTICLE_ID, SortField.Type.STRING))).scoreDocs;
            List<String> ids = new ArrayList<>(hits.length);
            for (ScoreDoc hit : hits) {
                ids.add(articleId(hit.doc));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole article and the SHA-256 of the file it came from. */
    public record StoredArticle(Article article, String sourceHash) {}

    /** An article as stored, for writing it again (with vectors); empty when this index lacks it. */
    public Optional<StoredArticle> storedArticle(String id) {
        try {
            TopDocs hits = searcher.search(ofArticle(ARTICLES, id), 1);
            if (hits.scoreDocs.length == 0) {
                return Optional.empty();
            }
            Document doc = searcher.storedFields().document(hits.scoreDocs[0].doc,
                    Set.of(IndexConstants.ARTICLE_JSON, IndexConstants.SOURCE_HASH));
            return Optional.of(new StoredArticle(
                    IndexGenerator.JSON.readValue(doc.get(IndexConstants.ARTICLE_JSON), Article.class),
                    doc.get(IndexConstants.SOURCE_HASH)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An article's passages, in order. */
    public List<Passage> passagesOf(String id) {
        try {
            // Counted first: a collector sized for every passage of the index would cost that much per article.
            Query query = ofArticle(PASSAGES, id);
            ScoreDoc[] hits = searcher.search(query, Math.max(1, searcher.count(query))).scoreDocs;
            List<Passage> passages = new ArrayList<>(hits.length);
            for (ScoreDoc hit : hits) {
                passages.add(readPassage(searcher.storedFields().document(hit.doc)));
            }
            passages.sort(Comparator.comparingInt(Passage::ordinal));
            return passages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every article's header, sorted by ID; read on first use and then kept, as listing is rare. */
    public List<ArticleHeader> articles() {
        List<ArticleHeader> all = headers;
        if (all == null) {
            synchronized (this) {
                if (headers == null) {
                    headers = readHeaders();
                }
                all = headers;
            }
        }
        return all;
    }

    /**
     * The ID of the article whose ID equals {@code id} but for case and how an accent is encoded, as people and
     * case-blind file systems tell IDs apart ({@link NewsCollection#idKey}); the corpus holds at most one such.
     * The map is made on first use and kept, so that a lookup that misses costs no walk over every article.
     */
    public Optional<String> idSpelledAs(String id) {
        Map<String, String> byKey = idsByKey;
        if (byKey == null) {
            byKey = new HashMap<>();
            for (ArticleHeader header : articles()) {
                byKey.putIfAbsent(NewsCollection.idKey(header.id()), header.id());
            }
            idsByKey = byKey;
        }
        return Optional.ofNullable(byKey.get(NewsCollection.idKey(id)));
    }

    private List<ArticleHeader> readHeaders() {
        try {
            List<ArticleHeader> all = new ArrayList<>(articleCount);
            for (ScoreDoc hit : searcher.search(ARTICLES, Math.max(1, articleCount)).scoreDocs) {
                String json = searcher.storedFields().document(hit.doc, Set.of(IndexConstants.ARTICLE_HEADER))
                        .get(IndexConstants.ARTICLE_HEADER);
                all.add(IndexGenerator.JSON.readValue(json, ArticleHeader.class));
            }
            all.sort(Comparator.comparing(ArticleHeader::id));
            return List.copyOf(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One page of the article list, and how many articles the whole list holds. */
    public record ArticlePage(int count, List<ArticleHeader> articles) {}

    /** Newest first; undated articles last; one day's articles (and the undated) by ID. */
    private static final Sort NEWEST_FIRST = newestFirst();

    private static Sort newestFirst() {
        SortField date = new SortField(IndexConstants.ARTICLE_DATE, SortField.Type.LONG, true);
        date.setMissingValue(Long.MIN_VALUE);
        return new Sort(date, new SortField(IndexConstants.ARTICLE_ID, SortField.Type.STRING));
    }

    /**
     * Articles newest first, from {@code offset}, at most {@code limit} of them. With a {@code search}, only
     * those whose title has, for each of its words, a word starting with it ("ukr pea" finds "Ukraine peace
     * talks"); a search without words finds nothing.
     */
    public ArticlePage articles(String search, int offset, int limit) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(ARTICLES, BooleanClause.Occur.FILTER);
        if (search != null && !search.isBlank()) {
            List<String> words = TitleTerms.of(search);
            if (words.isEmpty()) {
                return new ArticlePage(0, List.of());
            }
            for (String word : words) {
                query.add(new PrefixQuery(new Term(IndexConstants.ARTICLE_TITLE_TERMS, word)),
                        BooleanClause.Occur.FILTER);
            }
        }
        try {
            Query q = query.build();
            int count = searcher.count(q);
            // Never collect more than there is, so that a large offset costs no more than the list's length.
            int wanted = (int) Math.min((long) offset + limit, count);
            if (offset >= wanted) {
                return new ArticlePage(count, List.of());
            }
            ScoreDoc[] hits = searcher.search(q, wanted, NEWEST_FIRST).scoreDocs;
            List<ArticleHeader> page = new ArrayList<>(hits.length - offset);
            for (int i = offset; i < hits.length; i++) {
                String json = searcher.storedFields().document(hits[i].doc, Set.of(IndexConstants.ARTICLE_HEADER))
                        .get(IndexConstants.ARTICLE_HEADER);
                page.add(IndexGenerator.JSON.readValue(json, ArticleHeader.class));
            }
            return new ArticlePage(count, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every n-th article in ID order, at most {@code max} of them, read whole but not kept: for a scan of the
     * corpus that should neither hold it all in memory nor push the recently read articles out.
     */
    public void sampleArticles(int max, Consumer<Article> visitor) {
        try {
            ScoreDoc[] all = searcher.search(ARTICLES, Math.max(1, articleCount),
                    new Sort(new SortField(IndexConstants.ARTICLE_ID, SortField.Type.STRING))).scoreDocs;
            double step = Math.max(1.0, all.length / (double) max);
            for (double i = 0; i < all.length; i += step) {
                String json = searcher.storedFields().document(all[(int) i].doc, Set.of(IndexConstants.ARTICLE_JSON))
                        .get(IndexConstants.ARTICLE_JSON);
                visitor.accept(IndexGenerator.JSON.readValue(json, Article.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An article's publication date, read from its document's doc values rather than its stored text; empty when
     * it is undated or not in the index.
     */
    public Optional<LocalDate> articleDate(String id) {
        try {
            TopDocs hits = searcher.search(ofArticle(ARTICLES, id), 1);
            if (hits.scoreDocs.length == 0) {
                return Optional.empty();
            }
            int doc = hits.scoreDocs[0].doc;
            LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
            NumericDocValues days = DocValues.getNumeric(leaf.reader(), IndexConstants.ARTICLE_DATE);
            return days.advanceExact(doc - leaf.docBase) ? Optional.of(LocalDate.ofEpochDay(days.longValue()))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole cleaned article. */
    public Optional<Article> article(String id) {
        return recent.get(id, this::readArticle);
    }

    /** The documents of one kind ({@link #ARTICLES}, {@link #PASSAGES}) of one article. */
    private static Query ofArticle(Query kind, String id) {
        return new BooleanQuery.Builder()
                .add(kind, BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexConstants.ARTICLE_ID, id)), BooleanClause.Occur.FILTER)
                .build();
    }

    private Optional<Article> readArticle(String id) {
        try {
            TopDocs hits = searcher.search(ofArticle(ARTICLES, id), 1);
            if (hits.scoreDocs.length == 0) {
                return Optional.empty();
            }
            String json = searcher.storedFields().document(hits.scoreDocs[0].doc).get(IndexConstants.ARTICLE_JSON);
            return Optional.of(IndexGenerator.JSON.readValue(json, Article.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a passage document back into its parts. */
    public StoredPassage passage(int docId) {
        Decoded d = decoded.get(docId, this::decode);
        Article article = article(d.passage().articleId()).orElseThrow(
                () -> new IllegalStateException("passage " + d.passage().key() + " has no article in " + path));
        return new StoredPassage(article, d.passage(), d.vector());
    }

    /** A passage document's parts, without its article. */
    private record Decoded(Passage passage, float[] vector) {}

    private Decoded decode(int docId) {
        try {
            return new Decoded(readPassage(searcher.storedFields().document(docId)), passageVector(docId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Passage readPassage(Document doc) {
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
        return new Passage(articleId, Integer.parseInt(key.substring(key.lastIndexOf('#') + 1)), sentences);
    }

    /** The passage's embedding, or null in a BM25-only index (or for a text the model could not embed). */
    private float[] passageVector(int docId) throws IOException {
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(docId, reader.leaves()));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(IndexConstants.VECTOR);
        if (values == null) {
            return null;
        }
        KnnVectorValues.DocIndexIterator it = values.iterator();
        int target = docId - leaf.docBase;
        return it.advance(target) == target ? values.vectorValue(it.index()).clone() : null;
    }

    /** The passage with the given {@link Passage#key()}, if this index has it. */
    public Optional<StoredPassage> passage(String key) {
        OptionalInt doc = passageDoc(key);
        return doc.isEmpty() ? Optional.empty() : Optional.of(passage(doc.getAsInt()));
    }

    /** The article a passage or article document belongs to, read from doc values: cheap for many hits. */
    public String articleId(int doc) {
        try {
            LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
            SortedDocValues ids = DocValues.getSorted(leaf.reader(), IndexConstants.ARTICLE_ID);
            if (!ids.advanceExact(doc - leaf.docBase)) {
                throw new IllegalStateException("document " + doc + " has no article ID in " + path);
            }
            return ids.lookupOrd(ids.ordValue()).utf8ToString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Term statistics of the passages, for one question ({@link QuestionTermStats}: not to be shared between threads). */
    public TermStats termStats() {
        return new QuestionTermStats(searcher.getIndexReader(), passageCount);
    }

    /** The document number of the passage with the given {@link Passage#key()}, if this index has it. */
    public OptionalInt passageDoc(String key) {
        try {
            TopDocs hits = searcher.search(new TermQuery(new Term(IndexConstants.PASSAGE_KEY, key)), 1);
            return hits.scoreDocs.length == 0 ? OptionalInt.empty() : OptionalInt.of(hits.scoreDocs[0].doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
