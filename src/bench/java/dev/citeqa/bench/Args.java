package dev.citeqa.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} pairs of a benchmark tool's command line; a name may repeat ({@link #all}). */
final class Args {

    private final Map<String, List<String>> values = new HashMap<>();

    Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            values.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
        }
    }

    /** The value (the last, if repeated), or {@code fallback}; a null fallback makes the option required. */
    String get(String name, String fallback) {
        List<String> given = values.get(name);
        String value = given == null ? fallback : given.getLast();
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    /** Every value of a repeated option, in order; at least one is required. */
    List<String> all(String name) {
        List<String> given = values.get(name);
        if (given == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return given;
    }

    int[] ints(String name, String fallback) {
        return Arrays.stream(get(name, fallback).split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
