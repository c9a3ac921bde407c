package dev.citeqa.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs of a benchmark tool's command line. */
final class Args {

    private final Map<String, String> values = new HashMap<>();

    Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[++i]);
        }
    }

    /** The value, or {@code fallback}; a null fallback makes the option required. */
    String get(String name, String fallback) {
        String value = values.getOrDefault(name, fallback);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    int[] ints(String name, String fallback) {
        return Arrays.stream(get(name, fallback).split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
