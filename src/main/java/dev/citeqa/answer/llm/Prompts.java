package dev.citeqa.answer.llm;

import dev.langchain4j.model.input.PromptTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The prompt templates, read at start-up from the prompts folder so that users can edit them without a
 * rebuild. A file missing from the folder falls back to the copy built into the application, so the
 * service also runs from a directory without {@code prompts/}.
 *
 * @param system the system message
 * @param answer the user message; {@code {{question}}} and {@code {{passages}}} are filled in
 * @param condense rewrites a follow-up; {@code {{chatMemory}}} and {@code {{query}}} are filled in
 */
public record Prompts(String system, PromptTemplate answer, PromptTemplate condense) {

    public static Prompts load(Path dir) {
        return new Prompts(read(dir, "system.txt"), PromptTemplate.from(read(dir, "answer.txt")),
                PromptTemplate.from(read(dir, "condense.txt")));
    }

    private static String read(Path dir, String name) {
        Path file = dir.resolve(name);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            try (InputStream builtIn = Prompts.class.getResourceAsStream("/prompts/" + name)) {
                if (builtIn == null) {
                    throw new IllegalStateException("citeqa.prompts.dir: no " + name + " in " + dir.toAbsolutePath());
                }
                return new String(builtIn.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("citeqa.prompts.dir: cannot read " + file, e);
        }
    }
}
