package dev.citeqa.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void wordsAreCountedAsSplittingOnWhiteSpaceWould() {
        for (String text : List.of("One.", "Two words", "Mark Rutte, NATO's chief,\tspoke\n in  Ankara on Friday.",
                "Trailing space ", "U.S.-led talks — again", "a\u000Bb\fc\rd", "Türkiye’s Erdoğan, über-café")) {
            assertEquals(EntityTagger.SPACES.split(text).length, Words.count(text), text);
        }
        assertEquals(0, Words.count(""));
    }

    /** Every two characters of Chinese or Japanese count as a word, about what a segmenter would find. */
    @Test
    void scriptsWithoutSpacesCountTwoCharactersAWord() {
        assertEquals(1 + 8, Words.count("地铁18号线全长约33公里，预计明年年底开通。")); // one run, 17 ideographs
        assertEquals(1 + 9, Words.count("新しい駅は来年の春に開業する予定です。")); // one run, 18 ideographs and kana
        assertEquals(2 + 2, Words.count("Beijing 北京举办"));
        assertEquals(2, Words.unspaced("Beijing 北京举办"));
        assertEquals(0, Words.unspaced("Mark Rutte spoke in Ankara."));
    }
}
