package dev.citeqa.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.answer.Answer;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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
    void aLongTranscriptIsRebuiltFromTheTurnsAConversationKeeps() {
        ConversationStore store = new ConversationStore(10, Duration.ofMinutes(5), 2);
        List<ChatMessage> transcript = new java.util.ArrayList<>(List.of(UserMessage.from("Who is Mark Rutte?"),
                AiMessage.from("The NATO Secretary General.")));
        for (int i = 0; i < 10_000; i++) {
            transcript.add(UserMessage.from("And then?"));
            transcript.add(AiMessage.from("More."));
        }
        Conversation c = store.resume(transcript);
        // The last two turns, each resolved against the one before it: not ten thousand questions carried along.
        assertEquals(4, c.history().size());
        assertEquals("And then? And then?", c.lastStandaloneQuestion());
    }

    @Test
    void theNumberOfConversationsIsBounded() {
        ConversationStore store = new ConversationStore(3, Duration.ofMinutes(5), 2);
        for (int i = 0; i < 50; i++) {
            store.getOrCreate("c" + i).record("q", "q", answer("a"));
        }
        assertTrue(store.size() <= 3, "size " + store.size());
    }

    /**
     * A hundred thousand clients each opening a conversation: the store never holds more than its bound, keeps
     * the most recent ones and drops the oldest. Memory is measured by what is held, not by timing or heap
     * probes, which a garbage collector makes noisy.
     */
    @Test
    void aHundredThousandConversationsStayWithinTheBound() {
        ConversationStore store = new ConversationStore(1000, Duration.ofHours(2), 3);
        for (int i = 0; i < 100_000; i++) {
            Conversation c = store.getOrCreate("client-" + i);
            for (int turn = 0; turn < 5; turn++) {
                store.record(c, "question " + turn, "question " + turn, answer("answer " + turn));
            }
            if (i % 10_000 == 9_999) {
                assertTrue(store.size() <= 1000, "after " + (i + 1) + ": " + store.size());
            }
        }
        assertTrue(store.find("client-0").isEmpty());
        assertTrue(store.find("client-99999").isPresent());
        assertEquals(6, store.find("client-99999").orElseThrow().history().size());
    }

    /**
     * OpenAI-style clients resend the whole conversation: 58 KB of history per request, remembered under the
     * transcript. A thousand of them would hold over 100 MB by count alone; by weight the store stays within its
     * byte bound, keeps the most recent, and charges each conversation at least what its text takes in memory.
     */
    @Test
    void longTranscriptsStayWithinTheByteBound() {
        long maxBytes = 4_000_000;
        ConversationStore store = new ConversationStore(10_000, maxBytes, Duration.ofHours(2), 10);
        List<ChatMessage> last = null;
        for (int i = 0; i < 1000; i++) {
            String filler = " " + i + " about NATO's meeting in Antalya".repeat(900); // 29 KB per message
            List<ChatMessage> history = List.of(UserMessage.from("Question" + filler), AiMessage.from("Answer" + filler));
            Conversation c = store.resume(history);
            store.record(c, "Who chaired it?", "Who chaired it?", answer("Rutte chaired it."));
            last = List.of(history.get(0), history.get(1), UserMessage.from("Who chaired it?"),
                    AiMessage.from("Rutte chaired it."));
            store.remember(last, c);
            assertTrue(store.weight() <= maxBytes, "after " + (i + 1) + ": " + store.weight() + " bytes");
            assertTrue(c.weight() >= 2L * 2 * filler.length(), "weighs " + c.weight());
        }
        long perConversation = store.resume(last).weight();
        assertTrue(store.size() <= maxBytes / perConversation + 1, store.size() + " of " + perConversation + " bytes");
        assertTrue(store.size() >= maxBytes / perConversation / 2, "the bound is used, not undercut: " + store.size());
    }

    /** A conversation grows after it is stored; recording a turn weighs it again. */
    @Test
    void aGrowingConversationIsWeighedAgain() {
        ConversationStore store = new ConversationStore(100, 1_000_000, Duration.ofHours(2), 50);
        Conversation c = store.getOrCreate("growing");
        for (int turn = 0; turn < 20; turn++) {
            store.record(c, "q" + turn + "x".repeat(10_000), "q" + turn, answer("a".repeat(10_000)));
        }
        assertTrue(store.find("growing").isPresent());
        assertTrue(store.weight() >= 20 * 2 * 2 * 10_000, "weight " + store.weight());
        // Past the bound on its own: a conversation bigger than the whole store is not kept.
        for (int turn = 0; turn < 20; turn++) {
            store.record(c, "q" + "x".repeat(20_000), "q", answer("a".repeat(20_000)));
        }
        assertTrue(store.find("growing").isEmpty());
        assertTrue(store.weight() <= 1_000_000, "weight " + store.weight());
    }

    @Test
    void idleConversationsAreForgotten() {
        AtomicLong now = new AtomicLong();
        ConversationStore store = new ConversationStore(1000, 1_000_000, Duration.ofMinutes(30), 3, now::get);
        store.getOrCreate("idle").record("q", "q", answer("a"));
        store.getOrCreate("busy").record("q", "q", answer("a"));
        now.addAndGet(Duration.ofMinutes(20).toNanos());
        store.find("busy");
        now.addAndGet(Duration.ofMinutes(20).toNanos());
        assertTrue(store.find("idle").isEmpty());
        assertTrue(store.find("busy").isPresent());
        assertEquals(1, store.size());
    }

    @Test
    void anAbstentionKeepsTheConversationsSubject() {
        Conversation c = new ConversationStore(3, Duration.ofMinutes(5), 2).getOrCreate("c");
        c.record("Who is X?", "Who is X?", new Answer("X is Y. [a]", true, List.of(), "extractive", List.of(), "X"));
        c.record("GDP?", "GDP?", Answer.notInCorpus("extractive", "No."));
        assertEquals("X", c.lastEntity());
    }

    @Test
    void aTranscriptResumesACopyOfTheConversationThatWroteIt() {
        ConversationStore store = new ConversationStore(10, Duration.ofMinutes(5), 5);
        Conversation first = store.resume(List.of());
        first.record("Who is the NATO Secretary General?", "Who is the NATO Secretary General?",
                new Answer("Mark Rutte. [a]", true, List.of(), "extractive", List.of(), "Mark Rutte"));
        List<ChatMessage> transcript = List.of(UserMessage.from("Who is the NATO Secretary General?"),
                AiMessage.from("Mark Rutte. [a]"));
        store.remember(transcript, first);

        Conversation resumed = store.resume(transcript);
        Conversation again = store.resume(transcript);

        assertEquals("Mark Rutte", resumed.lastEntity());
        assertEquals(transcript, resumed.history());
        assertNotSame(resumed, again);
        resumed.record("q", "q", answer("a"));
        assertEquals(2, again.history().size());
    }

    @Test
    void anUnknownTranscriptIsRebuiltFromItsQuestions() {
        ConversationStore store = new ConversationStore(10, Duration.ofMinutes(5), 5);
        List<ChatMessage> transcript = List.of(UserMessage.from("Where did Mark Rutte chair the meeting?"),
                AiMessage.from("In Antalya."), UserMessage.from("And where was he on May 13?"),
                AiMessage.from("Ankara."));

        Conversation rebuilt = store.resume(transcript);

        assertEquals(transcript, rebuilt.history());
        assertEquals("And where was Mark Rutte on May 13?", rebuilt.lastStandaloneQuestion());
        assertEquals(null, rebuilt.lastEntity());
    }
}
