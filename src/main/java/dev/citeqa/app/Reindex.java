package dev.citeqa.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.IndexManager;
import java.time.Instant;

/**
 * How the last reindex went, as the admin endpoint and the readiness check report it. The counts are those
 * of the index serving afterwards: after a failure, the previous one.
 *
 * @param outcome {@code unchanged}, {@code updated} (only changed files re-indexed), {@code rebuilt}, or
 *     {@code failed}
 * @param error why it failed; null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reindex(String outcome, long generation, int documents, int passages, long durationMs,
        Instant finishedAt, String error) {

    public static final String FAILED = "failed";

    static Reindex succeeded(IndexManager.Outcome outcome, CorpusIndex index, long durationMs) {
        String name = switch (outcome) {
            case REUSED -> "unchanged";
            case UPDATED -> "updated";
            case BUILT -> "rebuilt";
            case STALE_AFTER_FAILED_BUILD -> FAILED;
        };
        String error = outcome == IndexManager.Outcome.STALE_AFTER_FAILED_BUILD
                ? "the index could not be brought up to date at start-up; see the log" : null;
        return new Reindex(name, index.generation(), index.articleCount(), index.passageCount(), durationMs,
                Instant.now(), error);
    }

    static Reindex failed(CorpusIndex serving, long durationMs, Throwable e) {
        return new Reindex(FAILED, serving.generation(), serving.articleCount(), serving.passageCount(), durationMs,
                Instant.now(), describe(e));
    }

    public boolean ok() {
        return error == null;
    }

    /** The cause a reader can act on ("No space left on device", "x.txt: Permission denied"). */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}
