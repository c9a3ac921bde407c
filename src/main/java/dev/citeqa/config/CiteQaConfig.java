package dev.citeqa.config;

import dev.citeqa.config.CiteQaConfig;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every {@code citeqa.*} key. The top-level {@code application.properties} documents each one for users;
 * the defaults here make the service run with no configuration at all.
 */
@ConfigMapping(prefix = "citeqa")
public interface CiteQaConfig {

    /** The defaults alone, for code that runs outside the service: tests, benchmarks, tools. */
    static CiteQaConfig defaults() {
        return new SmallRyeConfigBuilder().withMapping(CiteQaConfig.class).build()
                .getConfigMapping(CiteQaConfig.class);
    }

    /** The defaults with any {@code -Dciteqa.*} system property over them, for tools run by hand. */
    static CiteQaConfig withSystemProperties() {
        return new SmallRyeConfigBuilder().addSystemSources().withMapping(CiteQaConfig.class).build()
                .getConfigMapping(CiteQaConfig.class);
    }

    Corpus corpus();

    Data data();

    Chunk chunk();

    Embedding embedding();

    Retrieval retrieval();

    OpenSearch opensearch();

    Question question();

    Conversation conversation();

    /** Which answerer writes the answers. */
    @WithDefault("extractive")
    AnswererKind answerer();

    OpenAi openai();

    Ollama ollama();

    Prompts prompts();

    Http http();

    /**
     * When set, requests under {@code /api/} and {@code /v1/} must carry it ({@code Authorization: Bearer} or
     * {@code X-API-Key}); the admin endpoints are disabled without it.
     */
    Optional<String> apiKey();

    interface Corpus {
        /** Folder of {@code *.txt} articles, one article per file. */
        @WithDefault("corpus")
        String dir();

        /** Larger files are skipped with a warning; they are usually dumps, not articles. */
        @WithDefault("2000000")
        long maxFileBytes();

        /**
         * Whether a corpus file with more than one hard link is read. A hard link can make any file the
         * service may read (outside the corpus folder too) look like an article, so by default it is skipped.
         */
        @WithDefault("false")
        boolean followHardLinks();

        /** Whether added, edited and deleted files are indexed while the service runs. */
        @WithDefault("true")
        boolean watch();

        /** How often the folder is checked for changes; a change is indexed once it has held still this long. */
        @WithDefault("PT2S")
        Duration watchInterval();
    }

    interface Data {
        /** Where the index and the embedding cache live. */
        @WithDefault("data")
        String dir();
    }

    interface Chunk {
        /** Words per passage, at most; a longer sentence is a passage of its own. */
        @WithDefault("120")
        int words();

        /** Sentences per passage, at most; 0 for no bound but the words. */
        @WithDefault("0")
        int sentences();

        /** Sentences shared by consecutive passages, so that no fact is cut in two. */
        @WithDefault("1")
        int overlap();
    }

    interface Embedding {
        /** The in-process model, by {@link dev.citeqa.embed.EmbeddingModels} name. */
        @WithDefault("bge-small-en-v1.5-q")
        String model();

        /** Index-time texts longer than this many characters are embedded by their start; 0 embeds all. */
        @WithDefault("0")
        int maxChars();

        /** Passage vectors quantised to 7-bit integers in the HNSW graph, instead of 32-bit floats. */
        @WithDefault("false")
        boolean quantized();

        /**
         * The most texts new to the embedding cache that a build embeds before committing; with more, it commits
         * the words first (BM25 answers at once) and adds the vectors in the next generation.
         */
        @WithDefault("256")
        int inlineTexts();

        /**
         * In {@code bm25} mode, whether the model is loaded all the same, for the answerer alone: it compares the
         * meanings of the question, the passages it reads and its best sentences, embedded as it answers. Nothing
         * is embedded when indexing.
         */
        @WithDefault("false")
        boolean bm25Answers();

        /**
         * After a failed vector pass (a full disk, say), how long until it is tried again; the wait doubles after
         * each failure in a row, up to an hour, so that a fault that lasts does not keep the model busy.
         */
        @WithDefault("PT1M")
        Duration retryAfter();
    }

    interface Retrieval {
        @WithDefault("hybrid")
        RetrievalMode mode();

        /** Where passages are ranked: the embedded Lucene index, or an OpenSearch cluster. */
        @WithDefault("lucene")
        Backend backend();

        /** Passages handed to the answerer, plus any of as many top-ranked ones that diversity deferred. */
        @WithDefault("8")
        int passages();

        /** Weight of an article title match relative to a passage body match (BM25). */
        @WithDefault("0.4")
        float titleBoost();

        /** Weight of a question's figures, and of its names beside a dense list, against its other words (BM25). */
        @WithDefault("2.0")
        float anchorBoost();

        /**
         * Weight of a question's names relative to its other words when BM25 ranks without a dense list, and when
         * whole articles are ranked, in every mode.
         */
        @WithName("bm25-name-boost")
        @WithDefault("1.0")
        float bm25NameBoost();

        /** Candidates each ranked list contributes before fusion. */
        @WithDefault("50")
        int depth();

        /** The k constant of reciprocal rank fusion: higher flattens the rank discount. */
        @WithName("rrf-k")
        @WithDefault("60")
        int rrfK();

        /** Passages one article may place ahead of other articles' passages. */
        @WithDefault("1")
        int maxPerArticle();

        /** The share of a passage's score that comes from its article's score as a whole, 0 to 1. */
        @WithDefault("0.7")
        float articleWeight();

        /** Articles ranked as wholes for {@link #articleWeight()}. */
        @WithDefault("20")
        int articleDepth();

        /**
         * In dense and hybrid retrieval, the share of an article's score that comes from its meaning (its best
         * passage's embedding similarity) rather than its words, 0 to 1.
         */
        @WithDefault("0.3")
        float articleMeaningShare();

        /**
         * In hybrid retrieval, the articles that words alone rank first (this many) keep a place near the top: the
         * n-th no lower than n + {@link #wordLeaderSlack()}. Fused with meanings, the stories that match the
         * question's words best could fall out of the first five.
         */
        @WithDefault("2")
        int wordLeaders();

        /** The places a word leader may fall below its rank by words alone, in hybrid retrieval. */
        @WithDefault("2")
        int wordLeaderSlack();

        /**
         * The share a passage of a story dated in a year the question names ("… launched in 2024?") adds to its
         * score, 0 to 1; 0 turns it off.
         */
        @WithDefault("0.2")
        float askedYearBoost();
    }

    /** The cluster used with {@code citeqa.retrieval.backend=opensearch}. */
    interface OpenSearch {
        /** Node URLs; requests fail over between them. */
        @WithDefault("http://127.0.0.1:9200")
        List<String> hosts();

        /** The alias queries go to; each (re)index writes a new physical index named after it. */
        @WithDefault("citeqa")
        String index();

        Optional<String> username();

        Optional<String> password();

        @WithDefault("1")
        int shards();

        /** Copies of each shard on other nodes, so that queries survive the loss of a node. */
        @WithDefault("1")
        int replicas();

        /** Longest wait for one request to the cluster (ISO-8601 duration). */
        @WithDefault("PT10S")
        Duration timeout();
    }

    interface Question {
        @WithDefault("2000")
        int maxChars();

        /** A question's misspelled words, corrected from the corpus's own words ({@code analysis/Spelling}). */
        Spelling spelling();

        interface Spelling {
            @WithDefault("true")
            boolean enabled();

            /**
             * Shorter words are left alone: one edit turns most short words into others ("form", "from"). Five is
             * where the sets of docs/evaluation.md, spelled right, get no correction.
             */
            @WithDefault("5")
            int minLetters();

            /** Articles that must have a word for a question's word to be read as it: one article's typo is no spelling. */
            @WithDefault("2")
            int minArticles();

            /**
             * A question with more words to look up than this (neither the folder's nor English) is taken as written:
             * it is in another language, or not words at all; a look-up costs about a millisecond.
             */
            @WithDefault("3")
            int maxWords();
        }
    }

    interface Conversation {
        /** Question/answer turns kept per conversation. */
        @WithDefault("10")
        int maxTurns();

        /** Conversations kept in memory; the least recently used goes first. */
        @WithDefault("10000")
        int maxCount();

        /** Memory the kept conversations may take, estimated from their text; the least recently used goes first. */
        @WithDefault("64M")
        @WithConverter(MemorySizeConverter.class)
        MemorySize maxBytes();

        /** A conversation idle this long is forgotten. */
        @WithDefault("PT2H")
        Duration idleTimeout();
    }

    interface OpenAi {
        Optional<String> baseUrl();

        Optional<String> model();

        Optional<String> apiKey();

        @WithDefault("PT30S")
        Duration timeout();

        @WithDefault("0.0")
        double temperature();

        @WithDefault("512")
        int maxTokens();
    }

    interface Ollama {
        @WithDefault("http://localhost:11434")
        String baseUrl();

        Optional<String> model();

        @WithDefault("PT30S")
        Duration timeout();

        @WithDefault("0.0")
        double temperature();

        @WithDefault("512")
        int maxTokens();
    }

    interface Prompts {
        /** Folder holding {@code system.txt}, {@code answer.txt} and {@code condense.txt}. */
        @WithDefault("prompts")
        String dir();
    }

    interface Http {
        /** The address to listen on (quarkus.http.host follows it): this machine only, unless widened. */
        @WithDefault("127.0.0.1")
        String host();

        /**
         * Names besides localhost that a request's Host header may give while the service listens on this machine
         * only and has no API key (a reverse proxy that passes the public name on). Any other is refused, so that a
         * web page cannot reach the service by rebinding its own domain name to 127.0.0.1.
         */
        Optional<List<String>> allowedHosts();

        /**
         * Largest request body. A question is at most a few KB, but OpenAI clients resend the whole conversation,
         * system prompts included, with every question; the body is read in full before a resource runs.
         */
        @WithDefault("1M")
        @WithConverter(MemorySizeConverter.class) // so that configuration built outside Quarkus reads it too
        MemorySize maxBody();

        /** Longest a request body may take to arrive; bodies are read on the event loop, never by a worker. */
        @WithDefault("PT10S")
        Duration bodyTimeout();

        /** Request bodies one client (remote address) may have arriving at once; 0 turns the bound off. */
        @WithDefault("16")
        int maxPendingBodies();

        RateLimit rateLimit();
    }

    /** Requests one client (remote address) may make per period, refilled evenly; 0 turns the limit off. */
    interface RateLimit {
        @WithDefault("1200")
        int requests();

        @WithDefault("PT1M")
        Duration period();
    }

    enum AnswererKind {
        extractive,
        openai,
        ollama
    }

    enum Backend {
        lucene,
        opensearch
    }

    enum RetrievalMode {
        bm25,
        dense,
        hybrid
    }
}
