package dev.citeqa.answer.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeqa.answer.TestPassages;
import dev.citeqa.search.PassageHit;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link Feature#AGE} of the retrieved articles, against a fixed today. */
class ArticleAgesTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 3, 1);
    private static final double HALF_LIFE = 180;

    private static TestPassages passages;

    @BeforeAll
    static void setUp() throws IOException {
        passages = new TestPassages(Files.createTempDirectory("citeqa-ages"));
    }

    private static PassageHit dated(String id, String date) {
        return passages.passage(id, "Macron names a prime minister", date, "Macron appointed a prime minister.");
    }

    @Test
    void theNewestArticleIsNewAndOneAHalfLifeOlderIsHalfWayToOld() {
        Map<String, Double> age = ArticleAges.of(List.of(dated("new", "2024-01-09"), dated("older", "2023-07-13"),
                dated("new-again", "2024-01-09")), Set.of(), HALF_LIFE, TODAY);

        assertEquals(Map.of("new", 0.0, "older", 0.5, "new-again", 0.0), age);
    }

    @Test
    void anArticleDatedAfterTodayIsTodaysAndDoesNotMakeTheOthersOld() {
        Map<String, Double> age = ArticleAges.of(List.of(dated("misdated", "2099-01-01"), dated("today", "2024-03-01"),
                dated("half", "2023-09-03")), Set.of(), HALF_LIFE, TODAY);

        assertEquals(0.0, age.get("misdated"), 1e-9);
        assertEquals(0.0, age.get("today"), 1e-9);
        assertEquals(0.5, age.get("half"), 1e-9);
    }

    @Test
    void anUndatedArticleIsAsOldAsTheMedianDatedOne() {
        Map<String, Double> age = ArticleAges.of(List.of(dated("a", "2024-01-09"), dated("b", "2023-07-13"),
                dated("c", "2020-01-01"), dated("undated", null)), Set.of(), HALF_LIFE, TODAY);

        assertEquals(age.get("b"), age.get("undated"), 1e-9);
        assertEquals(Map.of("x", 0.0, "y", 0.0), ArticleAges.of(List.of(dated("x", null), dated("y", null)),
                Set.of(), HALF_LIFE, TODAY), "none dated: none older than another");
    }

    @Test
    void theNewestStoryOfAYearTheQuestionNamesIsTheReference() {
        assertEquals(LocalDate.of(2017, 12, 1), ArticleAges.reference(
                List.of(LocalDate.of(2017, 5, 15), LocalDate.of(2017, 12, 1), LocalDate.of(2024, 1, 9)), Set.of(2017)));
        assertEquals(LocalDate.of(2024, 1, 9), ArticleAges.reference(
                List.of(LocalDate.of(2017, 5, 15), LocalDate.of(2024, 1, 9)), Set.of(1995)));
    }
}
