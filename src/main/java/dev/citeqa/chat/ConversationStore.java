package dev.citeqa.chat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
        this.conversations = Caffeine.newBuilder()
                .maximumSize(maxConversations)
                .expireAfterAccess(idleTimeout)
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
