package dev.citeqa.api;

/**
 * The order of the route handlers that run before any resource: identify, then admit, then check the method, then read
 * the body.
 */
final class HttpOrder {

    private HttpOrder() {}

    static final int REQUEST_ID = Integer.MIN_VALUE;
    static final int GATE = Integer.MIN_VALUE + 1;
    static final int METHOD = Integer.MIN_VALUE + 2;
    static final int BODY = Integer.MIN_VALUE + 3;
}
