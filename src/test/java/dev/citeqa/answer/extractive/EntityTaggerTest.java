package dev.citeqa.answer.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.answer.extractive.EntityTagger.Entity;
import dev.citeqa.answer.extractive.EntityTagger.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityTaggerTest {

    private static List<String> of(Kind kind, String text) {
        return EntityTagger.tag(text).stream().filter(e -> e.kind() == kind).map(Entity::text).toList();
    }

    @Test
    void datesNumbersAndDurations() {
        String text = "On May 15 the talks lasted approximately 40 minutes, and 32 allies met in March 2022.";
        assertEquals(List.of("May 15", "in March 2022"), of(Kind.DATE, text));
        assertEquals(List.of("40 minutes"), of(Kind.DURATION, text));
        assertEquals(List.of("32"), of(Kind.NUMBER, text));
    }

    @Test
    void peoplePlacesAndOrganisations() {
        String text = "Foreign Minister Hakan Fidan met officials of the European Commission in Antalya.";
        assertEquals(List.of("Foreign Minister Hakan Fidan"), of(Kind.PERSON, text));
        assertEquals(List.of("European Commission"), of(Kind.ORGANIZATION, text));
        assertEquals(List.of("Antalya"), of(Kind.PLACE, text));
    }

    @Test
    void awardsAreNotPeopleAndBuildingsArePlaces() {
        String text = "Rachel Zhang won the Halvorsen Prize and spoke at Kingsholt General Hospital.";
        assertEquals(List.of("Rachel Zhang"), of(Kind.PERSON, text));
        assertEquals(List.of("Halvorsen Prize"), of(Kind.NAME, text));
        assertEquals(List.of("Kingsholt General Hospital"), of(Kind.PLACE, text));
    }

    @Test
    void sentenceInitialFunctionWordsAreNotNames() {
        assertTrue(EntityTagger.tag("However, the delegation left.").isEmpty());
    }

    @Test
    void personNamesLoseTheirTitles() {
        assertEquals("Mark Rutte", EntityTagger.personName("NATO Secretary General Mark Rutte"));
        assertEquals("Vladimir Putin", EntityTagger.personName("Russian President Vladimir Putin"));
        assertEquals("Hakan Fidan", EntityTagger.personName("Hakan Fidan"));
    }
}
