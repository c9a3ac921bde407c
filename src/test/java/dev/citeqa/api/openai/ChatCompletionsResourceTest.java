package dev.citeqa.api.openai;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.api.openai.OpenAiClient.Streamed;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.model.catalog.ModelDescription;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiModelCatalog;
import dev.langchain4j.model.output.FinishReason;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /v1} over the seed corpus with the extractive answerer, through LangChain4j's OpenAI client. */
@QuarkusTest
class ChatCompletionsResourceTest {

    static final String QUESTION = "Where did Mark Rutte chair the informal meeting of NATO foreign ministers?";
    static final Pattern MARKER = Pattern.compile("\\[(\\d{3}_[0-9a-f]{16})]");

    @TestHTTPResource("/v1")
    URL v1;

    OpenAiClient client;

    @BeforeEach
    void connect() {
        client = new OpenAiClient(v1.toString());
    }

    /** The article IDs an answer's markers name, in order. */
    static List<String> markers(String text) {
        Matcher m = MARKER.matcher(text);
        return m.results().map(r -> r.group(1)).distinct().toList();
    }

    @Test
    void listsTheCiteQaModel() {
        List<ModelDescription> models = OpenAiModelCatalog.builder().baseUrl(v1.toString()).apiKey("unused").build()
                .listModels();
        assertEquals(List.of("citeqa"), models.stream().map(ModelDescription::name).toList());
        given().get("/v1/models/citeqa").then().statusCode(200).body("id", equalTo("citeqa"))
                .body("object", equalTo("model")).body("owned_by", equalTo("citeqa"));
        given().get("/v1/models/gpt-4o").then().statusCode(404).body("error.code", equalTo("model_not_found"));
    }

    @Test
    void aMisspelledQuestionIsReadAsTheArticlesSpellIt() {
        // Read as written, "secretery" is in no article, and the sentence on Stoltenberg says most of the rest.
        given().contentType("application/json")
                .body(Map.of("messages", List.of(Map.of("role", "user", "content",
                        "Who is the NATO secretery general?"))))
                .when().post("/v1/chat/completions")
                .then().statusCode(200).body("choices[0].message.answer_span.text", equalTo("Mark Rutte"));
    }

    @Test
    void aFollowUpToAThousandCapitalisedWordsIsAnswered() {
        String earlier = "NATO ".repeat(1_000).strip();
        given().contentType("application/json")
                .body(Map.of("messages", List.of(Map.of("role", "user", "content", earlier),
                        Map.of("role", "assistant", "content", "ok"),
                        Map.of("role", "user", "content", "What did he say?"))))
                .when().post("/v1/chat/completions")
                .then().statusCode(200).body("object", equalTo("chat.completion"));
    }

    @Test
    void answersWithCitationsInTheMessageAndAtTheTop() {
        ChatResponse response = client.chat(UserMessage.from(QUESTION));

        String text = response.aiMessage().text();
        assertTrue(text.contains("Antalya"), text);
        assertEquals(FinishReason.STOP, response.finishReason());
        assertEquals("citeqa", response.modelName());
        assertTrue(response.tokenUsage().inputTokenCount() > 10, response.tokenUsage().toString());
        assertTrue(response.tokenUsage().outputTokenCount() > 10, response.tokenUsage().toString());
        assertEquals(response.tokenUsage().inputTokenCount() + response.tokenUsage().outputTokenCount(),
                response.tokenUsage().totalTokenCount());
        JsonPath raw = OpenAiClient.raw(response);
        assertEquals("chat.completion", raw.getString("object"));
        assertEquals(markers(text), raw.getList("citations.id"), raw.prettify());
        assertFalse(raw.getList("citations").isEmpty());
        assertTrue(raw.getString("citations[0].snippet").contains("Antalya"), raw.prettify());
        assertFalse(raw.getString("citations[0].title").isBlank());
        assertEquals(raw.getList("citations"), raw.getList("choices[0].message.citations"));
    }

    @Test
    void streamsChunksAndTheLastCarriesTheCitations() throws Exception {
        Streamed streamed = client.stream(UserMessage.from(QUESTION));

        String text = streamed.response().aiMessage().text();
        assertEquals(String.join("", streamed.pieces()), text);
        assertTrue(text.contains("Antalya"), text);
        assertEquals(FinishReason.STOP, streamed.response().finishReason());
        assertTrue(streamed.response().tokenUsage().outputTokenCount() > 10);
        List<JsonPath> all = streamed.chunks();
        assertTrue(all.stream().allMatch(c -> c.getString("object").equals("chat.completion.chunk")));
        assertEquals(1, all.stream().map(c -> c.getString("id")).distinct().count());
        assertEquals("assistant", all.getFirst().getString("choices[0].delta.role"));
        // LangChain4j asks for usage, which comes in a chunk of its own after the answer's.
        assertEquals(List.of(), all.getLast().getList("choices"), all.getLast().prettify());
        List<JsonPath> chunks = all.subList(0, all.size() - 1);
        JsonPath last = chunks.getLast();
        assertEquals("stop", last.getString("choices[0].finish_reason"));
        assertEquals(markers(text), last.getList("citations.id"), last.prettify());
        assertEquals(last.getList("citations"), last.getList("choices[0].delta.citations"));
        assertTrue(last.getString("citations[0].snippet").contains("Antalya"), last.prettify());
        chunks.subList(0, chunks.size() - 1).forEach(c -> {
            assertNull(c.get("citations"), c.prettify());
            assertNull(c.get("choices[0].finish_reason"), c.prettify());
        });
    }

    @Test
    void theStreamEndsWithDone() {
        String body = given().contentType(ContentType.JSON)
                .body("{\"model\": \"citeqa\", \"stream\": true, \"messages\": [{\"role\": \"user\", \"content\": \""
                        + QUESTION + "\"}]}")
                .post("/v1/chat/completions")
                .then().statusCode(200).contentType(containsString("text/event-stream"))
                .extract().asString();
        List<String> data = body.lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
        assertEquals("[DONE]", data.getLast(), body);
        assertTrue(data.get(data.size() - 2).contains("\"citations\":[{"), body);
        assertTrue(body.endsWith("data: [DONE]\n\n"), body);
    }

    @Test
    void aFollowUpIsResolvedFromTheEarlierMessages() {
        UserMessage first = UserMessage.from("Who is the NATO Secretary General?");
        AiMessage answer = client.chat(first).aiMessage();

        ChatResponse followUp = client.chat(SystemMessage.from("You are a helpful assistant."), first, answer,
                UserMessage.from("What did he say about Russia?"));

        // "He" resolves to Rutte, whose article answers; which sentence is quoted, PublicQuestionsEvalTest scores.
        String text = followUp.aiMessage().text();
        assertTrue(markers(text).contains("004_7f23b3891e78eb35"), text);
        assertTrue(OpenAiClient.raw(followUp).getList("citations.id").contains("004_7f23b3891e78eb35"));
    }

    @Test
    void aStreamedAnswerContinuesTheConversationLikeAWholeOne() throws Exception {
        UserMessage first = UserMessage.from("Who is the NATO Secretary General?");
        AiMessage answer = client.stream(first).response().aiMessage();

        Streamed followUp = client.stream(first, answer, UserMessage.from("What did he say about Russia?"));

        String text = followUp.response().aiMessage().text();
        assertEquals(client.chat(first, answer, UserMessage.from("What did he say about Russia?")).aiMessage().text(),
                text, "the streamed follow-up is the whole one");
        assertTrue(markers(text).contains("004_7f23b3891e78eb35"), text);
    }

    @Test
    void aConversationThisServiceDidNotWriteIsRebuiltFromItsMessages() {
        ChatResponse followUp = client.chat(UserMessage.from("Where did Mark Rutte chair the meeting?"),
                AiMessage.from("In Antalya, as a client wrote it down."),
                UserMessage.from("What did he say about Russia?"));

        // "He" is the Mark Rutte of the client's own messages, so his article answers.
        String text = followUp.aiMessage().text();
        assertTrue(markers(text).contains("004_7f23b3891e78eb35"), text);
    }

    @Test
    void anOffCorpusQuestionIsAnHonestNoWithoutCitations() {
        ChatResponse response = client.chat(UserMessage.from("What is the population of Antalya?"));

        String text = response.aiMessage().text();
        assertTrue(text.startsWith("The corpus does not say."), text);
        assertEquals(List.of(), markers(text));
        JsonPath raw = OpenAiClient.raw(response);
        assertEquals(List.of(), raw.getList("citations"));
        assertEquals(List.of(), raw.getList("choices[0].message.citations"));
    }

    @Test
    void anUnknownModelIsNotFound() {
        OpenAiClient other = new OpenAiClient(v1.toString(), "gpt-4o");
        ModelNotFoundException e = assertThrows(ModelNotFoundException.class,
                () -> other.chat(UserMessage.from(QUESTION)));
        assertTrue(e.getMessage().contains("model_not_found"), e.getMessage());
    }

    @Test
    void anAcceptHeaderThatListsNeitherJsonNorEventsIs406() {
        String body = "{\"messages\": [{\"role\": \"user\", \"content\": \"" + QUESTION + "\"}]";
        given().contentType(ContentType.JSON).accept("application/xml").body(body + "}")
                .post("/v1/chat/completions").then().statusCode(406)
                .body("error.type", equalTo("invalid_request_error"));
        given().contentType(ContentType.JSON).accept("application/json;q=0, text/plain").body(body + "}")
                .post("/v1/chat/completions").then().statusCode(406);
        // OpenAI's clients ask for a stream with "Accept: application/json".
        given().contentType(ContentType.JSON).accept("application/json").body(body + ", \"stream\": true}")
                .post("/v1/chat/completions").then().statusCode(200).contentType(startsWith("text/event-stream"));
        given().contentType(ContentType.JSON).accept("text/*").body(body + "}")
                .post("/v1/chat/completions").then().statusCode(200);
        given().contentType(ContentType.JSON).accept("application/json, */*;q=0.1").body(body + "}")
                .post("/v1/chat/completions").then().statusCode(200);
        // An Accept header that names no media type is as if absent.
        given().contentType(ContentType.JSON).accept("json").body(body + "}")
                .post("/v1/chat/completions").then().statusCode(200);
    }

    @Test
    void aBaseUrlWithoutV1IsToldSoInOpenAisShape() {
        given().get("/models").then().statusCode(404).body("error.message",
                equalTo("No such resource. For the OpenAI-compatible API, the base URL ends in /v1."));
        // The REST API's own paths keep its shape.
        given().get("/api/models").then().statusCode(404).body("status", equalTo(404));
    }

    @Test
    void theLastMessageMustBeTheUsers() {
        InvalidRequestException e = assertThrows(InvalidRequestException.class,
                () -> client.chat(UserMessage.from(QUESTION), AiMessage.from("Antalya.")));
        assertTrue(e.getMessage().contains("last message"), e.getMessage());
    }

    @Test
    void emptyMessagesAre400InOpenAisShape() {
        given().contentType(ContentType.JSON).body("{\"model\": \"citeqa\", \"messages\": []}")
                .post("/v1/chat/completions")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error.message", containsString("must not be empty"))
                .body("error.type", equalTo("invalid_request_error"))
                .body("error", org.hamcrest.Matchers.hasKey("code"))
                .body("status", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "42", "null", "{\"messages\": null}", "{\"messages\": \"hi\"}",
            "{\"messages\": [\"hi\"]}", "{\"messages\": [{\"content\": \"hi\"}]}",
            "{\"messages\": [{\"role\": \"tool\", \"content\": \"hi\"}]}",
            "{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}, {\"role\": \"tool\", \"content\": \"42\"}]}",
            "{\"messages\": [{\"role\": \"critic\", \"content\": \"hi\"}, {\"role\": \"user\", \"content\": \"hi\"}]}",
            "{\"messages\": [{\"role\": \"user\", \"content\": [\"hi\"]}, {\"role\": \"user\", \"content\": \"hi\"}]}",
            "{\"messages\": [{\"role\": \"user\", \"content\": 42}]}",
            "{\"messages\": [{\"role\": \"user\"}]}",
            "{\"messages\": [{\"role\": \"user\", \"content\": \"  \"}]}",
            "{\"messages\": [{\"role\": \"user\", \"content\": \"\\u0000\"}]}",
            "{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"image_url\", \"image_url\": {}}]}]}",
            "{\"messages\": [{\"role\": \"system\", \"content\": \"Be brief.\"}]}",
            "{\"model\": 4, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
            "{\"stream\": \"yes\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
            "{\"temperature\": 3, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
            "{\"temperature\": \"hot\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
            "{\"max_tokens\": 0, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
            "{\"max_tokens\": 1.5, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
            "{\"n\": 2, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
            "{\"n\": \"1\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
            "{\"stream_options\": \"usage\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}",
            "{\"stream_options\": {\"include_usage\": \"yes\"}, \"messages\": [{\"role\": \"user\", \"content\": "
                    + "\"hi\"}]}"})
    void invalidBodiesAre400InOpenAisShape(String body) {
        given().contentType(ContentType.JSON).body(body)
                .post("/v1/chat/completions")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error.type", equalTo("invalid_request_error"))
                .body("error", org.hamcrest.Matchers.hasKey("param"))
                .body("error.message", not(containsString("Exception")));
    }

    /** What CiteQA cannot give is refused, naming the field, rather than missed by the client later. */
    @ParameterizedTest
    @ValueSource(strings = {
            "response_format|{\"type\": \"json_object\"}",
            "response_format|{\"type\": \"json_schema\", \"json_schema\": {\"name\": \"x\", \"schema\": {}}}",
            "tool_choice|\"required\"",
            "tool_choice|{\"type\": \"function\", \"function\": {\"name\": \"get_weather\"}}",
            "tool_choice|5",
            "response_format|\"text\"",
            "response_format|{}",
            "logprobs|true",
            "top_logprobs|3",
            "modalities|[\"text\", \"audio\"]",
            "modalities|[\"audio\"]",
            "audio|{\"voice\": \"alloy\", \"format\": \"wav\"}",
            "n|2",
            "temperature|3"})
    void whatCannotBeGivenIsRefusedNamingTheField(String fieldAndValue) {
        String[] parts = fieldAndValue.split("\\|", 2);
        given().contentType(ContentType.JSON)
                .body("{\"" + parts[0] + "\": " + parts[1] + ", \"messages\": [{\"role\": \"user\", \"content\": \""
                        + QUESTION + "\"}]}")
                .post("/v1/chat/completions")
                .then().statusCode(400)
                .body("error.param", equalTo(parts[0]))
                .body("error.message", containsString(parts[0]));
    }

    @Test
    void whatCanBeGivenOrIgnoredIsAccepted() {
        given().contentType(ContentType.JSON)
                .body("{\"response_format\": {\"type\": \"text\"}, \"tool_choice\": \"auto\", \"tools\": [{\"type\": "
                        + "\"function\", \"function\": {\"name\": \"f\"}}], \"logprobs\": false, "
                        + "\"modalities\": [\"text\"], \"max_tokens\": 2147483648, \"max_completion_tokens\": 9007199254740991, "
                        + "\"messages\": [{\"role\": \"user\", \"content\": \"" + QUESTION + "\"}]}")
                .post("/v1/chat/completions")
                .then().statusCode(200)
                .body("choices[0].message.content", containsString("Antalya"))
                // Sent as null, as OpenAI sends them, for clients that check the shape.
                .body("choices[0]", org.hamcrest.Matchers.hasKey("logprobs"))
                .body("choices[0].logprobs", nullValue())
                .body("choices[0].message", org.hamcrest.Matchers.hasKey("refusal"))
                .body("choices[0].message.refusal", nullValue());
    }

    /**
     * Chat clients resend the whole conversation: an image or a tool exchange in an earlier turn must not end it.
     * The question itself must be text.
     */
    @Test
    void earlierImagesAndToolCallsArePassedOverButTheQuestionMustBeText() {
        String image = "{\"type\": \"image_url\", \"image_url\": {\"url\": \"data:image/png;base64,iVBORw0KGgo=\"}}";
        given().contentType(ContentType.JSON)
                .body("{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \"What is "
                        + "this?\"}, " + image + "]}, {\"role\": \"assistant\", \"content\": \"I cannot see images.\"}, "
                        + "{\"role\": \"user\", \"content\": [" + image + "]}, "
                        + "{\"role\": \"assistant\", \"content\": null, \"tool_calls\": [{\"id\": \"a\", \"type\": "
                        + "\"function\", \"function\": {\"name\": \"f\", \"arguments\": \"{}\"}}]}, "
                        + "{\"role\": \"tool\", \"tool_call_id\": \"a\", \"content\": \"42\"}, "
                        + "{\"role\": \"assistant\", \"function_call\": {\"name\": \"f\", \"arguments\": \"{}\"}}, "
                        + "{\"role\": \"function\", \"name\": \"f\", \"content\": \"42\"}, "
                        + "{\"role\": \"assistant\", \"content\": \"The answer is 42.\"}, "
                        + "{\"role\": \"user\", \"content\": \"" + QUESTION + "\"}]}")
                .post("/v1/chat/completions")
                .then().statusCode(200)
                .body("choices[0].message.content", containsString("Antalya"));
        given().contentType(ContentType.JSON)
                .body("{\"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", "
                        + "\"content\": \"Hi.\"}, {\"role\": \"user\", \"content\": [{\"type\": \"text\", \"text\": \""
                        + QUESTION + "\"}, " + image + "]}]}")
                .post("/v1/chat/completions")
                .then().statusCode(400)
                .body("error.param", equalTo("messages[2].content"))
                .body("error.message", containsString("text parts"));
        // A text part without its text is told so, not that images are not read.
        given().contentType(ContentType.JSON)
                .body("{\"messages\": [{\"role\": \"user\", \"content\": [{\"type\": \"text\"}]}]}")
                .post("/v1/chat/completions")
                .then().statusCode(400)
                .body("error.param", equalTo("messages[0].content"))
                .body("error.message", containsString("needs its \"text\""));
    }

    /** As OpenAI streams it: usage only when asked for, then null in every chunk and counted in a last one. */
    @Test
    void aStreamCarriesUsageOnlyWhenAskedFor() {
        for (boolean asked : new boolean[] {true, false}) {
            String body = given().contentType(ContentType.JSON)
                    .body("{\"stream\": true, " + (asked ? "\"stream_options\": {\"include_usage\": true}, " : "")
                            + "\"messages\": [{\"role\": \"user\", \"content\": \"" + QUESTION + "\"}]}")
                    .post("/v1/chat/completions")
                    .then().statusCode(200)
                    .header("Cache-Control", "no-cache")
                    .header("X-Accel-Buffering", "no")
                    .extract().asString();
            List<JsonPath> chunks = body.lines().filter(l -> l.startsWith("data: {")).map(l -> new JsonPath(
                    l.substring(6))).toList();
            JsonPath last = chunks.getLast();
            List<JsonPath> answer = asked ? chunks.subList(0, chunks.size() - 1) : chunks;
            for (JsonPath chunk : answer) {
                Object usage = chunk.get("usage");
                assertNull(usage, chunk.prettify());
                assertEquals(asked, chunk.getMap("").containsKey("usage"), chunk.prettify());
                assertTrue(chunk.getMap("choices[0]").containsKey("logprobs"), chunk.prettify());
            }
            assertEquals("stop", answer.getLast().getString("choices[0].finish_reason"), body);
            if (asked) {
                assertEquals(List.of(), last.getList("choices"), body);
                assertTrue(last.getInt("usage.completion_tokens") > 10, body);
                assertEquals(last.getInt("usage.prompt_tokens") + last.getInt("usage.completion_tokens"),
                        last.getInt("usage.total_tokens"));
            }
        }
    }

    @Test
    void standardFieldsAndTextPartsAreAccepted() {
        given().contentType(ContentType.JSON)
                .body("{\"model\": \"citeqa\", \"temperature\": 0.7, \"max_tokens\": 200, \"n\": 1, \"user\": \"x\","
                        + " \"stream_options\": {\"include_usage\": true}, \"messages\": [{\"role\": \"user\","
                        + " \"content\": [{\"type\": \"text\", \"text\": \"" + QUESTION + "\"}]}]}")
                .post("/v1/chat/completions")
                .then().statusCode(200)
                .body("choices[0].message.content", containsString("Antalya"))
                .body("choices[0].message.role", equalTo("assistant"))
                .body("choices[0].finish_reason", equalTo("stop"))
                .body("usage.total_tokens", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void anEmptyListOfToolCallsIsNoToolCall() {
        // Some SDKs send one with every assistant message they replay.
        given().contentType(ContentType.JSON)
                .body("{\"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}, {\"role\": \"assistant\", "
                        + "\"content\": \"Hi.\", \"tool_calls\": []}, {\"role\": \"user\", \"content\": \"" + QUESTION
                        + "\"}]}")
                .post("/v1/chat/completions")
                .then().statusCode(200)
                .body("choices[0].message.content", containsString("Antalya"));
    }

    @Test
    void malformedJsonAndOtherMistakesAreOpenAiErrors() {
        given().contentType(ContentType.JSON).body("{\"messages\": [")
                .post("/v1/chat/completions")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("error.message", equalTo("The request body is not valid JSON."))
                .body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("invalid_json"))
                .body("error", org.hamcrest.Matchers.hasKey("param"));
        given().contentType(ContentType.TEXT).body("hi")
                .post("/v1/chat/completions")
                .then().statusCode(415).body("error.type", equalTo("invalid_request_error"))
                .body("error.code", equalTo("unsupported_media_type"));
        given().contentType("application/x-www-form-urlencoded").formParam("question", QUESTION)
                .post("/v1/chat/completions")
                .then().statusCode(415).body("error.code", equalTo("unsupported_media_type"));
        given().contentType(ContentType.JSON).header("Content-Encoding", "gzip").body(new byte[] {31, -117, 8, 0})
                .post("/v1/chat/completions")
                .then().statusCode(415).body("error.message", containsString("uncompressed"));
        given().get("/v1/chat/completions")
                .then().statusCode(405)
                .body("error.type", equalTo("invalid_request_error"));
        given().get("/v1/embeddings")
                .then().statusCode(404).body("error.message", equalTo("No such resource."));
        given().get("/v1")
                .then().statusCode(404).body("error.type", equalTo("invalid_request_error"));
        // A client whose base URL lacks /v1 is told so.
        given().contentType(ContentType.JSON).body("{\"messages\": []}").post("/chat/completions")
                .then().statusCode(404).body("error.message", containsString("ends in /v1"))
                .body("error.type", equalTo("invalid_request_error"));
        given().contentType(ContentType.JSON).body("{\"messages\": [{\"role\": \"user\", \"content\": \""
                        + "a".repeat(1_100_000) + "\"}]}")
                .post("/v1/chat/completions")
                .then().statusCode(413).contentType(ContentType.JSON)
                .body("error.type", equalTo("invalid_request_error"));
        given().contentType(ContentType.JSON).body("{\"messages\": [{\"role\": \"user\", \"content\": \""
                        + "a".repeat(2001) + "\"}]}")
                .post("/v1/chat/completions")
                .then().statusCode(400).body("error.message", containsString("2000"));
    }
}
