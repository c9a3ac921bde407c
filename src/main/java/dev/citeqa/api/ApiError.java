package dev.citeqa.api;

/** The body of every error response: a sentence for people and the HTTP status for programs. */
public record ApiError(String error, int status) {}
