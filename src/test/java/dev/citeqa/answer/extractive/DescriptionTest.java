package dev.citeqa.answer.extractive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DescriptionTest {

    @Test
    void aDescriptionOfTheSubjectIsAnAppositionARoleBeforeTheNameOrACopula() {
        Description medinsky = Description.of("Vladimir Medinsky");
        assertTrue(medinsky.in("Vladimir Medinski, an adviser to the president, led the delegation."));
        assertTrue(medinsky.in("The talks were led by presidential adviser Vladimir Medinsky."));
        assertTrue(medinsky.in("Medinsky is a former culture minister."));
        assertFalse(medinsky.in("Medinsky said the talks were over."));
        assertNull(Description.of(null));
    }
}
