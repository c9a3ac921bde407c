package dev.citeqa.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionRewriterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "What was the profit in Q2 2022? | What was the profit in second quarter of 2022?",
        "Sales in Q3 of 2023? | Sales in third quarter of 2023?",
        "Sales in Q4 '23? | Sales in fourth quarter of 2023?",
        "Sales in Q1'24? | Sales in first quarter of 2024?",
        "What did the firm earn in q1? | What did the firm earn in first quarter?",
        "What did H1 2021 bring? | What did first half of 2021 bring?",
        // Codes that merely start like a quarter or a half are left as they are.
        "What did Rutte say about Russia in q149? | What did Rutte say about Russia in q149?",
        "How did Q12 go? | How did Q12 go?",
        "Is H1N1 back? | Is H1N1 back?",
        "What is H12024? | What is H12024?",
    })
    void spellsOutQuartersAndHalvesOnly(String question, String rewritten) {
        assertEquals(rewritten, QuestionRewriter.normalise(question));
    }
}
