package dev.citeqa.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The questions of a JSON-lines file ({@code {"question": ...}} per line), as bench/corpus.py writes them. */
final class Questions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Questions() {}

    static List<String> read(Path file) throws IOException {
        List<String> questions = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(l -> {
            try {
                return JSON.readTree(l).get("question").asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
        if (questions.isEmpty()) {
            throw new IllegalArgumentException("no questions in " + file);
        }
        return questions;
    }
}
