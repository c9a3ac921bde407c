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

/**
 * A validated chat completions body. The last message is the question; the user and assistant messages before
 * it are the conversation so far. System and developer messages are accepted and counted, but CiteQA answers
 * with its own prompts. {@code temperature} and {@code max_tokens} are checked as OpenAI checks them and
 * otherwise ignored: the configured answerer's settings apply, and a cut-off answer would lose its citations.
 * {@code n} may only be 1.
 * Fields CiteQA has no use for are ignored.
 *
 * <p>Parsed by hand from the JSON tree, like {@code /api/ask}'s body, so that a wrong type is a 400 naming the
 * field rather than a silent coercion.
 *
 * @param messages every message as sent, for the token count
 * @param history the user questions and assistant answers before the question, oldest first
 */
record ChatCompletionRequest(String question, List<ChatMessage> history, List<ChatMessage> messages,
        boolean stream) {

    /** The transcript as the client will send it next time: the history, this question and its answer. */
    List<ChatMessage> transcript(String answer) {
        List<ChatMessage> transcript = new ArrayList<>(history);
        transcript.add(UserMessage.from(question));
        transcript.add(AiMessage.from(answer));
        return transcript;
    }

    static ChatCompletionRequest parse(JsonNode body, int maxChars) {
        if (body == null || body.isMissingNode() || body.isNull() || !body.isObject()) {
            throw invalid("The body must be a JSON object with \"model\" and \"messages\".");
        }
        JsonNode model = body.get("model");
        if (present(model)) {
            if (!model.isTextual()) {
                throw invalid("\"model\" must be a string.");
            }
            if (!model.textValue().equals(ModelsResource.MODEL)) {
                throw ModelsResource.notFound(model.textValue());
            }
        }
        List<ChatMessage> messages = messages(body.get("messages"));
        List<ChatMessage> conversation = messages.stream().filter(m -> !(m instanceof SystemMessage)).toList();
        if (!(conversation.getLast() instanceof UserMessage last)) {
            throw invalid("The last message must come from the user: it is the question.");
        }
        String question = last.singleText();
        if (question.isEmpty()) {
            throw invalid("The last user message must not be blank.");
        }
        if (QueryText.longerThan(question, maxChars)) {
            throw invalid("The last user message is longer than " + maxChars + " characters.");
        }
        checkNumber(body, "temperature", 0, 2, false);
        checkNumber(body, "max_tokens", 1, Integer.MAX_VALUE, true);
        checkNumber(body, "max_completion_tokens", 1, Integer.MAX_VALUE, true);
        JsonNode n = body.get("n");
        if (present(n) && !(n.isNumber() && n.canConvertToExactIntegral() && n.intValue() == 1)) {
            // Several choices would be the same extract, or the same model call repeated: say so, not ignore it.
            throw invalid("\"n\" must be 1: CiteQA gives one answer per question.");
        }
        JsonNode stream = body.get("stream");
        if (present(stream) && !stream.isBoolean()) {
            throw invalid("\"stream\" must be true or false.");
        }
        return new ChatCompletionRequest(question, conversation.subList(0, conversation.size() - 1), messages,
                present(stream) && stream.booleanValue());
    }

    private static List<ChatMessage> messages(JsonNode node) {
        if (!present(node)) {
            throw invalid("\"messages\" is required.");
        }
        if (!node.isArray()) {
            throw invalid("\"messages\" must be an array of messages.");
        }
        if (node.isEmpty()) {
            throw invalid("\"messages\" must not be empty: the last user message is the question.");
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            ChatMessage message = message(node.get(i), "messages[" + i + "]");
            if (message != null) {
                messages.add(message);
            }
        }
        if (messages.stream().allMatch(m -> m instanceof SystemMessage)) {
            throw invalid("\"messages\" holds no user message to answer.");
        }
        return messages;
    }

    /** The message, or null for a blank system message, which says nothing. */
    private static ChatMessage message(JsonNode node, String where) {
        if (!node.isObject()) {
            throw invalid(where + " must be an object with \"role\" and \"content\".");
        }
        JsonNode role = node.get("role");
        if (role == null || !role.isTextual()) {
            throw invalid(where + ".role must be a string.");
        }
        return switch (role.textValue().toLowerCase(Locale.ROOT)) {
            case "user" -> UserMessage.from(QueryText.clean(text(node.get("content"), where, false), where + ".content"));
            case "assistant" -> {
                // A tool call's turn answers with a tool's result that CiteQA never had: the conversation would
                // read as if it said nothing.
                if (callsATool(node.get("tool_calls")) || callsATool(node.get("function_call"))) {
                    throw invalid(where + " calls a tool; CiteQA calls no tools.");
                }
                yield AiMessage.from(text(node.get("content"), where, true));
            }
            case "system", "developer" -> {
                String text = text(node.get("content"), where, true);
                yield text.isBlank() ? null : SystemMessage.from(text); // LangChain4j refuses a blank one
            }
            default -> throw invalid(where + ".role must be user, assistant, system or developer; CiteQA calls "
                    + "no tools.");
        };
    }

    /** A string, or an array of text parts as newer clients send; an assistant's may be absent. */
    private static String text(JsonNode content, String where, boolean optional) {
        if (!present(content)) {
            if (optional) {
                return "";
            }
            throw invalid(where + ".content is required.");
        }
        if (content.isTextual()) {
            return content.textValue();
        }
        if (!content.isArray()) {
            throw invalid(where + ".content must be a string or an array of text parts.");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            JsonNode partText = part.get("text");
            if (!part.isObject() || !"text".equals(part.path("type").asText()) || partText == null
                    || !partText.isTextual()) {
                throw invalid(where + ".content may only hold text parts ({\"type\": \"text\", \"text\": \"…\"}).");
            }
            text.append(text.isEmpty() ? "" : "\n").append(partText.textValue());
        }
        return text.toString();
    }

    private static void checkNumber(JsonNode body, String field, double min, double max, boolean whole) {
        JsonNode value = body.get(field);
        if (present(value) && (!value.isNumber() || whole && !value.canConvertToExactIntegral()
                || value.doubleValue() < min || value.doubleValue() > max)) {
            throw invalid("\"" + field + "\" must be " + (whole ? "a whole number of at least " + (int) min
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

    private static ApiException invalid(String message) {
        return ApiException.badRequest(message);
    }
}
