package dev.citeqa.api.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.citeqa.api.ApiException;
import dev.citeqa.api.QueryText;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;

/**
 * A validated chat completions body. The last message is the question; the user and assistant messages before
 * it are the conversation so far. System and developer messages are accepted and counted, but CiteQA answers
 * with its own prompts. Chat clients resend the whole conversation, so an earlier turn's images and tool calls,
 * which CiteQA never answered, are passed over (their text is kept) rather than refused: refusing would end
 * the conversation for good. {@code temperature} and {@code max_tokens} are checked as OpenAI checks them and
 * otherwise ignored: the configured answerer's settings apply, and a cut-off answer would lose its citations.
 * What CiteQA cannot give is refused rather than ignored, as a client would fail later on its absence: more
 * than one choice ({@code n}), JSON output ({@code response_format}), a tool call that {@code tool_choice}
 * demands, and {@code logprobs}. Fields CiteQA has no use for are ignored.
 *
 * <p>Parsed by hand from the JSON tree, like {@code /api/ask}'s body, so that a wrong type is a 400 naming the
 * field rather than a silent coercion.
 *
 * @param messages every message as sent, for the token count
 * @param history the user questions and assistant answers before the question, oldest first
 * @param includeUsage whether a stream ends with a chunk of token counts ({@code stream_options.include_usage})
 */
record ChatCompletionRequest(String question, List<ChatMessage> history, List<ChatMessage> messages,
        boolean stream, boolean includeUsage) {

    /** The transcript as the client will send it next time: the history, this question and its answer. */
    List<ChatMessage> transcript(String answer) {
        List<ChatMessage> transcript = new ArrayList<>(history);
        transcript.add(UserMessage.from(question));
        transcript.add(AiMessage.from(answer));
        return transcript;
    }

    static ChatCompletionRequest parse(JsonNode body, int maxChars) {
        if (body == null || body.isMissingNode() || body.isNull() || !body.isObject()) {
            throw invalid(null, "The body must be a JSON object with \"model\" and \"messages\".");
        }
        JsonNode model = body.get("model");
        if (present(model)) {
            if (!model.isTextual()) {
                throw invalid("model", "\"model\" must be a string.");
            }
            if (!model.textValue().equals(ModelsResource.MODEL)) {
                throw ModelsResource.notFound(model.textValue());
            }
        }
        JsonNode list = checkedList(body.get("messages"));
        int asked = lastTurn(list);
        List<ChatMessage> messages = messages(list, asked);
        String where = "messages[" + asked + "].content";
        List<ChatMessage> conversation = messages.stream().filter(m -> !(m instanceof SystemMessage)).toList();
        if (!(conversation.getLast() instanceof UserMessage last)) {
            throw invalid("messages", "The last message must come from the user: it is the question.");
        }
        String question = last.singleText();
        if (question.isEmpty()) {
            throw invalid(where, "The last user message must not be blank.");
        }
        if (QueryText.longerThan(question, maxChars)) {
            throw invalid(where, "The last user message is longer than " + maxChars + " characters.");
        }
        checkNumber(body, "temperature", 0, 2, false);
        checkNumber(body, "max_tokens", 1, Double.MAX_VALUE, true);
        checkNumber(body, "max_completion_tokens", 1, Double.MAX_VALUE, true);
        JsonNode n = body.get("n");
        if (present(n) && !(n.isNumber() && n.canConvertToInt() && n.canConvertToExactIntegral() && n.intValue() == 1)) {
            // Several choices would be the same extract, or the same model call repeated: say so, not ignore it.
            throw invalid("n", "\"n\" must be 1: CiteQA gives one answer per question.");
        }
        checkCanGive(body);
        boolean stream = flag("stream", body.get("stream"));
        JsonNode options = body.get("stream_options");
        if (present(options) && !options.isObject()) {
            throw invalid("stream_options", "\"stream_options\" must be an object.");
        }
        boolean includeUsage = present(options) && flag("stream_options.include_usage", options.get("include_usage"));
        return new ChatCompletionRequest(question, conversation.subList(0, conversation.size() - 1), messages,
                stream, includeUsage);
    }

    /** JSON output, a demanded tool call or token probabilities would be missed by the client only later. */
    private static void checkCanGive(JsonNode body) {
        // Given, each must be what CiteQA gives, in OpenAI's own shape: {"type": "text"}, not "text" or {}.
        JsonNode format = body.get("response_format");
        if (present(format) && !(format.isObject() && format.path("type").isTextual()
                && format.path("type").textValue().equals("text"))) {
            throw invalid("response_format", "\"response_format\" may only be {\"type\": \"text\"}: CiteQA "
                    + "answers in prose with citations, not in JSON.");
        }
        JsonNode toolChoice = body.get("tool_choice");
        if (present(toolChoice) && !(toolChoice.isTextual() && (toolChoice.textValue().equals("none")
                || toolChoice.textValue().equals("auto")))) {
            throw invalid("tool_choice", "\"tool_choice\" may only be \"none\" or \"auto\": CiteQA calls no tools.");
        }
        if (body.path("logprobs").asBoolean(false)) {
            throw invalid("logprobs", "\"logprobs\" must be false: CiteQA's answers have no token probabilities.");
        }
        if (present(body.get("top_logprobs"))) {
            throw invalid("top_logprobs", "\"top_logprobs\" cannot be given: CiteQA's answers have no token "
                    + "probabilities.");
        }
        JsonNode modalities = body.get("modalities");
        if (present(modalities) && !(modalities.isArray() && modalities.size() > 0
                && StreamSupport.stream(modalities.spliterator(), false)
                        .allMatch(m -> "text".equals(m.asText(null))))) {
            throw invalid("modalities", "\"modalities\" may only be [\"text\"]: CiteQA answers in text.");
        }
        if (present(body.get("audio"))) {
            throw invalid("audio", "\"audio\" cannot be given: CiteQA answers in text.");
        }
    }

    private static boolean flag(String name, JsonNode value) {
        if (present(value) && !value.isBoolean()) {
            throw invalid(name, "\"" + name + "\" must be true or false.");
        }
        return present(value) && value.booleanValue();
    }

    private static JsonNode checkedList(JsonNode node) {
        if (!present(node)) {
            throw invalid("messages", "\"messages\" is required.");
        }
        if (!node.isArray()) {
            throw invalid("messages", "\"messages\" must be an array of messages.");
        }
        if (node.isEmpty()) {
            throw invalid("messages", "\"messages\" must not be empty: the last user message is the question.");
        }
        return node;
    }

    /** @param question the place of the question in {@code node} ({@link #lastTurn}) */
    private static List<ChatMessage> messages(JsonNode node, int question) {
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            ChatMessage message = message(node.get(i), "messages[" + i + "]", i == question);
            if (message != null) {
                messages.add(message);
            }
        }
        if (messages.stream().allMatch(m -> m instanceof SystemMessage)) {
            throw invalid("messages", "\"messages\" holds no user message to answer.");
        }
        return messages;
    }

    /** The place of the last message that is not a system or developer one: the question, or -1. */
    private static int lastTurn(JsonNode messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            String role = messages.get(i).path("role").asText("").toLowerCase(Locale.ROOT);
            if (!role.equals("system") && !role.equals("developer")) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The message, or null for one that says nothing CiteQA can read: a blank system message, and in earlier
     * turns a tool's result, a tool call without text and a message of images alone.
     *
     * @param question whether it is the last turn, which must be the user's question in text alone
     */
    private static ChatMessage message(JsonNode node, String where, boolean question) {
        if (!node.isObject()) {
            throw invalid(where, where + " must be an object with \"role\" and \"content\".");
        }
        JsonNode role = node.get("role");
        if (role == null || !role.isTextual()) {
            throw invalid(where + ".role", where + ".role must be a string.");
        }
        return switch (role.textValue().toLowerCase(Locale.ROOT)) {
            case "user" -> {
                String text = text(node.get("content"), where, !question, question);
                yield question || !text.isBlank() ? UserMessage.from(QueryText.clean(text, where + ".content")) : null;
            }
            case "assistant" -> {
                String text = text(node.get("content"), where, true, false);
                boolean called = callsATool(node.get("tool_calls")) || callsATool(node.get("function_call"));
                yield called && text.isBlank() && !question ? null : AiMessage.from(text);
            }
            case "tool", "function" -> {
                if (question) {
                    throw invalid("messages", "The last message must come from the user: it is the question.");
                }
                yield null;
            }
            case "system", "developer" -> {
                String text = text(node.get("content"), where, true, false);
                yield text.isBlank() ? null : SystemMessage.from(text); // LangChain4j refuses a blank one
            }
            default -> throw invalid(where + ".role",
                    where + ".role must be user, assistant, system, developer, tool or function.");
        };
    }

    /**
     * A string, or an array of parts as newer clients send, whose text parts are joined; an assistant's may be
     * absent.
     *
     * @param textOnly whether a part that is not text (an image, a file) is refused rather than passed over
     */
    private static String text(JsonNode content, String where, boolean optional, boolean textOnly) {
        if (!present(content)) {
            if (optional) {
                return "";
            }
            throw invalid(where + ".content", where + ".content is required.");
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        if (!content.isArray()) {
            throw invalid(where + ".content", where + ".content must be a string or an array of text parts.");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            JsonNode partText = part.get("text");
            boolean isText = part.isObject() && "text".equals(part.path("type").asText()) && partText != null
                    && partText.isTextual();
            if (!isText && (textOnly || !part.isObject())) {
                boolean textType = part.isObject() && "text".equals(part.path("type").asText());
                throw invalid(where + ".content", where + ".content may only hold text parts ({\"type\": \"text\", "
                        + "\"text\": \"…\"}): " + (textType ? "a text part needs its \"text\" as a string."
                        : "CiteQA reads no images or files."));
            }
            if (isText) {
                text.append(text.isEmpty() ? "" : "\n").append(partText.textValue());
            }
        }
        return text.toString();
    }

    private static void checkNumber(JsonNode body, String field, double min, double max, boolean whole) {
        JsonNode value = body.get(field);
        if (present(value) && (!value.isNumber() || whole && !value.canConvertToExactIntegral()
                || value.doubleValue() < min || value.doubleValue() > max)) {
            throw invalid(field, "\"" + field + "\" must be " + (whole ? "a whole number of at least " + (int) min
                    : "a number from " + (int) min + " to " + (int) max) + ".");
        }
    }

    /** Some clients send an empty list with every assistant message. */
    private static boolean callsATool(JsonNode calls) {
        return present(calls) && !(calls.isContainerNode() && calls.isEmpty());
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }

    private static ApiException invalid(String param, String message) {
        return new ApiException(400, message, null, param);
    }
}
