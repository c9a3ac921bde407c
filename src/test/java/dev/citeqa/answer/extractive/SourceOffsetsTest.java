package dev.citeqa.answer.extractive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.citeqa.collection.Article;
import dev.citeqa.collection.Paragraph;
import dev.citeqa.collection.Sentence;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceOffsetsTest {

    @Test
    void collapsedWhitespaceAndDroppedCharactersStillMapToTheFile() {
        // The file: a title line, then a paragraph with two spaces, a tab and a zero-width space.
        String file = "Title\n\nErdogan met  Rutte\tin \u200BAntalya on Tuesday.";
        int start = file.indexOf("Erdogan");
        Paragraph p = new Paragraph(file.substring(start), start, file.length());
        Article article = new Article("a", "Title", null, null, List.of(p));
        Sentence s = new Sentence("Erdogan met Rutte in Antalya on Tuesday.", start, file.length());
        int from = s.text().indexOf("Antalya");
        int[] offsets = SourceOffsets.of(article, s, from, from + "Antalya".length());
        assertArrayEquals(new int[] {file.indexOf("Antalya"), file.indexOf("Antalya") + 7}, offsets);
        int rutte = s.text().indexOf("Rutte");
        assertArrayEquals(new int[] {file.indexOf("Rutte"), file.indexOf("Rutte") + 5},
                SourceOffsets.of(article, s, rutte, rutte + 5));
    }

    @Test
    void aSentenceAcrossTwoParagraphsMapsIntoTheSecond() {
        String file = "He said,\nwe will meet in Antalya.";
        Article article = new Article("a", "T", null, null, List.of(new Paragraph("He said,", 0, 8),
                new Paragraph("we will meet in Antalya.", 9, file.length())));
        Sentence s = new Sentence("He said, we will meet in Antalya.", 0, file.length());
        int from = s.text().indexOf("Antalya");
        assertArrayEquals(new int[] {file.indexOf("Antalya"), file.indexOf("Antalya") + 7},
                SourceOffsets.of(article, s, from, from + 7));
    }

    @Test
    void aSentenceOutsideTheParagraphsHasNoOffsets() {
        Article article = new Article("a", "T", null, null, List.of(new Paragraph("Other text.", 0, 11)));
        assertNull(SourceOffsets.of(article, new Sentence("Missing.", 50, 58), 0, 7));
    }
}
