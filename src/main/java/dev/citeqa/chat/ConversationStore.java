package dev.citeqa.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.citeqa.answer.Answer;
import dev.langchain4j.data.message.ChatMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Conversations by ID, bounded in bytes and in number (least recently used go first) and forgotten after an
 * idle time, so that memory stays flat however many clients come and go, and however much history each sends.
 */
public final class ConversationStore {

    /** The byte bound when none is given ({@code citeqa.conversation.max-bytes}'s default). */
    public static final long DEFAULT_MAX_BYTES = 64L << 20;

    private final Cache<String, Conversation> conversations;
    private final int maxTurns;

    public ConversationStore(int maxConversations, Duration idleTimeout, int maxTurns) {
        this(maxConversations, DEFAULT_MAX_BYTES, idleTimeout, maxTurns);
    }

    public ConversationStore(int maxConversations, long maxBytes, Duration idleTimeout, int maxTurns) {
        this(maxConversations, maxBytes, idleTimeout, maxTurns, Ticker.systemTicker());
    }

    /** With the clock that idle time is measured on, so tests need not wait. */
    ConversationStore(int maxConversations, long maxBytes, Duration idleTimeout, int maxTurns, Ticker ticker) {
        // Caffeine bounds by weight or by count, not both: every conversation weighs at least an even share of
        // the bytes, so no more than maxConversations fit either.
        long share = Math.max(1, maxBytes / maxConversations);
        this.conversations = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, Conversation c) -> (int) Math.min(Integer.MAX_VALUE,
                        Math.max(share, 2L * key.length() + c.weight())))
                .expireAfterAccess(idleTimeout)
                .ticker(ticker)
                // Evictions run on the calling thread, so the bound holds as each call returns.
                .executor(Runnable::run)
                .build();
        this.maxTurns = maxTurns;
    }

    public Conversation getOrCreate(String id) {
        return conversations.get(id, key -> new Conversation(key, maxTurns));
    }

    /**
     * Records a turn in {@code conversation} and weighs it again: Caffeine weighs an entry when it is stored,
     * and a conversation grows after that.
     */
    public void record(Conversation conversation, String question, String standaloneQuestion, Answer answer) {
        conversation.record(question, standaloneQuestion, answer);
        conversations.asMap().replace(conversation.id(), conversation);
    }

    public Optional<Conversation> find(Object id) {
        return id == null ? Optional.empty() : Optional.ofNullable(conversations.getIfPresent(id.toString()));
    }

    /**
     * The conversation that {@code transcript} continues, for clients that resend every earlier message
     * instead of a conversation ID (OpenAI-style clients): a copy of the conversation that produced the
     * transcript, so that sending it again (a retry, an edited question) starts from the same state; or, for
     * a transcript this service did not write or has forgotten, one rebuilt from its messages.
     *
     * @param transcript user questions and assistant answers, oldest first
     */
    public Conversation resume(List<ChatMessage> transcript) {
        String id = UUID.randomUUID().toString();
        Conversation known = transcript.isEmpty() ? null : conversations.getIfPresent(key(transcript));
        Conversation resumed = known != null ? known.copy(id) : Conversation.rebuilt(id, maxTurns, transcript);
        conversations.put(id, resumed);
        return resumed;
    }

    /** Files {@code conversation} under {@code transcript}, as the client will resend it, instead of its ID. */
    public void remember(List<ChatMessage> transcript, Conversation conversation) {
        conversations.invalidate(conversation.id());
        conversations.put(key(transcript), conversation);
    }

    /**
     * A digest of the transcript. Its prefix is not a valid {@code /api/ask} conversation ID, so no client can
     * name it there.
     */
    private static String key(List<ChatMessage> transcript) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        for (ChatMessage message : transcript) {
            String text = Conversation.text(message);
            // Clients may trim what they resend; the separator keeps ["ab", "c"] apart from ["a", "bc"].
            digest.update((message.type() + "\u0000" + text.strip() + "\u0000").getBytes(StandardCharsets.UTF_8));
        }
        return "transcript:" + HexFormat.of().formatHex(digest.digest());
    }

    /** For tests: make Caffeine apply pending evictions now. */
    long size() {
        conversations.cleanUp();
        return conversations.estimatedSize();
    }

    /** For tests: the bytes the store counts as held. */
    long weight() {
        conversations.cleanUp();
        return conversations.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }
}
