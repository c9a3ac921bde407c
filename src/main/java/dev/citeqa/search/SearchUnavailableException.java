package dev.citeqa.search;

/**
 * The search backend cannot answer now (cluster unreachable, no index there yet). Temporary by nature: the
 * API answers 503, and the next request tries again.
 */
public class SearchUnavailableException extends RuntimeException {

    public SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
