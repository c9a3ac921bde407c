package dev.citeqa.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.answer.Answer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationStoreTest {

    private static Answer answer(String text) {
        return new Answer(text, true, List.of(), "extractive", List.of(), null);
    }

    @Test
    void historyIsBoundedInTurns() {
        ConversationStore store = new ConversationStore(10, Duration.ofMinutes(5), 2);
        Conversation c = store.getOrCreate("c");
        for (int i = 1; i <= 5; i++) {
            c.record("q" + i, "q" + i, answer("a" + i));
        }
        // Two turns: the last two questions and their answers.
        assertEquals(4, c.history().size());
        assertTrue(c.history().get(0).toString().contains("q4"));
    }

    @Test
    void theNumberOfConversationsIsBounded() {
        ConversationStore store = new ConversationStore(3, Duration.ofMinutes(5), 2);
        for (int i = 0; i < 50; i++) {
            store.getOrCreate("c" + i).record("q", "q", answer("a"));
        }
        assertTrue(store.size() <= 3, "size " + store.size());
    }

    @Test
    void anAbstentionKeepsTheConversationsSubject() {
        Conversation c = new ConversationStore(3, Duration.ofMinutes(5), 2).getOrCreate("c");
        c.record("Who is X?", "Who is X?", new Answer("X is Y. [a]", true, List.of(), "extractive", List.of(), "X"));
        c.record("GDP?", "GDP?", Answer.notInCorpus("extractive", "No."));
        assertEquals("X", c.lastEntity());
    }
}
