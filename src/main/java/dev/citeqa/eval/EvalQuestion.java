package dev.citeqa.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a question file, in the format of the public question set: a question (or several turns of
 * one conversation), the article IDs that answer it, and phrases any correct answer contains, or
 * {@code "expect": "abstain"} when the corpus does not answer it.
 */
public record EvalQuestion(String id, List<String> turns, List<String> gold, List<String> answerAny,
        boolean expectAbstain) {

    public String lastTurn() {
        return turns.getLast();
    }

    public static List<EvalQuestion> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<EvalQuestion> questions = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(line);
            List<String> turns = new ArrayList<>();
            if (node.hasNonNull("turns")) {
                node.get("turns").forEach(t -> turns.add(t.asText()));
            } else if (node.hasNonNull("question")) {
                turns.add(node.get("question").asText());
            } else {
                throw new IOException(file + ":" + lineNumber + ": neither \"question\" nor \"turns\"");
            }
            questions.add(new EvalQuestion(node.path("id").asText("line" + lineNumber), turns,
                    strings(node.get("gold")), strings(node.get("answer_any")),
                    "abstain".equals(node.path("expect").asText())));
        }
        return questions;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(v -> out.add(v.asText()));
        }
        return out;
    }
}
