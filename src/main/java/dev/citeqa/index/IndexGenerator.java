package dev.citeqa.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.citeqa.analysis.NewsAnalyzer;
import dev.citeqa.analysis.Spelling;
import dev.citeqa.collection.Article;
import dev.citeqa.collection.ArticleParser;
import dev.citeqa.collection.DateOrder;
import dev.citeqa.collection.FileNames;
import dev.citeqa.collection.NewsCollection;
import dev.citeqa.collection.Passage;
import dev.citeqa.collection.PassageChunker;
import dev.citeqa.collection.Sentence;
import dev.citeqa.collection.SkipReason;
import dev.citeqa.embed.Embedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene103.Lucene103Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.jboss.logging.Logger;

/**
 * Writes scanned corpus files into an index folder: parse, clean, chunk, embed, index. A full build fills an
 * empty folder; an update replaces some articles in a copy of the current index. When more texts are new to
 * the embedding cache than the model embeds in a moment, the articles are written without vectors (marked
 * {@link IndexConstants#VECTORS_PENDING}), so that BM25 can answer from them at once, and {@link #addVectors}
 * embeds them into the next generation.
 */
public final class IndexGenerator {

    private static final Logger LOG = Logger.getLogger(IndexGenerator.class);
    public static final ObjectMapper JSON = new ObjectMapper();

    private final PassageChunker chunker;
    private final Embedder embedder;
    private final DirectoryOpener directories;
    private final boolean quantized;
    private final int inlineTexts;
    private final BuildProgress progress;

    public IndexGenerator(PassageChunker chunker, Embedder embedder) {
        this(chunker, embedder, FSDirectory::open, false);
    }

    /** @param quantized passage vectors in the HNSW graph as 7-bit integers rather than floats */
    public IndexGenerator(PassageChunker chunker, Embedder embedder, boolean quantized) {
        this(chunker, embedder, FSDirectory::open, quantized);
    }

    public IndexGenerator(PassageChunker chunker, Embedder embedder, DirectoryOpener directories) {
        this(chunker, embedder, directories, false);
    }

    public IndexGenerator(PassageChunker chunker, Embedder embedder, DirectoryOpener directories, boolean quantized) {
        this(chunker, embedder, directories, quantized, Integer.MAX_VALUE, new BuildProgress());
    }

    /**
     * @param inlineTexts the most texts new to the embedding cache that a build embeds before it commits; with
     *     more, it commits the words alone and {@link #addVectors} embeds them into the next generation
     * @param progress where the build reports how far it has got, and learns that it should stop
     */
    public IndexGenerator(PassageChunker chunker, Embedder embedder, DirectoryOpener directories, boolean quantized,
            int inlineTexts, BuildProgress progress) {
        this.chunker = chunker;
        this.embedder = embedder;
        this.directories = directories;
        this.quantized = quantized;
        this.inlineTexts = inlineTexts;
        this.progress = progress;
    }

    public BuildProgress progress() {
        return progress;
    }

    /**
     * Lucene's codec with scalar-quantised HNSW vectors: a quarter of the bytes per vector searched. The
     * per-field format records its name in the segment, so a reader opens the index without being told.
     */
    public static final Codec QUANTIZED_VECTORS = new Lucene103Codec() {
        private final KnnVectorsFormat format = new Lucene99HnswScalarQuantizedVectorsFormat();

        @Override
        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return format;
        }
    };

    /**
     * What one build or update wrote: articles and passages added, the corpus files left out (all of them,
     * also after an update: a file skipped before is read again), and texts the model could not embed.
     */
    public record Stats(int articles, int passages, List<NewsCollection.Skipped> skipped, int textsNotEmbedded) {

        public Stats {
            skipped = List.copyOf(skipped);
        }

        Stats withTextsNotEmbedded(long count) {
            return new Stats(articles, passages, skipped, (int) count);
        }
    }

    /** One article with everything the index stores for it. */
    private record Parsed(Article article, String sourceHash, List<Passage> passages) {}

    /** What parsing needs to know of the whole corpus, and the files its scan already skipped. */
    private record Corpus(List<NewsCollection.Skipped> skipped, DateOrder dateOrder) {}

    /** Opens the index folder; tests wrap it to simulate a full disk. */
    @FunctionalInterface
    public interface DirectoryOpener {
        Directory open(Path path) throws IOException;
    }

    /** Writes a fresh index of {@code scan} into the empty folder {@code target}. */
    public Stats build(NewsCollection.Scan scan, Path target, Map<String, String> commitData) throws IOException {
        long notEmbedded = embedder.notEmbedded();
        return write(target, IndexWriterConfig.OpenMode.CREATE, List.of(), scan.files(), corpus(scan), commitData)
                .withTextsNotEmbedded(embedder.notEmbedded() - notEmbedded);
    }

    /**
     * Brings the index in {@code target} (a copy of the current generation) up to date in a new commit:
     * every document of the {@code removed} articles goes, and the {@code added} files are indexed. An edited
     * file is in both. Only the added files are parsed and embedded; {@code scan} is the whole corpus's.
     */
    public Stats update(Path target, Collection<String> removed, List<NewsCollection.SourceFile> added,
            NewsCollection.Scan scan, Map<String, String> commitData) throws IOException {
        long notEmbedded = embedder.notEmbedded();
        return write(target, IndexWriterConfig.OpenMode.APPEND, removed, added, corpus(scan), commitData)
                .withTextsNotEmbedded(embedder.notEmbedded() - notEmbedded);
    }

    private static Corpus corpus(NewsCollection.Scan scan) {
        return new Corpus(scan.skipped(), scan.dates().order());
    }

    private Stats write(Path target, IndexWriterConfig.OpenMode mode, Collection<String> removed,
            List<NewsCollection.SourceFile> files, Corpus corpus, Map<String, String> commitData)
            throws IOException {
        Queue<NewsCollection.Skipped> skipped = new ConcurrentLinkedQueue<>(corpus.skipped());
        progress.phase(BuildProgress.Phase.PARSING, files.size());
        // Parsing and indexing are CPU-bound and independent per article, so both are spread over the cores.
        List<Parsed> parsed = files.parallelStream().map(file -> {
            progress.check();
            Optional<Parsed> article = parse(file, corpus.dateOrder(), skipped);
            progress.advance(1);
            return article;
        }).flatMap(Optional::stream).toList();

        // Passages only: a vector per sentence cost ten times as many texts for what the passage's own vector
        // and the words already tell the answerer (docs/evaluation.md).
        List<String> passageTexts = new ArrayList<>();
        int[] firstPassage = new int[parsed.size()];
        for (int i = 0; i < parsed.size(); i++) {
            Parsed p = parsed.get(i);
            firstPassage[i] = passageTexts.size();
            for (Passage passage : p.passages()) {
                passageTexts.add(embeddingText(p.article().title(), passage));
            }
        }
        // Embedding inline holds the words back until the model is done: worth it only for a few new texts.
        int uncached = embedder.uncached(passageTexts);
        boolean embed = embedder.available() && uncached <= inlineTexts;
        boolean pending = embedder.available() && !embed;
        List<float[]> passageVectors = null;
        if (embed) {
            progress.phase(BuildProgress.Phase.EMBEDDING, passageTexts.size());
            passageVectors = embedder.embedAll(passageTexts, progress);
        } else if (pending) {
            LOG.infof("Writing %d articles for BM25 first: %d texts are new to the embedding cache, and their "
                    + "vectors follow in the next generation", parsed.size(), uncached);
        }
        List<float[]> vectors = passageVectors;

        progress.phase(BuildProgress.Phase.LEXICAL, parsed.size());
        try (Directory dir = directories.open(target)) {
            IndexWriter writer = new IndexWriter(dir, writerConfig(mode));
            try {
                for (String id : removed) {
                    // Both kinds of document carry the article ID, so one term removes the article and its passages.
                    writer.deleteDocuments(new Term(IndexConstants.ARTICLE_ID, id));
                }
                IntStream.range(0, parsed.size()).parallel().forEach(i -> {
                    progress.check();
                    Parsed p = parsed.get(i);
                    List<Document> docs = new ArrayList<>();
                    docs.add(articleDocument(p.article(), p.sourceHash(), pending));
                    for (int j = 0; j < p.passages().size(); j++) {
                        Document doc = passageDocument(p.article(), p.passages().get(j), pending);
                        if (vectors != null) {
                            addVector(doc, vectors.get(firstPassage[i] + j));
                        }
                        docs.add(doc);
                    }
                    add(writer, docs);
                    progress.advance(1);
                });
                commit(writer, commitData, parsed.size());
            } catch (Throwable e) {
                writer.rollback();
                throw e;
            }
            writer.close();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Stats(parsed.size(), passageTexts.size(),
                skipped.stream().sorted(Comparator.comparing(NewsCollection.Skipped::file)).toList(), 0);
    }

    /**
     * Brings the index in {@code target} (a copy of {@code source}'s latest commit) to one where every article
     * has its vectors: the articles {@code source} marks pending are embedded and written again, a few hundred
     * passages at a time, each batch of vectors going to the embedding cache as soon as it is computed. Their
     * text is read back from {@code source}, not from the corpus folder, so the words stay those it serves.
     */
    public Stats addVectors(Path target, CorpusIndex source, Map<String, String> commitData) throws IOException {
        long notEmbedded = embedder.notEmbedded();
        List<String> ids = source.pendingArticleIds();
        progress.phase(BuildProgress.Phase.EMBEDDING, source.pendingPassages());
        int passages = 0;
        try (Directory dir = directories.open(target)) {
            IndexWriter writer = new IndexWriter(dir, writerConfig(IndexWriterConfig.OpenMode.APPEND));
            try {
                List<CorpusIndex.StoredArticle> articles = new ArrayList<>();
                List<List<Passage>> articlePassages = new ArrayList<>();
                int batched = 0;
                for (int i = 0; i < ids.size(); i++) {
                    progress.check();
                    CorpusIndex.StoredArticle article = source.storedArticle(ids.get(i)).orElseThrow();
                    List<Passage> ofArticle = source.passagesOf(ids.get(i));
                    articles.add(article);
                    articlePassages.add(ofArticle);
                    batched += ofArticle.size();
                    passages += ofArticle.size();
                    if (batched >= VECTOR_BATCH || i == ids.size() - 1) {
                        rewriteWithVectors(writer, articles, articlePassages);
                        articles.clear();
                        articlePassages.clear();
                        batched = 0;
                    }
                }
                commit(writer, commitData, ids.size());
            } catch (Throwable e) {
                writer.rollback();
                throw e;
            }
            writer.close();
        }
        return new Stats(ids.size(), passages, source.skipped(), (int) (embedder.notEmbedded() - notEmbedded));
    }

    /** Passages embedded per step of {@link #addVectors}: their vectors wait in memory until written. */
    private static final int VECTOR_BATCH = 512;

    private void rewriteWithVectors(IndexWriter writer, List<CorpusIndex.StoredArticle> articles,
            List<List<Passage>> passages) throws IOException {
        List<String> texts = new ArrayList<>();
        for (int a = 0; a < articles.size(); a++) {
            for (Passage passage : passages.get(a)) {
                texts.add(embeddingText(articles.get(a).article().title(), passage));
            }
        }
        List<float[]> vectors = embedder.embedAll(texts, progress);
        int next = 0;
        for (int a = 0; a < articles.size(); a++) {
            Article article = articles.get(a).article();
            List<Document> docs = new ArrayList<>();
            docs.add(articleDocument(article, articles.get(a).sourceHash(), false));
            for (Passage passage : passages.get(a)) {
                Document doc = passageDocument(article, passage, false);
                addVector(doc, vectors.get(next++));
                docs.add(doc);
            }
            // Replaces the article's block (its document and passages) in one step.
            writer.updateDocuments(new Term(IndexConstants.ARTICLE_ID, article.id()), docs);
        }
    }

    private IndexWriterConfig writerConfig(IndexWriterConfig.OpenMode mode) {
        // A larger buffer than the default 16 MB means fewer, larger segments to merge.
        // Articles' words as written, for spelling corrections; every other text field with the English chain.
        IndexWriterConfig config = new IndexWriterConfig(new PerFieldAnalyzerWrapper(NewsAnalyzer.forText(),
                Map.of(IndexConstants.ARTICLE_WORDS, Spelling.wordAnalyzer())))
                .setOpenMode(mode)
                .setRAMBufferSizeMB(64);
        if (quantized) {
            config.setCodec(QUANTIZED_VECTORS);
        }
        return config;
    }

    private static void add(IndexWriter writer, List<Document> docs) {
        try {
            // One block per article: its document and its passages stay together in one segment.
            writer.addDocuments(docs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void commit(IndexWriter writer, Map<String, String> commitData, int articles) throws IOException {
        progress.check();
        progress.phase(BuildProgress.Phase.COMMITTING, articles);
        // The fingerprint rides in the commit itself, so an index can never claim a corpus it lacks.
        writer.setLiveCommitData(commitData.entrySet());
        writer.commit();
        progress.advance(articles);
    }

    /**
     * Only a file without a letter or digit in it has no article: cleaning never takes the last words. A file whose
     * reading fails (a stack overflow, a parser bug), however, is skipped with its reason, and the build goes on without
     * it: one file must never cost the others their place in the index.
     */
    private Optional<Parsed> parse(NewsCollection.SourceFile file, DateOrder dateOrder,
            Queue<NewsCollection.Skipped> skipped) {
        Optional<ArticleParser.Parsed> parsed;
        try {
            parsed = ArticleParser.read(file.id(), file.text(), dateOrder);
        } catch (StackOverflowError | RuntimeException e) {
            // Not an OutOfMemoryError: files are parsed side by side, so the file that meets it may not be the one
            // that caused it; the build fails as a whole and is tried again.
            LOG.warnf(e, "Skipping %s: %s", FileNames.forLog(file.name()), SkipReason.UNPARSABLE.description());
            skipped.add(new NewsCollection.Skipped(file.name(), SkipReason.UNPARSABLE));
            return Optional.empty();
        }
        if (parsed.isEmpty()) {
            LOG.warnf("Skipping %s: %s", FileNames.forLog(file.name()), SkipReason.NO_TEXT.description());
            skipped.add(new NewsCollection.Skipped(file.name(), SkipReason.NO_TEXT));
            return Optional.empty();
        }
        Article article = parsed.get().article();
        return Optional.of(new Parsed(article, file.hash(), chunker.chunk(file.id(), parsed.get().sentences())));
    }

    /**
     * Drops from the embedding cache the vectors of passages {@code index} no longer holds, when they outnumber
     * the live ones ({@link Embedder#compactCache}); nothing in BM25 mode. A failure costs only the disk space.
     */
    void compactEmbeddings(CorpusIndex index) {
        if (!embedder.available() || index.pendingArticles() > 0) {
            return; // vectors still to come are computed, and cached, from the texts this index holds
        }
        if (index.articleCount() == 0) {
            // A folder with no article left is more often a share unmounted, or a folder moved away and back, than
            // one to forget: its vectors cost minutes a thousand articles to make again.
            return;
        }
        try {
            long dropped = embedder.compactCache(index.passageCount(), () -> {
                List<String> texts = new ArrayList<>(index.passageCount());
                for (ArticleHeader article : index.articles()) {
                    index.passagesOf(article.id()).forEach(p -> texts.add(embeddingText(article.title(), p)));
                }
                return texts;
            });
            if (dropped > 0) {
                LOG.infof("Dropped %d vectors of texts no longer indexed from the embedding cache", dropped);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Could not compact the embedding cache (%s); it keeps the vectors of texts no longer indexed",
                    e.toString());
        }
    }

    /** The title gives a passage its context: "he said" means little without knowing the story. */
    public static String embeddingText(String title, Passage passage) {
        return title + "\n" + passage.text();
    }

    /** Which articles have a word, and nothing else: a spelling correction asks no more. */
    private static final FieldType WORDS = wordsType();

    private static FieldType wordsType() {
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS);
        type.setOmitNorms(true);
        type.setTokenized(true);
        type.freeze();
        return type;
    }

    private static Document articleDocument(Article article, String sourceHash, boolean pending) {
        Document doc = new Document();
        markPending(doc, pending);
        doc.add(new StoredField(IndexConstants.SOURCE_HASH, sourceHash));
        doc.add(new StringField(IndexConstants.KIND, IndexConstants.KIND_ARTICLE, Field.Store.NO));
        addArticleId(doc, article.id());
        String whole = article.metadataText() + "\n" + article.text();
        doc.add(new TextField(IndexConstants.ARTICLE_TEXT, whole, Field.Store.NO));
        doc.add(new Field(IndexConstants.ARTICLE_WORDS, whole, WORDS));
        for (String term : TitleTerms.of(article.title())) {
            doc.add(new StringField(IndexConstants.ARTICLE_TITLE_TERMS, term, Field.Store.NO));
        }
        if (article.date() != null) {
            long day = LocalDate.parse(article.date()).toEpochDay();
            doc.add(new NumericDocValuesField(IndexConstants.ARTICLE_DATE, day));
        }
        try {
            doc.add(new StoredField(IndexConstants.ARTICLE_JSON, JSON.writeValueAsString(article)));
            doc.add(new StoredField(IndexConstants.ARTICLE_HEADER, JSON.writeValueAsString(ArticleHeader.of(article))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an article is plain data and always serialises", e);
        }
        return doc;
    }

    private static void addArticleId(Document doc, String id) {
        doc.add(new StringField(IndexConstants.ARTICLE_ID, id, Field.Store.YES));
        doc.add(new SortedDocValuesField(IndexConstants.ARTICLE_ID, new BytesRef(id)));
    }

    private static void markPending(Document doc, boolean pending) {
        if (pending) {
            doc.add(new StringField(IndexConstants.VECTORS_PENDING, IndexConstants.PENDING, Field.Store.NO));
        }
    }

    private static Document passageDocument(Article article, Passage passage, boolean pending) {
        Document doc = new Document();
        markPending(doc, pending);
        doc.add(new StringField(IndexConstants.KIND, IndexConstants.KIND_PASSAGE, Field.Store.NO));
        addArticleId(doc, passage.articleId());
        doc.add(new StringField(IndexConstants.PASSAGE_KEY, passage.key(), Field.Store.YES));
        doc.add(new TextField(IndexConstants.TITLE, article.metadataText(), Field.Store.NO));
        doc.add(new TextField(IndexConstants.BODY, passage.text(), Field.Store.NO));
        for (Sentence s : passage.sentences()) {
            doc.add(new StoredField(IndexConstants.SENTENCE, s.text()));
            doc.add(new StoredField(IndexConstants.SENTENCE_START, s.start()));
            doc.add(new StoredField(IndexConstants.SENTENCE_END, s.end()));
        }
        return doc;
    }

    private static void addVector(Document doc, float[] vector) {
        // A passage the model could not embed is found by its words only: a zero vector in the graph would
        // score the same against every question.
        if (!Embedder.isNone(vector)) {
            doc.add(new KnnFloatVectorField(IndexConstants.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
    }
}
