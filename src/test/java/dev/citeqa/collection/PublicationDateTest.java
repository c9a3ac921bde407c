package dev.citeqa.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
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
            "Updated 3 Sept 2024 | 2024-09-03"})
    void styles(String line, String expected) {
        assertEquals(LocalDate.parse(expected.strip()), PublicationDate.find(line).orElseThrow().date());
    }

    @ParameterizedTest
    @ValueSource(strings = {"31.02.2025", "2025-13-01", "Phase 12 of the plan", "05/06/2025"})
    void impossibleOrAmbiguousDatesAreNotGuessed(String line) {
        assertTrue(PublicationDate.find(line).isEmpty(), line);
    }
}
