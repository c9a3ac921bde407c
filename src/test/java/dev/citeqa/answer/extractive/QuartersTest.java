package dev.citeqa.answer.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void threeMonthsThatEndWithACalendarQuarterNameIt() {
        assertEquals(Set.of(4), Quarters.named("Sales rose 17% in the three months ended December 31."));
        assertEquals(Set.of(3), Quarters.named("Profit for the three months to Sept. 30 fell."));
        assertEquals(Set.of(2), Quarters.named("In the three months ending on June 30, it lost money."));
        assertEquals(Set.of(1), Quarters.named("Revenue in the first three months of 2021 was flat."));
        assertEquals(Set.of(4), Quarters.named("It sold more in the last three months of the year."));
        // A fiscal quarter that ends in another month names no quarter of the calendar; nor do three months at large.
        assertEquals(Set.of(), Quarters.named("In the three months to January 31, sales rose. Three months later it closed."));
    }

    @Test
    void aQuestionsQuarterIsNamedByItsWord() {
        assertTrue(Quarters.isQuarterWord("fourth"));
        assertTrue(Quarters.isQuarterWord("Q3"));
        assertFalse(Quarters.isQuarterWord("quarter"));
        assertFalse(Quarters.isQuarterWord("fifth"));
    }
}
