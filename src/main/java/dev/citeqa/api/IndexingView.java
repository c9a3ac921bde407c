package dev.citeqa.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.citeqa.index.BuildProgress;

/**
 * The index build running now, as the API shows it: {@code phase} (listing, parsing, lexical index,
 * embedding, committing), {@code done} of {@code total} {@code unit}s, the {@code rate} per second, the
 * seconds left ({@code etaSeconds}, absent until the rate is known), and in the embedding phase how many
 * texts came from the embedding cache ({@code cached}) and how many the model embedded ({@code embedded}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndexingView(String phase, long done, long total, String unit, int percent, double rate,
        Long etaSeconds, Long cached, Long embedded) {

    /** Null when no build runs. */
    public static IndexingView of(BuildProgress.Snapshot s) {
        if (s == null) {
            return null;
        }
        boolean embedding = s.phase() == BuildProgress.Phase.EMBEDDING;
        return new IndexingView(s.phaseLabel(), s.done(), s.total(), s.phase().unit(), s.percent(), s.rate(),
                s.etaSeconds() < 0 ? null : s.etaSeconds(), embedding ? s.cached() : null,
                embedding ? s.embedded() : null);
    }
}
