package dev.citeqa.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.citeqa.config.CiteQaConfig;
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
        List<Passage> passages = PassageChunker.ofSentences(3, 1).chunk("a", sentences(7));
        assertEquals(List.of("S0. S1. S2.", "S2. S3. S4.", "S4. S5. S6."), passages.stream().map(Passage::text).toList());
        assertEquals(List.of("a#0", "a#1", "a#2"), passages.stream().map(Passage::key).toList());
        assertEquals(20, passages.get(1).start());
        assertEquals(43, passages.get(1).end());
    }

    @Test
    void theLastWindowReachesTheEndWithoutAnEmptyTail() {
        assertEquals(List.of("S0. S1. S2.", "S2. S3."),
                PassageChunker.ofSentences(3, 1).chunk("a", sentences(4)).stream().map(Passage::text).toList());
        assertEquals(1, PassageChunker.ofSentences(3, 1).chunk("a", sentences(2)).size());
    }

    /** "w0 w1 ... w(n-1)." as one sentence of n words. */
    private static Sentence words(int n, int start) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(i == 0 ? "" : " ").append('w').append(i);
        }
        return new Sentence(text.append('.').toString(), start, start + text.length());
    }

    /**
     * A Chinese sentence is one run between spaces: counted so, a 29,000-character article made 10 passages of
     * 3,300 characters, most of which the embedding model never saw. Two characters count as a word.
     */
    @Test
    void sentencesWithoutSpacesAreSizedByTheirCharacters() {
        String sentence = "地铁线路全长约三十公里预计明年年底开通。"; // one run and 19 ideographs: 10 words
        List<Sentence> sentences = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sentences.add(new Sentence(sentence, i * 100, i * 100 + sentence.length()));
        }
        List<Passage> passages = new PassageChunker(30, 0, 0).chunk("zh", sentences);
        assertEquals(List.of(3, 3, 3, 1), passages.stream().map(p -> p.sentences().size()).toList());
    }

    @Test
    void passagesFillUpToTheWordBoundAndOverlapByASentence() {
        List<Sentence> sentences = List.of(words(40, 0), words(50, 1000), words(60, 2000), words(30, 3000),
                words(20, 4000));
        List<Passage> passages = new PassageChunker(150, 0, 1).chunk("a", sentences);
        // 40 + 50 + 60 = 150 fits; the next passage starts again at the 60-word sentence.
        assertEquals(List.of(3, 3), passages.stream().map(p -> p.sentences().size()).toList());
        assertEquals(2000, passages.get(1).start());
        assertEquals(4000 + words(20, 4000).text().length(), passages.get(1).end());
    }

    @Test
    void aSentenceLongerThanTheBoundStandsAloneAndTheChunkerMovesOn() {
        List<Sentence> sentences = List.of(words(10, 0), words(400, 100), words(10, 5000));
        List<Passage> passages = new PassageChunker(150, 0, 1).chunk("a", sentences);
        // One-sentence passages cannot share a sentence and still move on.
        assertEquals(List.of(1, 1, 1), passages.stream().map(p -> p.sentences().size()).toList());
        assertEquals(List.of(0, 100, 5000), passages.stream().map(Passage::start).toList());
    }

    @Test
    void aSentenceBoundCapsAPassageOfShortSentences() {
        List<Sentence> sentences = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sentences.add(words(3, i * 100));
        }
        assertEquals(List.of(4, 4, 4), new PassageChunker(150, 4, 1).chunk("a", sentences).stream()
                .map(p -> p.sentences().size()).toList());
    }

    @Test
    void overlapMustBeSmallerThanTheWindow() {
        assertThrows(IllegalArgumentException.class, () -> PassageChunker.ofSentences(2, 2));
        assertThrows(IllegalArgumentException.class, () -> new PassageChunker(0, 0, 1));
    }

    @Test
    void recordsItsSettingsForTheIndexToCompare() {
        assertEquals("150/4/1", new PassageChunker(150, 4, 1).settings());
        CiteQaConfig.Chunk chunk = CiteQaConfig.defaults().chunk();
        assertEquals(chunk.words() + "/" + chunk.sentences() + "/" + chunk.overlap(),
                PassageChunker.of(chunk).settings());
    }
}
