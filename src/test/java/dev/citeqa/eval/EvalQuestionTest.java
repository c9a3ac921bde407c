package dev.citeqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvalQuestionTest {

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        return Files.writeString(dir.resolve("q.jsonl"), text);
    }

    @Test
    void everyQuestionSetOfTheProjectAndTheSharedOneReads() throws IOException {
        assertEquals(13, EvalQuestion.read(Path.of("eval/questions.jsonl")).size());
        assertEquals(47, EvalQuestion.read(Path.of("eval/seed-heldout.jsonl")).size());
        assertFalse(EvalQuestion.read(Path.of("eval/news1000-questions.jsonl")).isEmpty());
        Path shared = Path.of("../shared/eval/realnews-2024/questions.jsonl");
        if (Files.exists(shared)) {
            assertEquals(240, EvalQuestion.read(shared).size());
        }
    }

    @Test
    void aUsersFileReadsWithItsByteOrderMarkWindowsLineEndsAndFileNamesAsGold() throws IOException {
        List<EvalQuestion> qs = EvalQuestion.read(file("\uFEFF{\"id\": 7, \"question\": \"Who?\", \"gold\": \"a.txt\", "
                + "\"answer_any\": \"Rutte\"}\r\n\r\n{\"turns\": [\"Who?\", \"And then?\"], \"expect\": \"Abstain\"}\r\n"));
        assertEquals(new EvalQuestion("7", List.of("Who?"), List.of("a"), List.of("Rutte"), false), qs.get(0));
        assertEquals(new EvalQuestion("line3", List.of("Who?", "And then?"), List.of(), List.of(), true), qs.get(1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"question": "Who?"}\\n{"question": "Where?",}  | q.jsonl:2: not one JSON object
            {"question": "Who?"} {"question": "Where?"}      | q.jsonl:1: not one JSON object
            not json                                          | q.jsonl:1: not one JSON object
            ["Who?"]                                          | q.jsonl:1: not a JSON object
            {"question": ""}                                  | q.jsonl:1: an empty question
            {"turns": []}                                     | q.jsonl:1: "turns" holds no question
            {"turns": "Who?"}                                 | q.jsonl:1: "turns" must be a list of strings
            {"question": "Who?", "answer_any": [1, 2]}        | q.jsonl:1: "answer_any" must be a string or a list of strings
            {"question": "Who?", "gold": {"a": 1}}            | q.jsonl:1: "gold" must be a string or a list of strings
            {"question": "Who?", "expect": "abstian"}         | q.jsonl:1: "expect" can only be "abstain"
            {"answer_any": ["x"]}                             | q.jsonl:1: neither "question" nor "turns"
            """)
    void aMistakeNamesTheLineAndWhatIsWrong(String text, String message) throws IOException {
        Path file = file(text.replace("\\n", "\n"));
        IOException e = assertThrows(EvalQuestion.InvalidQuestionsException.class, () -> EvalQuestion.read(file));
        assertTrue(e.getMessage().startsWith(dir.resolve(message.substring(0, message.indexOf(':'))) 
                + message.substring(message.indexOf(':'))), e.getMessage());
    }

    @Test
    void aFileWithoutQuestionsHasNone() throws IOException {
        assertEquals(List.of(), EvalQuestion.read(file("\n  \n")));
    }

    @Test
    void aFileThatIsNoQuestionFileSaysWhy() throws IOException {
        assertEquals(dir + ": a folder, not a question file",
                assertThrows(IOException.class, () -> EvalQuestion.read(dir)).getMessage());
        assertEquals(dir.resolve("none.jsonl") + ": no such file",
                assertThrows(IOException.class, () -> EvalQuestion.read(dir.resolve("none.jsonl"))).getMessage());
        Path latin1 = Files.write(dir.resolve("l.jsonl"),
                "{\"question\": \"Où?\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(latin1 + ": not UTF-8 text; save it as UTF-8",
                assertThrows(IOException.class, () -> EvalQuestion.read(latin1)).getMessage());
    }
}
