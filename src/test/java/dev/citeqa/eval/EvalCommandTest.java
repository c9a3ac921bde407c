package dev.citeqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeqa.collection.NewsCollection;
import dev.citeqa.collection.SkipReason;
import org.junit.jupiter.api.Test;

class EvalCommandTest {

    @Test
    void aSkippedFileIsNamedOnOneLineWithoutEscapeSequences() {
        assertEquals("  skipped esc\\u001B[31mred.txt: bad-name",
                EvalCommand.skippedLine(new NewsCollection.Skipped("esc\u001b[31mred.txt", SkipReason.BAD_NAME)));
        assertEquals("  skipped line\\nbreak.txt: bad-name",
                EvalCommand.skippedLine(new NewsCollection.Skipped("line\nbreak.txt", SkipReason.BAD_NAME)));
        assertEquals("  skipped 2024/story.txt: duplicate-id",
                EvalCommand.skippedLine(new NewsCollection.Skipped("2024/story.txt", SkipReason.DUPLICATE_ID)));
    }
}
