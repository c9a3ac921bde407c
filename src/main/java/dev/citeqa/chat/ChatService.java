package dev.citeqa.chat;

import com.fasterxml.jackson.core.JacksonException;
import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.analysis.Spelling;
import dev.citeqa.answer.Answer;
import dev.citeqa.answer.AnswerRequest;
import dev.citeqa.answer.Answerer;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.search.LucenePassageRetriever;
import dev.citeqa.search.PassageContents;
import dev.citeqa.search.PassageHit;
import dev.citeqa.search.PassageSearcher;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.rag.AugmentationRequest;
import dev.langchain4j.rag.AugmentationResult;
import dev.langchain4j.rag.DefaultRetrievalAugmentor;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.aggregator.ContentAggregator;
import dev.langchain4j.rag.content.aggregator.DefaultContentAggregator;
import dev.langchain4j.rag.content.injector.ContentInjector;
import dev.langchain4j.rag.query.Metadata;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.rag.query.transformer.QueryTransformer;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * One turn of a conversation: resolve the question against the history, retrieve passages, answer, and
 * remember the turn. Retrieval runs through LangChain4j's {@link DefaultRetrievalAugmentor} (query
 * transformer, Lucene content retriever, prompt injector).
 *
 * <p>When the configured answerer fails (model server down, HTTP error, timeout), the extractive answerer
 * answers instead and the result says so; a model failure never becomes an error response.
 */
public final class ChatService {

    private static final Logger LOG = Logger.getLogger(ChatService.class);
    /** Fuses the lists of several queries or retrievers ({@link #aggregate}). */
    private static final ContentAggregator FUSER = new DefaultContentAggregator();

    private final Supplier<CorpusIndex> index;
    private final PassageSearcher searcher;
    private final ConversationStore conversations;
    private final QueryTransformer condenser;
    private final QueryTransformer resolver;
    private final ContentInjector injector;
    private final Answerer answerer;
    private final Answerer fallback;
    private final int passages;
    private final RetrievalMode defaultMode;
    private final boolean meanings;
    private final Spelling.Settings spelling;
    private final ChatMetrics metrics;

    /**
     * Where passages come from.
     *
     * @param index the index serving now
     * @param passages passages handed to the answerer
     * @param mode the retrieval mode unless a request names another
     * @param meanings whether answerers may compare meanings with the embedding model ({@link AnswerRequest#semantic})
     * @param spelling how a question's misspelled words are corrected before anything reads it
     */
    public record Retrieval(Supplier<CorpusIndex> index, PassageSearcher searcher, int passages, RetrievalMode mode,
            boolean meanings, Spelling.Settings spelling) {}

    /**
     * Who writes the answer.
     *
     * @param condenser rewrites follow-ups; may call a model, and falls back to {@code resolver} on failure
     * @param injector puts the passages into the prompt a model reads
     * @param fallback answers when {@code answerer} fails; the extractive answerer
     */
    public record Answering(QueryTransformer condenser, QueryTransformer resolver, ContentInjector injector,
            Answerer answerer, Answerer fallback) {

        /** The built-in answerer alone: no model to condense follow-ups or to read a prompt. */
        public static Answering extractive(QueryTransformer resolver, Answerer extractive) {
            return new Answering(resolver, resolver, (contents, message) -> message, extractive, extractive);
        }
    }

    public ChatService(Retrieval retrieval, Answering answering, ConversationStore conversations,
            ChatMetrics metrics) {
        this.index = retrieval.index();
        this.searcher = retrieval.searcher();
        this.passages = retrieval.passages();
        this.defaultMode = retrieval.mode();
        this.meanings = retrieval.meanings();
        this.spelling = retrieval.spelling();
        this.condenser = answering.condenser();
        this.resolver = answering.resolver();
        this.injector = answering.injector();
        this.answerer = answering.answerer();
        this.fallback = answering.fallback();
        this.conversations = conversations;
        this.metrics = metrics;
    }

    /**
     * The outcome of one turn.
     *
     * @param standaloneQuestion the question as retrieval saw it, after correcting its spelling and resolving the
     *     conversation
     * @param corrections the question's words read as others ({@link Spelling}), none when it was spelled right
     * @param suggestedQuestion the question with the articles' spelling of a name it was read without, or null
     * @param fallbackReason why the configured answerer was not used, or null when it was
     * @param retrieval the retrieval that found the passages: BM25 while the index's vectors are being built
     * @param resumed whether the question was read with earlier turns: false for a first question, and for a
     *     conversation ID the service never gave or has forgotten (idle, or restarted), which a client cannot
     *     otherwise tell from an answer
     */
    public record Result(String conversationId, String standaloneQuestion, List<Spelling.Correction> corrections,
            String suggestedQuestion, Answer answer, List<PassageHit> passages, String fallbackReason,
            Map<String, Long> timingsMs, RetrievalMode retrieval, boolean resumed) {

        public boolean fallback() {
            return fallbackReason != null;
        }
    }

    /** Receives a streamed turn as it happens. */
    public interface Listener {
        /** The retrieved passages, before any answer text. */
        void sources(String conversationId, String standaloneQuestion, List<PassageHit> passages);

        void token(String text);

        /** The configured answerer failed; the fallback answer follows as tokens. */
        void error(String reason);
    }

    public String defaultAnswerer() {
        return answerer.name();
    }

    /** Whether answerers compare meanings with the embedding model, or judge on words alone. */
    public boolean comparesMeanings() {
        return meanings;
    }

    public Result ask(String question, String conversationId, RetrievalMode mode) {
        return run(question, conversationId, mode, null, () -> false);
    }

    /**
     * Whether the built-in answerer answers {@code question} from the corpus, without a model and without
     * leaving a conversation behind: for vetting suggested questions.
     */
    public boolean answerable(String question) {
        return builtInAnswer(question).answered();
    }

    /** The built-in answerer's answer to {@code question}, without a model and leaving no conversation behind. */
    public Answer builtInAnswer(String question) {
        Prepared prepared = prepare(question, new Conversation(UUID.randomUUID().toString(), 1), defaultMode);
        return fallback.answer(prepared.request());
    }

    public Result stream(String question, String conversationId, Listener listener, BooleanSupplier cancelled) {
        return run(question, conversationId, null, listener, cancelled);
    }

    /**
     * A turn of a conversation the caller holds (one resumed from a transcript), answered in it even if the
     * store has already let it go to make room.
     */
    public Result ask(String question, Conversation conversation) {
        return run(question, conversation, null, null, () -> false);
    }

    public Result stream(String question, Conversation conversation, Listener listener, BooleanSupplier cancelled) {
        return run(question, conversation, null, listener, cancelled);
    }

    private Result run(String question, String conversationId, RetrievalMode mode, Listener listener,
            BooleanSupplier cancelled) {
        return run(question, conversations.getOrCreate(conversationId == null ? UUID.randomUUID().toString()
                : conversationId), mode, listener, cancelled);
    }

    private Result run(String question, Conversation conversation, RetrievalMode mode, Listener listener,
            BooleanSupplier cancelled) {
        long started = System.nanoTime();
        // Turns of one conversation run one at a time, so each sees the history the previous one left.
        synchronized (conversation) {
            boolean resumed = !conversation.history().isEmpty();
            Prepared prepared = prepare(question, conversation, mode == null ? defaultMode : mode);
            long retrieved = System.nanoTime();
            if (listener != null) {
                listener.sources(conversation.id(), prepared.request().standaloneQuestion(),
                        prepared.request().passages());
            }
            Answer answer;
            String fallbackReason = null;
            try {
                if (prepared.modelFailure() != null) {
                    throw prepared.modelFailure();
                }
                answer = listener == null ? answerer.answer(prepared.request())
                        : answerer.stream(prepared.request(), listener::token, cancelled);
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                if (answerer == fallback) {
                    throw e;
                }
                fallbackReason = answerer.name() + " failed: " + describe(e);
                // The server's own words stay in the log: an error body can quote the API key it refused.
                LOG.warnf("%s failed: %s; answering with %s", answerer.name(), detail(e), fallback.name());
                if (listener != null) {
                    listener.error(fallbackReason);
                }
                answer = listener == null ? fallback.answer(prepared.request())
                        : fallback.stream(prepared.request(), listener::token, cancelled);
            }
            long answered = System.nanoTime();
            // As read: a follow-up's earlier turn is its corrected question.
            conversations.record(conversation, prepared.request().question(), prepared.request().standaloneQuestion(),
                    answer);
            Map<String, Long> timings = new LinkedHashMap<>();
            timings.put("retrieve", (retrieved - started) / 1_000_000);
            timings.put("answer", (answered - retrieved) / 1_000_000);
            timings.put("total", (answered - started) / 1_000_000);
            // Not the question: what people ask stays out of the log.
            LOG.debugf("Answered with %s in %d ms", answer.answerer(), timings.get("total"));
            Result result = new Result(conversation.id(), prepared.request().standaloneQuestion(),
                    prepared.spelling().corrections(), prepared.spelling().suggested(), answer,
                    prepared.request().passages(), fallbackReason, timings,
                    prepared.retrieval(), resumed);
            metrics.record(result, answerer.name(), retrieved - started, answered - retrieved);
            return result;
        }
    }

    /**
     * The answer request, the model failure met while condensing, if any, the retrieval used, and how the question's
     * spelling was read.
     */
    private record Prepared(AnswerRequest request, RuntimeException modelFailure, RetrievalMode retrieval,
            Spelling.Corrected spelling) {}

    /** The retrieval {@code corpus} can give for {@code wanted}: BM25 while its vectors are being built. */
    static RetrievalMode retrievalFor(CorpusIndex corpus, RetrievalMode wanted) {
        return PassageSearcher.retrievalFor(corpus, wanted);
    }

    private Prepared prepare(String asked, Conversation conversation, RetrievalMode wanted) {
        CorpusIndex corpus = index.get();
        RetrievalMode mode = retrievalFor(corpus, wanted);
        // Before anything reads it: follow-up resolution, retrieval and the answerer read the question as corrected.
        Spelling.Corrected read = Spelling.correct(asked, corpus.termStats(), spelling);
        String question = read.text();
        List<ChatMessage> history = conversation.history();
        UserMessage user = UserMessage.from(question);
        AtomicReference<String> standalone = new AtomicReference<>(question);
        AtomicReference<QuestionAnalysis> analysis = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        QueryTransformer capturing = query -> {
            Collection<Query> queries;
            try {
                queries = condenser.transform(query);
            } catch (RuntimeException e) {
                // The model is unreachable; no point asking it to answer either.
                failure.set(e);
                queries = resolver.transform(query);
            }
            standalone.set(queries.iterator().next().text());
            return queries;
        };
        AugmentationResult augmented = DefaultRetrievalAugmentor.builder()
                .queryTransformer(capturing)
                .contentRetriever(new LucenePassageRetriever(corpus, searcher, passages, mode, text -> {
                    // Analysed once per turn: retrieval and the answerer read the same analysis.
                    analysis.set(QuestionAnalysis.of(text, question));
                    return analysis.get();
                }))
                .contentAggregator(ChatService::aggregate)
                .contentInjector(injector)
                .executor(Runnable::run)
                .build()
                .augment(new AugmentationRequest(user, Metadata.from(user, conversation.id(), history)));
        List<PassageHit> hits = augmented.contents().stream().map(c -> PassageContents.toHit(corpus, c)).toList();
        if (analysis.get() == null) {
            analysis.set(QuestionAnalysis.of(standalone.get(), question));
        }
        // A service with the model compares meanings also while retrieval is BM25 (vectors still being built, or
        // none at all), embedding the few passages read that have no vector.
        AnswerRequest request = new AnswerRequest(question, standalone.get(), analysis.get(), hits,
                (UserMessage) augmented.chatMessage(), history, corpus, meanings);
        return new Prepared(request, failure.get(), mode, read);
    }

    /**
     * The passages of the one ranked list that one query and one retriever give, as ranked. LangChain4j's default
     * aggregator fuses even a single list with itself by reciprocal rank (the same order), in two passes that hash
     * every passage's text and metadata again and again: 2 % of an ask's CPU in a `bm25` service
     * (docs/benchmarks.md). More lists are fused as before.
     */
    static List<Content> aggregate(Map<Query, Collection<List<Content>>> byQuery) {
        if (byQuery.size() == 1) {
            Collection<List<Content>> lists = byQuery.values().iterator().next();
            if (lists.size() == 1) {
                return lists.iterator().next();
            }
        }
        return FUSER.aggregate(byQuery);
    }

    /**
     * A short, user-readable cause: "connection refused", "HTTP 500", "an answer that is not JSON". What a model
     * server wrote in an error response is left out: it can quote the API key it refused, or be a proxy's HTML page.
     */
    static String describe(Throwable e) {
        return cause(e, false);
    }

    /** {@link #describe}, with the body of an HTTP error: for the log. */
    static String detail(Throwable e) {
        return cause(e, true);
    }

    private static String cause(Throwable e, boolean withBody) {
        String known = null;
        Throwable cause = e;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            known = known != null ? known : known(t, withBody);
            cause = t;
        }
        String message = known != null ? known
                : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        message = message.replaceAll("\\s+", " ").strip();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    /**
     * Causes that the root of the chain describes badly: an HTTP error's message is only the response body
     * (maybe empty), and a refused connection ends in a message-less {@code ClosedChannelException}.
     */
    private static String known(Throwable t, boolean withBody) {
        if (t instanceof HttpException http) {
            String body = http.getMessage() == null || !withBody ? "" : http.getMessage();
            return "HTTP " + http.statusCode() + (body.isBlank() ? "" : ": " + body);
        }
        if (t instanceof JacksonException && !withBody) {
            return "an answer that is not JSON";
        }
        if (t instanceof ConnectException) {
            return "connection refused";
        }
        if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        return null;
    }
}
