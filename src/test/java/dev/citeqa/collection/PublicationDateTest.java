package dev.citeqa.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicationDateTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Chas Pravdy - 09 June 2025 06:24 | 2025-06-09",
            " date 2025-05-13 Türkiye gears up diplomacy | 2025-05-13",
            "16.05.2025 2,01 B 5 Mins Read | 2025-05-16",
            "Published June 9, 2025 | 2025-06-09",
            "Updated 3 Sept 2024 | 2024-09-03",
            "2024-01-05T10:24:00Z | 2024-01-05",
            "2024-01-05T10:24:00.123+02:00 | 2024-01-05",
            "2024/01/05 | 2024-01-05",
            "05.01.2024 | 2024-01-05",
            "Jan. 5, 2024 | 2024-01-05",
            "5 January 2024 | 2024-01-05",
            "January 5th, 2024 | 2024-01-05",
            "January 5, 2024 10:24 AM EST | 2024-01-05",
            "Fri, 05 Jan 2024 10:24:00 GMT | 2024-01-05",
            "14-APR-1987 06:30:11.52 | 1987-04-14",
            "Published on Jan 5, 2024 | 2024-01-05",
            "13/05/2024 | 2024-05-13",
            "05/13/2024 | 2024-05-13",
            "05/05/2024 | 2024-05-05",
            "Publié le 5 janvier 2024 à 10h24 | 2024-01-05",
            "1er mars 2024 | 2024-03-01",
            "mis à jour le 17 août 2024 | 2024-08-17",
            "12 févr. 2024 | 2024-02-12",
            "5. Januar 2024, 10:24 Uhr | 2024-01-05",
            "3. MÄRZ 2024 | 2024-03-03",
            "5 de enero de 2024 | 2024-01-05",
            "15 de março de 2024 | 2024-03-15",
            "5 gennaio 2024 | 2024-01-05",
            "21 dic 2023 | 2023-12-21",
            "Gepubliceerd op 5 mei 2024 | 2024-05-05"})
    void styles(String line, String expected) {
        assertEquals(LocalDate.parse(expected.strip()), PublicationDate.find(line).orElseThrow().date());
    }

    @ParameterizedTest
    @ValueSource(strings = {"31.02.2025", "2025-13-01", "Phase 12 of the plan", "05/06/2025", "20240105",
            "version 2024-01-051", "Mars rover 2024", "5 mars", "5 marsupials 2024", "31 février 2024"})
    void impossibleOrAmbiguousDatesAreNotGuessed(String line) {
        assertTrue(PublicationDate.find(line).isEmpty(), line);
    }

    @Test
    void anAmbiguousSlashDateIsReadInTheCorpusOrder() {
        assertEquals(LocalDate.of(2024, 6, 5), PublicationDate.find("05/06/2024", DateOrder.DAY_FIRST).orElseThrow().date());
        assertEquals(LocalDate.of(2024, 5, 6), PublicationDate.find("05/06/2024", DateOrder.MONTH_FIRST).orElseThrow().date());
        assertTrue(PublicationDate.find("05/06/2024", DateOrder.UNKNOWN).isEmpty());
        // An unambiguous one reads its own way whatever the corpus does.
        assertEquals(LocalDate.of(2024, 5, 13), PublicationDate.find("13/05/2024", DateOrder.MONTH_FIRST).orElseThrow().date());
    }

    @Test
    void oneUnambiguousSlashDateSettlesTheCorpusOrder() {
        NewsCollection.SourceFile ambiguous = file("a", "Fair opens\n01/05/2024\n\nThe fair opened.");
        NewsCollection.SourceFile european = file("b", "Fair closes\n13/05/2024\n\nThe fair closed.");
        NewsCollection.SourceFile american = file("c", "Fair returns\n05/13/2025\n\nThe fair is back.");
        NewsCollection.SourceFile inBody = file("d", "Fair news\n\n1\n2\n3\n4\n5\n6\n7\n8\nOn 05/14/2024 it rained.");

        assertEquals(new DateOrder.Survey(DateOrder.DAY_FIRST, Set.of("a")), DateOrder.survey(List.of(ambiguous, european)));
        assertEquals(new DateOrder.Survey(DateOrder.MONTH_FIRST, Set.of("a")), DateOrder.survey(List.of(ambiguous, american)));
        assertEquals(DateOrder.UNKNOWN, DateOrder.survey(List.of(ambiguous, european, american)).order(),
                "two orders in one corpus settle nothing");
        assertEquals(DateOrder.UNKNOWN, DateOrder.survey(List.of(ambiguous)).order());
        assertEquals(DateOrder.UNKNOWN, DateOrder.survey(List.of(ambiguous, inBody)).order(),
                "only the lines a date is read from count");

        assertEquals("2024-05-01", ArticleParser.read("a", ambiguous.text(), DateOrder.DAY_FIRST).orElseThrow()
                .article().date());
        assertEquals("2024-01-05", ArticleParser.read("a", ambiguous.text(), DateOrder.MONTH_FIRST).orElseThrow()
                .article().date());
        assertNull(ArticleParser.read("a", ambiguous.text(), DateOrder.UNKNOWN).orElseThrow().article().date());
    }

    @Test
    void aSlashDateThatReadsAlikeInBothOrdersOrInNeitherSettlesNothing() {
        NewsCollection.SourceFile newYear = file("a", "Fireworks over the harbour\n01/01/2024\n\nCrowds watched.");
        NewsCollection.SourceFile noDate = file("b", "Score sheet\n45/67/2024\n\nThe figures were posted.");
        NewsCollection.SourceFile american = file("c", "Fair returns\n05/13/2025\n\nThe fair is back.");

        assertEquals(new DateOrder.Survey(DateOrder.UNKNOWN, Set.of()), DateOrder.survey(List.of(newYear, noDate)));
        assertEquals(new DateOrder.Survey(DateOrder.MONTH_FIRST, Set.of()),
                DateOrder.survey(List.of(newYear, noDate, american)));
        assertEquals("2024-01-01", ArticleParser.read("a", newYear.text(), DateOrder.UNKNOWN).orElseThrow()
                .article().date());
    }

    private static NewsCollection.SourceFile file(String id, String text) {
        return new NewsCollection.SourceFile(id, id + ".txt", text, id);
    }
}
