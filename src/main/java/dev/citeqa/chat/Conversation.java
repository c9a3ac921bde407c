package dev.citeqa.chat;

import dev.citeqa.answer.Answer;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageType;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import java.util.List;

/**
 * One conversation's memory: its last turns as chat messages (what a language model sees as history), plus
 * what the previous turn was about, which resolves "he" or "there" in the next question.
 */
public final class Conversation {

    private final String id;
    private final int maxTurns;
    private final ChatMemory memory;
    private String lastStandaloneQuestion;
    private String lastEntity;

    Conversation(String id, int maxTurns) {
        this.id = id;
        this.maxTurns = maxTurns;
        this.memory = MessageWindowChatMemory.builder().id(id).maxMessages(2 * maxTurns).build();
    }

    public String id() {
        return id;
    }

    public synchronized List<ChatMessage> history() {
        return List.copyOf(memory.messages());
    }

    public synchronized String lastStandaloneQuestion() {
        return lastStandaloneQuestion;
    }

    public synchronized String lastEntity() {
        return lastEntity;
    }

    public synchronized void record(String question, String standaloneQuestion, Answer answer) {
        memory.add(UserMessage.from(question));
        memory.add(AiMessage.from(answer.text()));
        lastStandaloneQuestion = standaloneQuestion;
        // An abstention is about nothing; the subject of the conversation stays what it was.
        if (answer.answered() && answer.entity() != null) {
            lastEntity = answer.entity();
        }
    }

    /** Bytes a conversation holds beyond its messages' text: the memory, its list, the fields, a cache entry. */
    private static final int OVERHEAD = 1024;
    /** Per message: the message object, its content list and the string's header. */
    private static final int PER_MESSAGE = 96;

    /**
     * An estimate of the heap this conversation takes, from its text: two bytes a character (a string holding
     * anything outside Latin-1 stores UTF-16), plus fixed costs. It errs high, so a byte bound holds.
     */
    public synchronized long weight() {
        long bytes = OVERHEAD + 2L * (length(lastStandaloneQuestion) + length(lastEntity) + id.length());
        for (ChatMessage message : memory.messages()) {
            bytes += PER_MESSAGE + 2L * text(message).length();
        }
        return bytes;
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    /** The text of a question or an answer. */
    static String text(ChatMessage message) {
        return switch (message) {
            case UserMessage user -> user.singleText();
            case AiMessage ai -> ai.text() == null ? "" : ai.text();
            default -> throw new IllegalArgumentException("not a question or answer: " + message.type());
        };
    }

    /** A new conversation, under {@code newId}, that continues from where this one stands. */
    synchronized Conversation copy(String newId) {
        Conversation copy = new Conversation(newId, maxTurns);
        memory.messages().forEach(copy.memory::add);
        copy.lastStandaloneQuestion = lastStandaloneQuestion;
        copy.lastEntity = lastEntity;
        return copy;
    }

    /**
     * A conversation rebuilt from its messages alone (user questions and assistant answers, oldest first).
     * The questions are resolved in turn as they were asked; what each answer was about is unknown, so a
     * "he" resolves to the person the previous question named. Only the last turns the conversation keeps are
     * read: a client may send thousands of messages, and each question is resolved against the one before it.
     */
    static Conversation rebuilt(String id, int maxTurns, List<ChatMessage> messages) {
        Conversation c = new Conversation(id, maxTurns);
        for (ChatMessage message : messages.subList(Math.max(0, messages.size() - 2 * maxTurns), messages.size())) {
            c.memory.add(message);
            if (message.type() == ChatMessageType.USER) {
                String question = ((UserMessage) message).singleText();
                c.lastStandaloneQuestion = c.lastStandaloneQuestion == null ? question
                        : FollowUpResolver.resolve(question, c.lastStandaloneQuestion, null);
            }
        }
        return c;
    }
}
