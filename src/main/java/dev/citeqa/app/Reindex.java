package dev.citeqa.app;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.citeqa.collection.FileNames;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.IndexManager;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the last reindex went, as the admin endpoint and the readiness check report it. The counts are those
 * of the index serving afterwards: after a failure, the previous one.
 *
 * @param outcome {@code unchanged}, {@code updated} (only changed files re-indexed), {@code rebuilt}, or
 *     {@code failed}
 * @param error why it failed, with paths relative to the corpus folder; null otherwise
 * @param skipped the corpus files the serving index left out, and why
 * @param vectors {@code complete}, or {@code pending} while a vector pass still has articles to embed (BM25
 *     answers meanwhile); null in BM25 mode
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reindex(String outcome, long generation, int documents, int passages, long durationMs,
        Instant finishedAt, String error, SkipReport skipped, String vectors) {

    public static final String FAILED = "failed";

    static Reindex succeeded(IndexManager.Outcome outcome, CorpusIndex index, long durationMs) {
        String name = switch (outcome) {
            case REUSED -> "unchanged";
            case UPDATED -> "updated";
            case BUILT -> "rebuilt";
            case STALE_AFTER_FAILED_BUILD -> FAILED;
            case VECTORS_ADDED -> "vectors-added";
        };
        String error = outcome == IndexManager.Outcome.STALE_AFTER_FAILED_BUILD
                ? "the index could not be brought up to date at start-up; see the log" : null;
        return new Reindex(name, index.generation(), index.articleCount(), index.passageCount(), durationMs,
                Instant.now(), error, new SkipReport(index.skipped()), vectors(index));
    }

    static String vectors(CorpusIndex index) {
        return index.pendingArticles() > 0 ? "pending" : index.hasVectors() ? "complete" : null;
    }

    /**
     * @param corpus the corpus folder, whose path the error shows relative to it
     * @param data the data folder, whose path the error shows as {@code <data>}
     */
    static Reindex failed(CorpusIndex serving, long durationMs, Throwable e, Path corpus, Path data) {
        String error = FileNames.forLog(relative(describe(e), corpus, data));
        if (serving == null) {
            return new Reindex(FAILED, 0, 0, 0, durationMs, Instant.now(), error, new SkipReport(List.of()), null);
        }
        return new Reindex(FAILED, serving.generation(), serving.articleCount(), serving.passageCount(), durationMs,
                Instant.now(), error, new SkipReport(serving.skipped()), vectors(serving));
    }

    /**
     * The message with paths inside the corpus folder shown relative to it ("x.txt"), the folder itself as
     * {@code <corpus>}, and the data folder as {@code <data>}: the readiness check is open to everyone, and the
     * server's layout is none of their business.
     */
    static String relative(String message, Path corpus, Path data) {
        // The longer spelling first, whichever folder it is (a corpus inside the data folder), and a folder only
        // where its name ends: "/srv/data" is no part of "/srv/database".
        Map<String, String> names = new java.util.HashMap<>();
        spellings(data).forEach(root -> names.put(root, "<data>"));
        spellings(corpus).forEach(root -> names.put(root, "<corpus>"));
        String result = message;
        for (String root : names.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .toList()) {
            if (names.get(root).equals("<corpus>")) {
                result = result.replace(root + File.separator, "");
            }
            result = Pattern.compile(Pattern.quote(root) + "(?![\\w.\\-])").matcher(result)
                    .replaceAll(Matcher.quoteReplacement(names.get(root)));
        }
        if (!corpus.isAbsolute()) {
            // As configured ("corpus/x.txt"), where it starts a path rather than ends a word.
            Pattern given = Pattern.compile("(?<![\\w./\\-])" + Pattern.quote(corpus.normalize() + File.separator));
            result = given.matcher(result).replaceAll(Matcher.quoteReplacement(""));
        }
        return result;
    }

    /** A folder's absolute path and its real one (through links), the longer first, so that it is replaced whole. */
    private static List<String> spellings(Path folder) {
        Set<String> roots = new LinkedHashSet<>();
        roots.add(folder.toAbsolutePath().normalize().toString());
        try {
            if (Files.exists(folder)) {
                roots.add(folder.toRealPath().toString());
            }
        } catch (java.io.IOException e) {
            // The absolute form is replaced all the same.
        }
        return roots.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
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
