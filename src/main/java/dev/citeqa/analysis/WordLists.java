package dev.citeqa.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The word lists of {@code src/main/resources/analysis/}: one word per line, {@code #} for comments. Kept as
 * data so that a list can be read and changed without reading the rules that use it.
 */
public final class WordLists {

    private WordLists() {}

    /** The words of {@code analysis/<name>.txt}, in file order. */
    public static Set<String> load(String name) {
        String resource = "/analysis/" + name + ".txt";
        try (InputStream in = WordLists.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            Set<String> words = new LinkedHashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
            return Collections.unmodifiableSet(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
