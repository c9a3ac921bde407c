package dev.citeqa.api;

import java.util.regex.Pattern;

/**
 * The body of every error response under {@code /v1/} (and of a 404 for an OpenAI path without it), in the shape
 * OpenAI clients parse:
 * {@code {"error": {"message", "type", "param", "code"}}}. The rest of the API answers with {@link ApiError}.
 */
public record OpenAiError(Detail error) {

    public static final String PATH_PREFIX = "/v1/";

    /**
     * @param param the request field at fault ({@code "temperature"}, {@code "messages[0].content"}), or null; sent
     *     as null rather than left out, as OpenAI sends it
     * @param code a machine-readable reason such as {@code model_not_found}, or null
     */
    public record Detail(String message, String type, String param, String code) {}

    public static OpenAiError of(int status, String message, String code) {
        return of(status, message, code, null);
    }

    public static OpenAiError of(int status, String message, String code, String param) {
        return new OpenAiError(new Detail(message, type(status), param, code));
    }

    /**
     * An OpenAI client whose base URL lacks {@code /v1} asks for these ("/chat/completions"): it is told so, in the
     * shape it reads.
     */
    private static final Pattern WITHOUT_V1 = Pattern.compile("^(?!/v1/)(?!/api/).*/(?:chat/completions|models|"
            + "completions|embeddings)/?$");

    /**
     * Whether a request to {@code path} gets its errors in this shape: {@code /v1} itself and below it, and an
     * OpenAI path without it ({@link #withoutV1}).
     */
    public static boolean applies(String path) {
        return path != null && (path.startsWith(PATH_PREFIX) || path.equals("/v1") || withoutV1(path));
    }

    /** Whether {@code path} is one an OpenAI client asks for when its base URL lacks {@code /v1}. */
    static boolean withoutV1(String path) {
        return WITHOUT_V1.matcher(path).find();
    }

    /** OpenAI's error types, by status. */
    static String type(int status) {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }
}
