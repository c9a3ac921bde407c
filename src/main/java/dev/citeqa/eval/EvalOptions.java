package dev.citeqa.eval;

import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code eval [--questions FILE] [--corpus DIR] [--data DIR] [--mode bm25|dense|hybrid | --all-modes]
 * [--limit N] [-v]}: {@code --limit} asks only the first N questions.
 * The corpus and data folders become {@code citeqa.corpus.dir} and {@code citeqa.data.dir} before the
 * service starts; by default an evaluation keeps its index apart from the service's, under
 * {@code target/eval-data/<corpus folder name>}.
 */
public record EvalOptions(String questions, String corpus, String data, RetrievalMode mode, boolean allModes,
        boolean verbose, int limit) {

    public static final String USAGE = "usage: eval [--questions FILE] [--corpus DIR] [--data DIR] "
            + "[--mode bm25|dense|hybrid | --all-modes] [--limit N] [-v]";

    public static EvalOptions parse(String... args) {
        String questions = "eval/questions.jsonl";
        String corpus = null;
        String data = null;
        RetrievalMode mode = null;
        boolean allModes = false;
        boolean verbose = false;
        int limit = Integer.MAX_VALUE;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "eval" -> { }
                case "--questions" -> questions = value(args, ++i);
                case "--corpus" -> corpus = value(args, ++i);
                case "--data" -> data = value(args, ++i);
                case "--mode" -> mode = mode(value(args, ++i));
                case "--all-modes" -> allModes = true;
                case "-v", "--verbose" -> verbose = true;
                case "--limit" -> limit = positive(value(args, ++i));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (allModes && mode != null) {
            throw new IllegalArgumentException("--mode and --all-modes exclude each other\n" + USAGE);
        }
        if (data == null && corpus != null) {
            data = Path.of("target", "eval-data", Path.of(corpus).toAbsolutePath().normalize().getFileName().toString())
                    .toString();
        }
        return new EvalOptions(questions, corpus, data, mode, allModes, verbose, limit);
    }

    private static int positive(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--limit takes a positive number, not " + value + "\n" + USAGE);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static RetrievalMode mode(String value) {
        try {
            return RetrievalMode.valueOf(value.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--mode must be bm25, dense or hybrid\n" + USAGE, e);
        }
    }
}
