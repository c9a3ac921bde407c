package dev.citeqa.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The questions of a JSON-lines file: {@code {"question": ...}} per line, as bench/corpus.py writes them, or
 * {@code {"turns": [...]}} for a conversation with follow-ups, as in eval/questions.jsonl.
 */
final class Questions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Questions() {}

    /** One standalone question per line: a conversation's first turn, since its follow-ups need the conversation. */
    static List<String> read(Path file) throws IOException {
        return conversations(file).stream().map(List::getFirst).toList();
    }

    /** The turns of each line, one turn for a plain question. */
    static List<List<String>> conversations(Path file) throws IOException {
        List<List<String>> conversations = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(l -> {
            try {
                JsonNode line = JSON.readTree(l);
                if (!line.has("turns")) {
                    return List.of(line.get("question").asText());
                }
                List<String> turns = new ArrayList<>();
                line.get("turns").forEach(turn -> turns.add(turn.asText()));
                return turns;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
        if (conversations.isEmpty()) {
            throw new IllegalArgumentException("no questions in " + file);
        }
        return conversations;
    }
}
