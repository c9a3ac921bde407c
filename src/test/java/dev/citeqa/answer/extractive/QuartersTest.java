package dev.citeqa.answer.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class QuartersTest {

    @Test
    void theQuartersCompanyResultsName() {
        assertEquals(Set.of(4), Quarters.named("What was Halvorsen Energy's fourth-quarter revenue?"));
        assertEquals(Set.of(3), Quarters.named("Revenue in the Third Quarter rose 12 percent."));
        assertEquals(Set.of(2, 3), Quarters.named("Q3 profit beat the 2nd quarter's."));
        assertEquals(Set.of(1), Quarters.named("Its 1Q24 results are due."));
        // Not a quarter of the year: a quarter of the budget, a Q without its number, a quarterback.
        assertEquals(Set.of(), Quarters.named("A quarter of the budget went to the Q Center; the third quarterback left."));
    }
}
