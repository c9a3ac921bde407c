package dev.citeqa.api;

/** A request the API refuses, with the status and message the client gets. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    public ApiException(int status, String message) {
        this(status, message, null);
    }

    /** @param code a machine-readable reason for OpenAI-style errors, such as {@code model_not_found}; may be null */
    public ApiException(int status, String message, String code) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }
}
