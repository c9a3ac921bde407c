package dev.citeqa.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A validated {@code /api/ask} body. Parsed by hand from the JSON tree because Jackson's binding would
 * coerce a number or an array into a string question, and a client sending those has a bug worth a 400.
 */
@Schema(name = "AskRequest", description = "A question, and the conversation it follows up, if any.")
record AskRequest(
        @Schema(required = true, description = "The question: up to citeqa.question.max-chars characters (2000 by "
                + "default), counted as people count them.", examples = "Who is the NATO Secretary General?")
        String question,
        @Schema(description = "The conversationId of an earlier answer, to ask a follow-up; 1 to 64 letters, digits, "
                + "'_' or '-'.", pattern = "[A-Za-z0-9_-]{1,64}")
        String conversationId) {

    private static final Set<String> FIELDS = Set.of("question", "conversationId");
    private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    static AskRequest parse(JsonNode body, int maxChars) {
        if (body == null || body.isMissingNode() || body.isNull()) {
            throw ApiException.badRequest("The body must be a JSON object such as {\"question\": \"...\"}.");
        }
        if (!body.isObject()) {
            throw ApiException.badRequest("The body must be a JSON object, not " + kind(body) + ".");
        }
        // A misspelt field ("conversationID") would otherwise be ignored and silently start a new conversation.
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest("Unknown field \"" + name + "\"; the body takes \"question\" and "
                        + "\"conversationId\".");
            }
        });
        JsonNode question = body.get("question");
        if (question == null || question.isNull()) {
            throw ApiException.badRequest("\"question\" is required.");
        }
        if (!question.isTextual()) {
            throw ApiException.badRequest("\"question\" must be a string, not " + kind(question) + ".");
        }
        String text = QueryText.clean(question.textValue(), "question");
        if (text.isEmpty()) {
            throw ApiException.badRequest("\"question\" must not be blank.");
        }
        if (QueryText.longerThan(text, maxChars)) {
            throw ApiException.badRequest("\"question\" is longer than " + maxChars + " characters.");
        }
        JsonNode conversation = body.get("conversationId");
        String conversationId = null;
        if (conversation != null && !conversation.isNull()) {
            if (!conversation.isTextual() || !CONVERSATION_ID.matcher(conversation.textValue()).matches()) {
                throw ApiException.badRequest(
                        "\"conversationId\" must be a string of 1 to 64 letters, digits, '-' or '_'.");
            }
            conversationId = conversation.textValue();
        }
        return new AskRequest(text, conversationId);
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
