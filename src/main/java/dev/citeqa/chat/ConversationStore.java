package dev.citeqa.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Optional;

/**
 * Conversations by ID, bounded in number (least recently used go first) and forgotten after an idle time,
 * so that memory stays flat however many clients come and go.
 */
public final class ConversationStore {

    private final Cache<String, Conversation> conversations;
    private final int maxTurns;

    public ConversationStore(int maxConversations, Duration idleTimeout, int maxTurns) {
        this(maxConversations, idleTimeout, maxTurns, Ticker.systemTicker());
    }

    /** With the clock that idle time is measured on, so tests need not wait. */
    ConversationStore(int maxConversations, Duration idleTimeout, int maxTurns, Ticker ticker) {
        this.conversations = Caffeine.newBuilder()
                .maximumSize(maxConversations)
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

    public Optional<Conversation> find(Object id) {
        return id == null ? Optional.empty() : Optional.ofNullable(conversations.getIfPresent(id.toString()));
    }

    /** For tests: make Caffeine apply pending evictions now. */
    long size() {
        conversations.cleanUp();
        return conversations.estimatedSize();
    }
}
