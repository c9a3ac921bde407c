package dev.citeqa.api.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.answer.llm.AskApi;
import dev.citeqa.answer.llm.FakeModelResource.InjectFakeModelServer;
import dev.citeqa.answer.llm.FakeModelServer;
import dev.citeqa.answer.llm.FakeModelServer.Call;
import dev.citeqa.answer.llm.FakeModelServer.Message;
import dev.citeqa.answer.llm.FakeModelServer.Reply;
import dev.citeqa.answer.llm.OpenAiProfile;
import dev.citeqa.api.openai.OpenAiClient.Streamed;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /v1} with a language model configured: the same pipeline as {@code /api/ask}, model and all. */
@QuarkusTest
@TestProfile(OpenAiProfile.class)
class ChatCompletionsWithModelTest {

    static final String QUESTION = "Who did Erdoğan receive in Ankara on May 13?";

    @InjectFakeModelServer
    FakeModelServer server;

    @TestHTTPResource("/v1")
    URL v1;

    OpenAiClient client;

    @BeforeEach
    void reset() {
        server.reset();
        client = new OpenAiClient(v1.toString());
    }

    @Test
    void theModelWritesTheCitedAnswer() {
        server.respond(call -> Reply.text(call.citingFirstPassage()));

        ChatResponse response = client.chat(UserMessage.from(QUESTION));

        Call call = server.onlyCall(FakeModelServer.OPENAI_PATH);
        assertEquals(call.citingFirstPassage(), response.aiMessage().text());
        JsonPath raw = OpenAiClient.raw(response);
        assertEquals(List.of(call.passageIds().getFirst()), raw.getList("citations.id"));
        assertEquals(List.of(call.passageIds().getFirst()), raw.getList("choices[0].message.citations.id"));
    }

    @Test
    void theModelSeesTheEarlierMessagesAsTheConversation() {
        String standalone = "Where does Mark Rutte chair the informal NATO foreign ministers meeting?";
        server.respond(call -> call.answering() ? Reply.text(call.citingFirstPassage()) : Reply.text(standalone));
        // A history this service did not write: the client's own words are what the model sees.
        AiMessage earlier = AiMessage.from("Mark Rutte, the NATO Secretary General.");
        String followUp = "Where does he chair the meeting?";

        ChatResponse response = client.chat(UserMessage.from(QUESTION), earlier, UserMessage.from(followUp));

        List<Call> calls = server.calls();
        assertEquals(2, calls.size(), calls.toString());
        String condensePrompt = calls.getFirst().messages().getFirst().content();
        assertTrue(condensePrompt.contains("AI: " + earlier.text()), condensePrompt);
        List<Message> answer = calls.get(1).messages();
        assertEquals(4, answer.size(), answer.toString());
        assertEquals(new Message("user", QUESTION), answer.get(1));
        assertEquals(new Message("assistant", earlier.text()), answer.get(2));
        assertTrue(answer.get(3).content().contains(followUp), answer.get(3).content());
        assertEquals(calls.get(1).citingFirstPassage(), response.aiMessage().text());
    }

    @Test
    void theModelsTokensStreamAsChunks() throws Exception {
        server.respond(call -> Reply.text(call.citingFirstPassage()));

        Streamed streamed = client.stream(UserMessage.from(QUESTION));

        Call call = server.onlyCall(FakeModelServer.OPENAI_PATH);
        assertTrue(call.stream());
        assertEquals(Reply.text(call.citingFirstPassage()).chunks(), streamed.pieces());
        assertEquals(List.of(call.passageIds().getFirst()), streamed.finish().getList("citations.id"));
    }

    /** A client shows the text it was streamed: what the check of it found is said at its end. */
    @Test
    void whatTheCheckFoundIsSaidAtTheEndOfTheStream() throws Exception {
        String invented = "999_0123456789abcdef";
        server.respond(call -> Reply.text(call.citingFirstPassage() + " [" + invented + "]"));

        Streamed streamed = client.stream(UserMessage.from(QUESTION));

        String text = streamed.response().aiMessage().text();
        assertTrue(text.endsWith("]\n\n(Not among the retrieved articles, so not cited: " + invented + ".)"), text);
        Call call = server.onlyCall(FakeModelServer.OPENAI_PATH);
        assertEquals(List.of(call.passageIds().getFirst()), streamed.finish().getList("citations.id"));

        server.reset();
        server.respond(call2 -> Reply.text("Rutte chairs the meeting in Antalya."));
        text = client.stream(UserMessage.from(QUESTION)).response().aiMessage().text();
        assertEquals("Rutte chairs the meeting in Antalya.\n\n(Withheld after checking against the articles: "
                + "The corpus does not say. The model's answer cited no retrieved article.)", text);

        // A model that says itself that the articles do not answer had nothing withheld.
        server.reset();
        server.respond(call3 -> Reply.text("The articles do not say where the meeting is."));
        text = client.stream(UserMessage.from(QUESTION)).response().aiMessage().text();
        assertEquals("The articles do not say where the meeting is.", text);
    }

    /** A client sees no citation's "supported" flag: a sentence its article does not back is named in the text. */
    @Test
    void aSentenceItsArticleDoesNotBackIsNamedInTheText() throws Exception {
        String madeUp = "The meeting was held in Paris on June 30";
        server.respond(call -> Reply.text(madeUp + " [" + call.passageIds().getFirst() + "]."));
        String note = "\n\n(Not backed by the articles it cites; check before relying on it: “" + madeUp + ".”)";

        String text = client.chat(UserMessage.from(QUESTION)).aiMessage().text();
        assertTrue(text.endsWith("]." + note), text);

        server.reset();
        server.respond(call -> Reply.text(madeUp + " [" + call.passageIds().getFirst() + "]."));
        text = client.stream(UserMessage.from(QUESTION)).response().aiMessage().text();
        assertTrue(text.endsWith("]." + note), text);

        // A backed answer has no note.
        server.reset();
        server.respond(call -> Reply.text(call.citingFirstPassage()));
        text = client.chat(UserMessage.from(QUESTION)).aiMessage().text();
        assertFalse(text.contains("Not backed"), text);
    }

    @Test
    void aModelFailingMidStreamIsSaidAndTheBuiltInAnswerFollows() throws Exception {
        server.respond(call -> Reply.numbered(500).every(Duration.ofMillis(20)));

        Streamed streamed = client.stream(UserMessage.from(QUESTION));

        String text = streamed.response().aiMessage().text();
        assertTrue(text.startsWith("chunk0 chunk1 "), text);
        int note = text.indexOf("the built-in answerer answers instead.)");
        assertTrue(note > 0, text);
        String fallback = text.substring(note);
        assertTrue(fallback.contains("Rutte"), text);
        List<String> cited = streamed.finish().getList("citations.id");
        assertFalse(cited.isEmpty());
        assertTrue(fallback.contains("[" + cited.getFirst() + "]"), text);
    }

    @Test
    void aClientLeavingStopsTheModel() throws Exception {
        server.respond(call -> Reply.numbered(34).every(Duration.ofMillis(300)));

        Instant left = AskApi.postAndLeave("/v1/chat/completions", "{\"stream\": true, \"messages\": [{\"role\": "
                + "\"user\", \"content\": \"" + QUESTION + "\"}]}", line -> line.contains("\"content\":\"chunk0"));

        Call call = server.calls().getFirst();
        Instant closed = call.abandoned().get(3, TimeUnit.SECONDS);
        long millis = Duration.between(left, closed).toMillis();
        assertTrue(millis < 1000, "model connection closed " + millis + " ms after the client left");
        assertFalse(call.completed().isDone(), "the model streamed to the end");
    }
}
