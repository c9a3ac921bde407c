package dev.citeqa.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.citeqa.collection.NewsCollection;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of a question file, in the format of the public question set: a question (or several turns of
 * one conversation), the article IDs that answer it, and phrases any correct answer contains, or
 * {@code "expect": "abstain"} when the corpus does not answer it.
 */
public record EvalQuestion(String id, List<String> turns, List<String> gold, List<String> answerAny,
        boolean expectAbstain) {

    /**
     * A question file that cannot be read as one, with the file and line to mend: a mistake scored as a wrong
     * answer would read as CiteQA's failure.
     */
    public static final class InvalidQuestionsException extends IOException {
        InvalidQuestionsException(Path file, int line, String problem) {
            super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        }
    }

    private static final ObjectReader JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build().readerFor(JsonNode.class);

    public String lastTurn() {
        return turns.getLast();
    }

    /**
     * The questions, none for a file without any (an evaluation that only builds the index, as the benchmarks run).
     *
     * @throws InvalidQuestionsException naming the file, and the line when one is at fault
     */
    public static List<EvalQuestion> read(Path file) throws IOException {
        List<EvalQuestion> questions = new ArrayList<>();
        String[] lines = text(file).split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            // An id may recur, as in the public scorer's sets: each line is a question of its own.
            questions.add(parse(file, lineNumber, lines[i]));
        }
        return questions;
    }

    /** The file as strict UTF-8 without a byte order mark, or why it cannot be read as a question file. */
    private static String text(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new InvalidQuestionsException(file, 0, "a folder, not a question file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InvalidQuestionsException(file, 0, "no such file");
        }
        try {
            String text = NewsCollection.strictly(StandardCharsets.UTF_8, bytes);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidQuestionsException(file, 0, "not UTF-8 text; save it as UTF-8");
        }
    }

    private static EvalQuestion parse(Path file, int line, String text) throws InvalidQuestionsException {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidQuestionsException(file, line, "not one JSON object: " + e.getOriginalMessage()
                    + " (column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new InvalidQuestionsException(file, line, "not one JSON object: " + e.getMessage());
        }
        if (!node.isObject()) {
            throw new InvalidQuestionsException(file, line, "not a JSON object");
        }
        List<String> turns;
        if (node.has("turns")) {
            turns = strings(file, line, node, "turns", false);
            if (turns.isEmpty()) {
                throw new InvalidQuestionsException(file, line, "\"turns\" holds no question");
            }
        } else if (node.has("question")) {
            turns = strings(file, line, node, "question", true);
        } else {
            throw new InvalidQuestionsException(file, line, "neither \"question\" nor \"turns\"");
        }
        if (turns.stream().anyMatch(String::isBlank)) {
            throw new InvalidQuestionsException(file, line, "an empty question");
        }
        boolean abstain = false;
        if (node.has("expect")) {
            JsonNode expect = node.get("expect");
            if (!expect.isTextual() || !expect.asText().strip().toLowerCase(Locale.ROOT).equals("abstain")) {
                throw new InvalidQuestionsException(file, line, "\"expect\" can only be \"abstain\", not " + expect);
            }
            abstain = true;
        }
        JsonNode id = node.get("id");
        if (id != null && !id.isTextual() && !id.isNumber()) {
            throw new InvalidQuestionsException(file, line, "\"id\" must be a string or a number, not " + id);
        }
        // An article ID is its file name without ".txt"; a gold list of file names means the same articles.
        List<String> gold = strings(file, line, node, "gold", true).stream()
                .map(g -> g.endsWith(".txt") ? g.substring(0, g.length() - 4) : g).toList();
        return new EvalQuestion(id == null ? "line" + line : id.asText(), turns, gold,
                strings(file, line, node, "answer_any", true), abstain);
    }

    /** A field's strings: an array of them, or one string on its own when {@code single} allows it. */
    private static List<String> strings(Path file, int line, JsonNode node, String field, boolean single)
            throws InvalidQuestionsException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (single && value.isTextual()) {
            return List.of(value.asText());
        }
        List<String> out = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode v : value) {
                if (!v.isTextual()) {
                    break;
                }
                out.add(v.asText());
            }
            if (out.size() == value.size()) {
                return out;
            }
        }
        throw new InvalidQuestionsException(file, line, "\"" + field + "\" must be " + (single ? "a string or " : "")
                + "a list of strings, not " + value);
    }
}
