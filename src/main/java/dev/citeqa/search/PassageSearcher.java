package dev.citeqa.search;

import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.embed.Embedder;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.IndexConstants;
import dev.citeqa.analysis.QuestionAnalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * Ranks passages for a question in a cascade: BM25, embedding similarity (HNSW kNN), or both fused with
 * Lucene's reciprocal rank fusion; then the ranking of whole articles mixed in ({@link ArticleRanker}), by their
 * words, and by their meaning too when meanings are compared. Results are then spread across articles, so that
 * one long article cannot crowd the others out of the top ranks.
 */
public final class PassageSearcher {

    /**
     * @param titleBoost weight of the title field against the body field in BM25
     * @param anchorBoost weight of the question's figures against its other words in BM25, and of its names
     *     beside a dense list
     * @param bm25NameBoost weight of the question's names when BM25 ranks alone, without a dense list, and in
     *     the whole-article ranking of every mode
     * @param depth candidates taken from each ranked list before fusion and diversification
     * @param rrfK the rank constant of reciprocal rank fusion
     * @param maxPerArticle passages an article may place before every other article has had its turn
     * @param articleWeight the share of a passage's score that its article's score gives, 0 to 1
     * @param articleDepth articles ranked as wholes
     * @param articleMeaningShare in dense and hybrid retrieval, the share of an article's score that its meaning
     *     gives
     * @param wordLeaders in hybrid retrieval, the articles ranked first by words alone that keep a place near the top
     * @param wordLeaderSlack the places such an article may fall below its rank by words alone
     * @param askedYearBoost the share a passage of a story dated in a year the question names adds to its score
     */
    public record Settings(float titleBoost, float anchorBoost, float bm25NameBoost, int depth, int rrfK,
            int maxPerArticle, float articleWeight, int articleDepth, float articleMeaningShare, int wordLeaders,
            int wordLeaderSlack, float askedYearBoost) {

        public static Settings of(CiteQaConfig.Retrieval r) {
            return new Settings(r.titleBoost(), r.anchorBoost(), r.bm25NameBoost(), r.depth(), r.rrfK(),
                    r.maxPerArticle(), r.articleWeight(), r.articleDepth(), r.articleMeaningShare(), r.wordLeaders(),
                    r.wordLeaderSlack(), r.askedYearBoost());
        }
    }

    private static final TopDocs NO_HITS =
            new TopDocs(new TotalHits(0, TotalHits.Relation.EQUAL_TO), new ScoreDoc[0]);

    /**
     * Where hybrid queries embed the question. One thread per core: the model is CPU-bound, so more threads
     * would only queue inside ONNX Runtime. Daemon threads, so that they never hold the JVM open.
     */
    private static final ExecutorService EMBEDDING_THREADS = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), Thread.ofPlatform().name("citeqa-embed-", 0).daemon().factory());

    private final Embedder embedder;
    private final Settings settings;
    private final Ranker ranker;
    private final ArticleRanker articles;
    private final AskedYearRanker askedYears;

    public PassageSearcher(Embedder embedder, Settings settings) {
        this(embedder, settings, Ranker.LUCENE);
    }

    /** @param ranker where the BM25 and kNN lists come from */
    public PassageSearcher(Embedder embedder, Settings settings, Ranker ranker) {
        this.embedder = embedder;
        this.settings = settings;
        this.ranker = ranker;
        this.articles = new ArticleRanker(settings.articleWeight(), settings.articleDepth(),
                settings.articleMeaningShare());
        this.askedYears = new AskedYearRanker(settings.askedYearBoost());
    }

    /**
     * The retrieval {@code index} can give for {@code wanted}: BM25 while some of its articles have no vectors
     * yet (dense retrieval would not find them), the wanted mode once all have.
     */
    public static RetrievalMode retrievalFor(CorpusIndex index, RetrievalMode wanted) {
        return wanted == RetrievalMode.bm25 || index.vectorsComplete() || index.pendingArticles() == 0
                && !index.hasVectors() ? wanted : RetrievalMode.bm25;
    }

    /** The top k passages for a query, spread across articles. */
    public List<PassageHit> search(CorpusIndex index, String query, int k, RetrievalMode mode) {
        return search(index, QuestionAnalysis.of(query), k, mode);
    }

    public List<PassageHit> search(CorpusIndex index, QuestionAnalysis question, int k, RetrievalMode mode) {
        return diversify(index, rank(index, question, k, mode), k, new HashMap<>());
    }

    /**
     * What an answerer reads: the top k spread across articles, then any of the k best-scoring passages
     * that the spreading pushed out. On a small corpus of related stories the spreading gives every article
     * its turn, and the third passage of the one story that answers would otherwise never be read.
     */
    public List<PassageHit> searchForAnswering(CorpusIndex index, QuestionAnalysis question, int k,
            RetrievalMode mode) {
        ScoreDoc[] ranked = rank(index, question, k, mode);
        Map<Integer, PassageHit> loaded = new HashMap<>();
        List<PassageHit> read = new ArrayList<>(diversify(index, ranked, k, loaded));
        for (int i = 0; i < Math.min(k, ranked.length); i++) {
            PassageHit hit = load(index, ranked[i], loaded);
            if (!read.contains(hit)) {
                read.add(hit);
            }
        }
        return read;
    }

    private ScoreDoc[] rank(CorpusIndex index, QuestionAnalysis analysis, int k, RetrievalMode mode) {
        String question = analysis.text();
        if (question.codePoints().noneMatch(Character::isLetterOrDigit)) {
            // Nothing to match ("?", "..."), and the embedding model refuses text its tokenizer empties.
            return NO_HITS.scoreDocs;
        }
        if (index.passageCount() == 0) {
            // An empty corpus has nothing to find, and no vector field either: it is not a BM25-only index.
            return NO_HITS.scoreDocs;
        }
        if (mode != RetrievalMode.bm25 && !index.hasVectors()) {
            throw new IllegalStateException("This index has no embeddings (it was built in BM25 mode); " + mode
                    + " retrieval needs citeqa.retrieval.mode=" + mode);
        }
        int depth = Math.max(k, settings.depth());
        try {
            QueryTerms terms = QueryTerms.of(index, analysis);
            // The model is most of a hybrid query's cost: BM25 runs while it embeds the question.
            CompletableFuture<float[]> vector = mode == RetrievalMode.bm25 ? null
                    : CompletableFuture.supplyAsync(() -> embedder.embed(question), EMBEDDING_THREADS);
            ScoreDoc[] topArticles = articles.top(index, articleQuery(terms));
            UnaryOperator<ScoreDoc[]> yearAsked = askedYears.forQuestion(index, analysis.years());
            // Hybrid's word leaders (keepLeaders) come from words alone, ranked while the model still works, and
            // are what a bm25 service would put first: the year the question names counts there too.
            ScoreDoc[] byWords = mode != RetrievalMode.hybrid || settings.wordLeaders() == 0 ? null
                    : yearAsked.apply(ranked(index, terms, topArticles, RetrievalMode.bm25, null, depth));
            ScoreDoc[] result = yearAsked.apply(ranked(index, terms, topArticles, mode, vector, depth));
            return byWords == null ? result
                    : keepLeaders(result, byWords, settings.wordLeaders(), settings.wordLeaderSlack(), index::articleId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One mode's ranking: its passage lists, fused, with the question's best articles mixed in.
     *
     * @param vector the question's embedding, still being made; null in BM25 mode
     */
    private ScoreDoc[] ranked(CorpusIndex index, QueryTerms terms, ScoreDoc[] topArticles, RetrievalMode mode,
            CompletableFuture<float[]> vector, int depth) throws IOException {
        Query passageQuery = lexicalQuery(terms, boosts(mode));
        TopDocs lexical = mode == RetrievalMode.dense ? null
                : passageQuery == null ? NO_HITS : ranker.lexical(index, passageQuery, depth);
        TopDocs semantic = vector == null ? null : dense(index, join(vector), depth);
        TopDocs ranked = lexical == null ? semantic
                : semantic == null ? lexical : fuse(lexical, semantic, depth, settings.rrfK());
        // A ranking that holds every passage matching the question's words leaves the article stage none to
        // add, so it is not asked to look for them (on a small corpus, most of what that stage would cost).
        return articles.rerank(index, topArticles, holdsEveryMatch(ranked, lexical) ? null : passageQuery, ranked,
                semantic).scoreDocs;
    }

    /**
     * {@code ranked} with the first {@code leaders} articles of {@code byWords} each no lower than its place there
     * plus {@code slack}: a leader ranked lower has its best passage moved up to that place, scored as the passage it
     * displaces; one {@code ranked} lacks comes in from {@code byWords} (at the end, scored no higher than the last,
     * when {@code ranked} has too few articles to reach that place). Fused with meanings, the stories that share the
     * most of the question's words could otherwise fall out of the first five (docs/evaluation.md, "Word leaders").
     */
    static ScoreDoc[] keepLeaders(ScoreDoc[] ranked, ScoreDoc[] byWords, int leaders, int slack,
            IntFunction<String> articleOf) {
        // Reading an article id opens the index's doc values: each passage's is read once.
        Map<Integer, String> ids = new HashMap<>();
        IntFunction<String> article = doc -> ids.computeIfAbsent(doc, articleOf::apply);
        List<ScoreDoc> out = new ArrayList<>(List.of(ranked));
        List<ScoreDoc> leading = firstOfEachArticle(List.of(byWords), leaders, article);
        for (int i = 0; i < leading.size(); i++) {
            String leader = article.apply(leading.get(i).doc);
            int place = i + slack;
            List<ScoreDoc> firsts = firstOfEachArticle(out, Integer.MAX_VALUE, article);
            int now = firsts.stream().map(d -> article.apply(d.doc)).toList().indexOf(leader);
            if (now >= 0 && now <= place) {
                continue;
            }
            ScoreDoc moved = now >= 0 ? firsts.get(now) : leading.get(i);
            if (now >= 0) {
                out.remove(moved);
            } else if (place >= firsts.size()) {
                float last = out.isEmpty() ? moved.score : out.getLast().score;
                out.add(new ScoreDoc(moved.doc, Math.min(moved.score, last), moved.shardIndex));
                continue;
            }
            ScoreDoc displaced = firstOfEachArticle(out, place + 1, article).get(place);
            out.add(out.indexOf(displaced), new ScoreDoc(moved.doc, displaced.score, moved.shardIndex));
        }
        return out.toArray(ScoreDoc[]::new);
    }

    /** Each article's best passage, in the order of {@code ranked}, for the first {@code max} articles. */
    private static List<ScoreDoc> firstOfEachArticle(List<ScoreDoc> ranked, int max, IntFunction<String> articleOf) {
        Set<String> seen = new HashSet<>();
        List<ScoreDoc> firsts = new ArrayList<>();
        for (ScoreDoc hit : ranked) {
            if (firsts.size() >= max) {
                break;
            }
            if (seen.add(articleOf.apply(hit.doc))) {
                firsts.add(hit);
            }
        }
        return firsts;
    }

    private static float[] join(CompletableFuture<float[]> vector) {
        try {
            return vector.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Stored fields are read once per hit, and only for the hits looked at. */
    private static PassageHit load(CorpusIndex index, ScoreDoc hit, Map<Integer, PassageHit> loaded) {
        return loaded.computeIfAbsent(hit.doc, doc -> new PassageHit(index.passage(doc), hit.score));
    }

    /**
     * Reciprocal rank fusion, Lucene's own: each document scores the sum of 1 / (k + rank) over the lists
     * that hold it, so agreement between BM25 and dense outranks a high place in one list alone.
     */
    static TopDocs fuse(TopDocs lexical, TopDocs semantic, int depth, int k) {
        return TopDocs.rrf(depth, k, new TopDocs[] {lexical, semantic});
    }

    /**
     * Beside a dense list, which is blind to names, BM25 weighs the question's names up, so that the fused
     * ranking keeps to the stories that name them. Alone, it weighs them as its other words: doubled, a name
     * that many real stories share (a president, a country) outweighs the words that say what is asked about it
     * (docs/evaluation.md, "Names in BM25"). Figures weigh up in every mode.
     */
    QueryTerms.Boosts boosts(RetrievalMode mode) {
        return new QueryTerms.Boosts(mode == RetrievalMode.bm25 ? settings.bm25NameBoost() : settings.anchorBoost(),
                settings.anchorBoost());
    }

    /**
     * Whole articles weigh the question's names as BM25 alone does, in every mode: among thousands of stories a
     * name many of them share, doubled, picks the ones that name it most. Meaning, which the article stage mixes in
     * itself, takes the place that the doubled names keep for the fused passage list (docs/evaluation.md, "Names
     * in whole articles").
     */
    Query articleQuery(QueryTerms terms) {
        return terms.query(IndexConstants.ARTICLE_TEXT,
                new QueryTerms.Boosts(settings.bm25NameBoost(), settings.anchorBoost()));
    }

    /** BM25 over passage bodies plus a weighted match on the article title and date; null without terms. */
    private Query lexicalQuery(QueryTerms terms, QueryTerms.Boosts boosts) {
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(terms.query(IndexConstants.BODY, boosts), BooleanClause.Occur.SHOULD);
        if (settings.titleBoost() > 0) {
            query.add(new BoostQuery(terms.query(IndexConstants.TITLE, boosts), settings.titleBoost()),
                    BooleanClause.Occur.SHOULD);
        }
        return query.build();
    }

    /** Whether {@code ranked} holds every passage the question's words match: all of an exact, whole BM25 list. */
    static boolean holdsEveryMatch(TopDocs ranked, TopDocs lexical) {
        if (lexical == null || lexical.totalHits.relation() != TotalHits.Relation.EQUAL_TO
                || lexical.totalHits.value() > lexical.scoreDocs.length) {
            return false;
        }
        if (ranked == lexical) {
            return true;
        }
        Set<Integer> kept = new HashSet<>();
        for (ScoreDoc hit : ranked.scoreDocs) {
            kept.add(hit.doc);
        }
        for (ScoreDoc hit : lexical.scoreDocs) {
            if (!kept.contains(hit.doc)) {
                return false;
            }
        }
        return true;
    }

    private TopDocs dense(CorpusIndex index, float[] vector, int depth) throws IOException {
        TopDocs hits = ranker.nearest(index, vector, depth);
        // Lucene maps dot product d to (1 + d) / 2; report the cosine itself, which people know how to read.
        for (ScoreDoc hit : hits.scoreDocs) {
            hit.score = 2 * hit.score - 1;
        }
        return hits;
    }

    private List<PassageHit> diversify(CorpusIndex index, ScoreDoc[] ranked, int k, Map<Integer, PassageHit> loaded) {
        List<PassageHit> first = new ArrayList<>();
        List<PassageHit> deferred = new ArrayList<>();
        Map<String, Integer> perArticle = new HashMap<>();
        for (ScoreDoc doc : ranked) {
            PassageHit hit = load(index, doc, loaded);
            int seen = perArticle.merge(hit.stored().passage().articleId(), 1, Integer::sum);
            (seen <= settings.maxPerArticle() ? first : deferred).add(hit);
            if (first.size() >= k) {
                break;
            }
        }
        first.addAll(deferred);
        return first.subList(0, Math.min(k, first.size()));
    }
}
