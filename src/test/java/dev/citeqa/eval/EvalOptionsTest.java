package dev.citeqa.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EvalOptionsTest {

    @Test
    void defaultsToThePublicQuestionsAndTheConfiguredCorpus() {
        EvalOptions o = EvalOptions.parse("eval");
        assertEquals("eval/questions.jsonl", o.questions());
        assertNull(o.corpus());
        assertNull(o.data());
        assertNull(o.mode());
    }

    @Test
    void anotherCorpusGetsItsOwnDataFolder() {
        EvalOptions o = EvalOptions.parse("eval", "--corpus", "eval/news1000", "--mode", "BM25", "-v");
        assertEquals(Path.of("target", "eval-data", "news1000").toString(), o.data());
        assertEquals(RetrievalMode.bm25, o.mode());
        assertTrue(o.verbose());
    }

    @Test
    void badOptionsExplainTheUsage() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EvalOptions.parse("eval", "--mode", "fast"))
                .getMessage().contains("usage"));
        assertThrows(IllegalArgumentException.class, () -> EvalOptions.parse("eval", "--mode", "bm25", "--all-modes"));
        assertThrows(IllegalArgumentException.class, () -> EvalOptions.parse("eval", "--corpus"));
        assertThrows(IllegalArgumentException.class, () -> EvalOptions.parse("eval", "--frobnicate"));
    }
}
