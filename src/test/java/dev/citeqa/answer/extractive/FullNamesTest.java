package dev.citeqa.answer.extractive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.collection.Article;
import dev.citeqa.collection.Paragraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FullNamesTest {

    private static Article article(String title, String... paragraphs) {
        List<Paragraph> kept = new ArrayList<>();
        int at = 0;
        for (String p : paragraphs) {
            kept.add(new Paragraph(p, at, at + p.length()));
            at += p.length() + 2;
        }
        return new Article("a", title, null, null, kept);
    }

    /** A person the question names in full: each given name (and suffix) leads to the surname and the whole name. */
    @Test
    void aQuestionsFullNameIsItsGivenNamesWithTheSurname() {
        Map<String, FullNames.Asked> asked = FullNames.inQuestion(
                QuestionAnalysis.of("Where was Kenny DeLand Jr. seen before he went missing?"));
        assertEquals(Set.of("kenni", "jr"), asked.keySet());
        FullNames.Asked deland = asked.get("kenni");
        assertEquals("deland", deland.surname());
        assertTrue(deland.writtenIn(article("Missing", "KENNY DELAND, 20, was last seen in Grenoble.")),
                "any case, without the suffix");
        assertTrue(deland.writtenIn(article("Missing", "Kenny DeLand Jr.'s family spoke on Monday.")));
        assertFalse(deland.writtenIn(article("Missing", "Kenny and his friend DeLand spoke.")), "words apart");
        assertEquals(Map.of(), FullNames.inQuestion(QuestionAnalysis.of("When did Rutte and Fidan meet?")));
        assertEquals(Map.of(), FullNames.inQuestion(QuestionAnalysis.of("Who is Medinsky?")), "a surname alone");
    }

    @Test
    void aSurnameIsThePersonTheArticleNamedInFull() {
        Article story = article("Lakers beat Nuggets",
                "LeBron James scored 26 points on Saturday.",
                "James, who has scored more points than any player in NBA history, passed 40,000.");
        assertEquals("LeBron James", FullNames.of(story, "James"));
        // The title before the name is no part of it.
        assertEquals("Barack Obama", FullNames.of(article("Emmys", "Former President Barack Obama won an Emmy.",
                "Obama was nominated for outstanding narrator."), "Obama"));
        // A headline in title case seems to name people: only the text counts.
        assertNull(FullNames.of(article("Teen Tetris Champion Beats Game", "Tetris is an old-school video game."),
                "Tetris"));
        // Written with and without the middle initial, the same first and last name: one person.
        assertEquals("Barack Obama", FullNames.of(article("Emmys", "Barack Obama won.",
                "Barack H. Obama narrated the series.", "Obama thanked the crew."), "Obama"));
        // A suffix after the surname is part of the name, and a quote's "Kennedy Jr." is looked up as Kennedy.
        Article campaign = article("Campaign", "Robert F. Kennedy Jr. spoke in Boston.", "Kennedy said he would run.");
        assertEquals("Robert F. Kennedy Jr.", FullNames.of(campaign, "Kennedy"));
        assertEquals("Robert F. Kennedy Jr.", FullNames.of(campaign, "Kennedy Jr"));
        // A place named after her, and a list of two surnames, are no other use of the name.
        assertEquals("Emily Dickinson", FullNames.of(article("Poets", "Emily Dickinson wrote at night.",
                "The Emily Dickinson Museum opened.", "Swift and Dickinson are cousins.", "Dickinson and Swift wrote.",
                "Dickinson died in 1886."), "Dickinson"));
        // Written with a word before it that is no given name, the shorter form is the name.
        assertEquals("Mitt Romney", FullNames.of(article("Senate", "Republican Mitt Romney voted no.",
                "Mitt Romney said so.", "Romney left early."), "Romney"));
    }

    @Test
    void noWholeNameWhenTheArticleGivesNoneOrTwo() {
        // Two brothers share the surname: "Kelce" alone could be either.
        assertNull(FullNames.of(article("Super Bowl", "Jason Kelce cheered as Travis Kelce scored.",
                "Kelce said the game was the best of his life."), "Kelce"));
        // Only by title, or not at all.
        assertNull(FullNames.of(article("Emmys", "President Obama was nominated."), "Obama"));
        assertNull(FullNames.of(article("Emmys", "The series was nominated."), "Obama"));
        // Two people the tagger kept in one run make the surname anyone's.
        assertNull(FullNames.of(article("Visit", "Michelle and Barack Obama visited Paris.",
                "Barack Obama spoke first."), "Obama"));
        // Two people whose names neither contains: a father and son, an uncle and nephew.
        assertNull(FullNames.of(article("Family", "Robert F. Kennedy Jr. spoke of Robert F. Kennedy."), "Kennedy"));
        assertNull(FullNames.of(article("Family", "George W. Bush and George P. Bush met."), "Bush"));
        // The word also names something else, or is a common word in the text: it is not only his name.
        assertNull(FullNames.of(article("Cars", "Bill Ford spoke.", "Ford Motor cut 3,000 jobs."), "Ford"));
        assertNull(FullNames.of(article("Music", "Neil Young played.", "Young fans sang along with young and old."),
                "Young"));
        // A name of more than one word is whole already.
        assertNull(FullNames.of(article("Lakers", "LeBron James scored."), "LeBron James"));
    }
}
