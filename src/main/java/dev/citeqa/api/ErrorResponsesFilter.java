package dev.citeqa.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Adds to the OpenAPI document what every operation shares and no resource method declares: the error
 * responses in their two shapes ({@link ApiError} under {@code /api/}, {@link OpenAiError} under {@code /v1/}) and
 * the API key. Written once here rather than as the same annotations on every method, so that a new endpoint gets
 * them too. Registered with {@code mp.openapi.filter}.
 */
public class ErrorResponsesFilter implements OASFilter {

    private static final String API_ERROR = "Error";
    private static final String OPENAI_ERROR = "OpenAiError";
    private static final String API_KEY = "apiKey";

    /** What each status means on every operation; 404 only where the path names something that may not exist. */
    private static final Map<String, String> STATUSES = Map.of(
            "400", "The request is not valid: the message names the parameter or field",
            "401", "An API key is required (citeqa.api-key is set) and was missing or wrong",
            "404", "Nothing of that ID (or, under /v1, a model other than citeqa)",
            "429", "Over the per-client rate limit; Retry-After says when to try again",
            "503", "No index can answer yet (its build's progress is given), or the search cluster is unreachable");

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(OASFactory.createComponents());
        }
        openApi.getComponents()
                .addSchema(API_ERROR, OASFactory.createSchema().addType(SchemaType.OBJECT)
                        .addProperty("error", text("What is wrong, for people"))
                        .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER))
                        .required(List.of("error", "status")))
                .addSchema(OPENAI_ERROR, OASFactory.createSchema().addType(SchemaType.OBJECT)
                        .addProperty("error", OASFactory.createSchema().addType(SchemaType.OBJECT)
                                .addProperty("message", text("What is wrong, for people"))
                                .addProperty("type", text("invalid_request_error, authentication_error, "
                                        + "rate_limit_error or server_error"))
                                .addProperty("param", nullableText("The request field at fault"))
                                .addProperty("code", nullableText("A machine-readable reason, such as "
                                        + "model_not_found"))
                                .required(List.of("message", "type", "param", "code")))
                        .required(List.of("error")))
                .addSecurityScheme(API_KEY, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                        .scheme("bearer").description("Only when citeqa.api-key is set; X-API-Key: <key> works too"));
        openApi.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach(
                (method, operation) -> addErrors(path, method, operation)));
    }

    private static void addErrors(String path, PathItem.HttpMethod method, Operation operation) {
        if (!path.startsWith("/api/") && !path.startsWith("/v1/")) {
            return;
        }
        operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(API_KEY));
        String schema = path.startsWith("/v1/") ? OPENAI_ERROR : API_ERROR;
        STATUSES.forEach((status, meaning) -> {
            boolean applies = switch (status) {
                // Something of that ID, or a model other than citeqa.
                case "404" -> path.contains("{") || path.equals("/v1/chat/completions");
                case "400" -> operation.getRequestBody() != null
                        || operation.getParameters() != null && !operation.getParameters().isEmpty();
                // The status is answered in every state, to whoever holds the key.
                case "429", "503" -> !path.equals("/api/status");
                default -> true;
            };
            if (!applies) {
                return;
            }
            // The scanner adds a bare 400 to methods that take a body: it gets its shape too.
            APIResponse response = operation.getResponses().hasAPIResponse(status)
                    ? operation.getResponses().getAPIResponse(status) : OASFactory.createAPIResponse();
            if (response.getContent() == null) {
                operation.getResponses().addAPIResponse(status, response.description(meaning)
                        .content(OASFactory.createContent().addMediaType("application/json",
                                OASFactory.createMediaType().schema(OASFactory.createSchema()
                                        .ref("#/components/schemas/" + schema)))));
            }
        });
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }

    private static Schema nullableText(String description) {
        return text(description).addType(SchemaType.NULL);
    }
}
