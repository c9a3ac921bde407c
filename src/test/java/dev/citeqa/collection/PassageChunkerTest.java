package dev.citeqa.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassageChunkerTest {

    private static List<Sentence> sentences(int n) {
        List<Sentence> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Sentence("S" + i + ".", i * 10, i * 10 + 3));
        }
        return out;
    }

    @Test
    void windowsOverlapByTheConfiguredSentences() {
        List<Passage> passages = new PassageChunker(3, 1).chunk("a", sentences(7));
        assertEquals(List.of("S0. S1. S2.", "S2. S3. S4.", "S4. S5. S6."), passages.stream().map(Passage::text).toList());
        assertEquals(List.of("a#0", "a#1", "a#2"), passages.stream().map(Passage::key).toList());
        assertEquals(20, passages.get(1).start());
        assertEquals(43, passages.get(1).end());
    }

    @Test
    void theLastWindowReachesTheEndWithoutAnEmptyTail() {
        assertEquals(List.of("S0. S1. S2.", "S2. S3."),
                new PassageChunker(3, 1).chunk("a", sentences(4)).stream().map(Passage::text).toList());
        assertEquals(1, new PassageChunker(3, 1).chunk("a", sentences(2)).size());
    }

    @Test
    void overlapMustBeSmallerThanTheWindow() {
        assertThrows(IllegalArgumentException.class, () -> new PassageChunker(2, 2));
    }
}
