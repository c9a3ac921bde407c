package dev.citeqa.api;

/** A request the API refuses, with the status and message the client gets. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final String param;

    public ApiException(int status, String message) {
        this(status, message, null);
    }

    /** @param code a machine-readable reason for OpenAI-style errors, such as {@code model_not_found}; may be null */
    public ApiException(int status, String message, String code) {
        this(status, message, code, null);
    }

    /** @param param the request field at fault, for OpenAI-style errors ({@code "messages[2].content"}); may be null */
    public ApiException(int status, String message, String code, String param) {
        super(message);
        this.status = status;
        this.code = code;
        this.param = param;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String param() {
        return param;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }
}
