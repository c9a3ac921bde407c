package dev.citeqa.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word lists of {@code src/main/resources/analysis/}: one word (or one pair of words) per line, {@code #} for
 * comments. Kept as data so that a list can be read and changed without reading the rules that use it.
 */
public final class WordLists {

    private WordLists() {}

    /** The words of {@code analysis/<name>.txt}, in file order. */
    public static Set<String> load(String name) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(lines(name)));
    }

    /** The "word other" lines of {@code analysis/<name>.txt}, in file order; a word's first line counts. */
    public static Map<String, String> pairs(String name) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String line : lines(name)) {
            String[] pair = line.split("\\s+");
            if (pair.length != 2) {
                throw new IllegalStateException("analysis/" + name + ".txt: not a pair of words: " + line);
            }
            pairs.putIfAbsent(pair[0], pair[1]);
        }
        return Collections.unmodifiableMap(pairs);
    }

    /**
     * The "form | form | ..." lines of {@code analysis/<name>.txt}: each form, as its plain words, to every form of
     * its line (itself included).
     */
    public static Map<List<String>, List<List<String>>> groups(String name) {
        Map<List<String>, List<List<String>>> groups = new LinkedHashMap<>();
        for (String line : lines(name)) {
            List<List<String>> forms = new ArrayList<>();
            for (String form : line.split("\\|")) {
                forms.add(List.of(form.strip().split("\\s+")));
            }
            forms.forEach(form -> groups.putIfAbsent(form, List.copyOf(forms)));
        }
        return Collections.unmodifiableMap(groups);
    }

    private static List<String> lines(String name) {
        String resource = "/analysis/" + name + ".txt";
        try (InputStream in = WordLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            List<String> lines = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String stripped = line.strip();
                if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                    lines.add(stripped);
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
