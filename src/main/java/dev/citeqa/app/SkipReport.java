package dev.citeqa.app;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.citeqa.collection.FileNames;
import dev.citeqa.collection.NewsCollection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The corpus files the serving index left out, as the admin endpoint and the readiness check show them:
 * how many, how many for each reason, and the first {@link #SHOWN} by name. {@link #all} has every one, for
 * tools that print them.
 */
public record SkipReport(@JsonIgnore List<NewsCollection.Skipped> all) {

    /** Enough to see what went wrong, few enough for a readiness probe that is polled every few seconds. */
    public static final int SHOWN = 20;

    public SkipReport {
        all = List.copyOf(all);
    }

    @JsonProperty
    public int count() {
        return all.size();
    }

    /** Reason code to number of files, sorted by reason. */
    @JsonProperty
    public Map<String, Integer> byReason() {
        return all.stream().collect(Collectors.groupingBy(s -> s.reason().code(), TreeMap::new,
                Collectors.summingInt(s -> 1)));
    }

    /** The first {@link #SHOWN} files, by name. */
    @JsonProperty
    public List<NewsCollection.Skipped> files() {
        return all.subList(0, Math.min(SHOWN, all.size()));
    }

    /** "empty: 2, vanished: 1", for the readiness check, whose data holds only plain values. */
    String byReasonText() {
        return byReason().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** "a.txt (empty), b.txt (vanished), and 3 more", names escaped as in the log. */
    String filesText() {
        String shown = files().stream().map(s -> FileNames.forLog(s.file()) + " (" + s.reason().code() + ")")
                .collect(Collectors.joining(", "));
        return all.size() > SHOWN ? shown + ", and " + (all.size() - SHOWN) + " more" : shown;
    }
}
