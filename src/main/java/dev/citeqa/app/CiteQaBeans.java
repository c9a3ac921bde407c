package dev.citeqa.app;

import dev.citeqa.analysis.Spelling;
import dev.citeqa.answer.Answerer;
import dev.citeqa.answer.CitationVerifier;
import dev.citeqa.answer.extractive.ExtractiveAnswerer;
import dev.citeqa.answer.llm.ChatModelFactory;
import dev.citeqa.answer.llm.FollowUpCondenser;
import dev.citeqa.answer.llm.LlmAnswerer;
import dev.citeqa.answer.llm.PromptInjector;
import dev.citeqa.answer.llm.Prompts;
import dev.citeqa.chat.ChatMetrics;
import dev.citeqa.chat.ChatService;
import dev.citeqa.chat.ConversationStore;
import dev.citeqa.chat.FollowUpResolver;
import dev.citeqa.chat.StarterQuestions;
import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.embed.Embedder;
import dev.citeqa.embed.EmbeddingCache;
import dev.citeqa.embed.EmbeddingModels;
import dev.citeqa.search.PassageSearcher;
import dev.citeqa.search.Ranker;
import dev.citeqa.search.opensearch.OpenSearchBackend;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.rag.query.transformer.QueryTransformer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Wires the pipeline from configuration: embedder, searcher, answerers and the chat service. The classes
 * it builds know nothing of CDI, so tests and the evaluation command can build them the same way.
 */
@ApplicationScoped
public class CiteQaBeans {

    private static final Logger LOG = Logger.getLogger(CiteQaBeans.class);

    /**
     * The embedding model, or none in BM25 mode: a corpus too large to embed on a CPU can still be searched
     * and answered on words alone, without paying the model's start-up time and memory.
     */
    @Produces
    @Singleton
    Embedder embedder(CiteQaConfig config, EmbeddingModelLoader loader) {
        if (!embeds(config)) {
            LOG.info(config.embedding().bm25Answers() ? "BM25 mode: nothing is embedded when indexing"
                    : "BM25 mode: no embedding model is loaded and nothing is embedded");
            return Embedder.none();
        }
        EmbeddingModels choice = EmbeddingModels.named(config.embedding().model());
        int maxChars = maxChars(config);
        EmbeddingModel model = loader.loadInBackground(choice);
        // The cache is keyed by the text actually embedded, so a max-chars change shares it safely.
        Path cacheFile = Path.of(config.data().dir(), "embeddings-" + choice.id() + ".bin");
        try {
            return new Embedder(model, EmbeddingCache.open(cacheFile, choice.dimension()), maxChars);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the embedding cache " + cacheFile, e);
        }
    }

    /**
     * The embedder the answerers use: the index's, or in BM25 mode with {@code citeqa.embedding.bm25-answers} one of
     * their own, which embeds only what they read and keeps it in memory, as it keeps a question's vector.
     */
    private static Embedder forAnswers(CiteQaConfig config, EmbeddingModelLoader loader, Embedder indexing) {
        if (indexing.available() || !config.embedding().bm25Answers()) {
            return indexing;
        }
        int maxChars = maxChars(config);
        LOG.info("BM25 mode: the embedding model is loaded for the answerer alone (citeqa.embedding.bm25-answers)");
        return Embedder.forAnswersOnly(loader.loadInBackground(EmbeddingModels.named(config.embedding().model())),
                maxChars);
    }

    /** The longest text embedded whole, checked wherever an embedder is made. */
    private static int maxChars(CiteQaConfig config) {
        require(config.embedding().maxChars() >= 0, "citeqa.embedding.max-chars must not be negative");
        return config.embedding().maxChars();
    }

    /** Where passages are ranked: the embedded index, or an OpenSearch cluster. */
    @Produces
    @Singleton
    Ranker ranker(CiteQaConfig config) {
        if (config.retrieval().backend() == CiteQaConfig.Backend.lucene) {
            return Ranker.LUCENE;
        }
        CiteQaConfig.OpenSearch os = config.opensearch();
        require(os.shards() >= 1, "citeqa.opensearch.shards must be positive");
        require(os.replicas() >= 0, "citeqa.opensearch.replicas must not be negative");
        LOG.infof("Ranking passages in OpenSearch at %s, alias %s", os.hosts(), os.index());
        return new OpenSearchBackend(os);
    }

    void closeRanker(@Disposes Ranker ranker) throws IOException {
        if (ranker instanceof Closeable closeable) {
            closeable.close();
        }
    }

    @Produces
    @Singleton
    PassageSearcher searcher(CiteQaConfig config, Embedder embedder, Ranker ranker) {
        CiteQaConfig.Retrieval r = config.retrieval();
        require(r.passages() >= 1 && r.passages() <= 100, "citeqa.retrieval.passages must be in 1..100");
        requireBoost(r.titleBoost(), "citeqa.retrieval.title-boost");
        requireBoost(r.anchorBoost(), "citeqa.retrieval.anchor-boost");
        requireBoost(r.bm25NameBoost(), "citeqa.retrieval.bm25-name-boost");
        require(r.depth() >= 1, "citeqa.retrieval.depth must be positive");
        require(r.rrfK() >= 1, "citeqa.retrieval.rrf-k must be positive");
        require(r.maxPerArticle() >= 1, "citeqa.retrieval.max-per-article must be positive");
        require(r.articleWeight() >= 0 && r.articleWeight() <= 1, "citeqa.retrieval.article-weight must be in 0..1");
        require(r.articleDepth() >= 1, "citeqa.retrieval.article-depth must be positive");
        require(r.articleMeaningShare() >= 0 && r.articleMeaningShare() <= 1,
                "citeqa.retrieval.article-meaning-share must be in 0..1");
        require(r.wordLeaders() >= 0, "citeqa.retrieval.word-leaders must not be negative");
        require(r.wordLeaderSlack() >= 0, "citeqa.retrieval.word-leader-slack must not be negative");
        require(r.askedYearBoost() >= 0 && r.askedYearBoost() <= 1, "citeqa.retrieval.asked-year-boost must be in 0..1");
        return new PassageSearcher(embedder, PassageSearcher.Settings.of(r), ranker);
    }

    @Produces
    @Singleton
    ConversationStore conversations(CiteQaConfig config) {
        CiteQaConfig.Conversation c = config.conversation();
        require(c.maxTurns() >= 1, "citeqa.conversation.max-turns must be positive");
        require(c.maxCount() >= 1, "citeqa.conversation.max-count must be positive");
        require(c.maxBytes().asLongValue() >= 1, "citeqa.conversation.max-bytes must be positive");
        return new ConversationStore(c.maxCount(), c.maxBytes().asLongValue(), c.idleTimeout(), c.maxTurns());
    }

    /** How a question's spelling is corrected, by the chat service and the search endpoint alike. */
    @Produces
    @Singleton
    Spelling.Settings spelling(CiteQaConfig config) {
        CiteQaConfig.Question.Spelling s = config.question().spelling();
        // Lucene's spell checker looks up no word under four letters.
        require(s.minLetters() >= 4, "citeqa.question.spelling.min-letters must be at least 4");
        require(s.minArticles() >= 1, "citeqa.question.spelling.min-articles must be positive");
        require(s.maxWords() >= 0, "citeqa.question.spelling.max-words must not be negative");
        return new Spelling.Settings(s.enabled(), s.minLetters(), s.minArticles(), s.maxWords());
    }

    /** Built at start-up, so that a bad model setting stops the service with a message naming the key. */
    @Produces
    @Singleton
    @Startup
    ChatService chatService(CiteQaConfig config, IndexService indexService, PassageSearcher searcher,
            ConversationStore conversations, Embedder indexing, EmbeddingModelLoader loader, MeterRegistry registry,
            Spelling.Settings spelling) {
        ChatMetrics metrics = new ChatMetrics(registry);
        Embedder embedder = forAnswers(config, loader, indexing);
        Answerer extractive = new ExtractiveAnswerer(embedder);
        FollowUpResolver resolver = new FollowUpResolver(conversations);
        ChatService.Retrieval retrieval = new ChatService.Retrieval(indexService::current, searcher,
                config.retrieval().passages(), config.retrieval().mode(), embedder.available(), spelling);
        if (config.answerer() == CiteQaConfig.AnswererKind.extractive) {
            LOG.info("Answering with the built-in extractive answerer");
            return new ChatService(retrieval, ChatService.Answering.extractive(resolver, extractive), conversations,
                    metrics);
        }
        ChatModelFactory.Models models = ChatModelFactory.create(config);
        Prompts prompts = Prompts.load(Path.of(config.prompts().dir()));
        Answerer llm = new LlmAnswerer(models, prompts, new CitationVerifier(embedder));
        LOG.infof("Answering with %s model %s, falling back to the extractive answerer", config.answerer(),
                models.name());
        QueryTransformer condenser = new FollowUpCondenser(models.chat(), prompts.condense(), resolver,
                config.question().maxChars());
        return new ChatService(retrieval, new ChatService.Answering(condenser, resolver,
                new PromptInjector(prompts.answer()), llm, extractive), conversations, metrics);
    }

    @Produces
    @Singleton
    StarterQuestions starterQuestions(ChatService chat) {
        return new StarterQuestions(chat::builtInAnswer, 4);
    }

    void closeStarterQuestions(@Disposes StarterQuestions starters) {
        starters.close();
    }

    /** For each index as it starts serving (its own start-up observer runs first), so that suggestions are ready early. */
    void prepareStarterQuestions(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event,
            StarterQuestions starters, IndexService indexService) {
        indexService.whenPublished(starters::prepare);
    }

    /** The embedding settings that change what is indexed, for the index fingerprint. */
    static String embeddingSettings(CiteQaConfig config) {
        CiteQaConfig.Embedding e = config.embedding();
        return EmbeddingModels.named(e.model()).id() + ";maxChars=" + e.maxChars() + ";quantized=" + e.quantized();
    }

    /** Whether the index holds embeddings, which dense and hybrid retrieval need. */
    static boolean embeds(CiteQaConfig config) {
        return config.retrieval().mode() != CiteQaConfig.RetrievalMode.bm25;
    }

    /** Lucene refuses a negative or infinite boost, but only once a question is asked; 0 turns a clause off. */
    private static void requireBoost(float boost, String key) {
        require(boost >= 0 && Float.isFinite(boost), key + " must be a finite number, 0 or more");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
