package dev.citeqa.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The span as clients read it: a whole name only when there is one, and no derived fields. */
class AnswerSpanJsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theWholeNameIsWrittenOnlyWhenTheArticleGivesOne() throws Exception {
        assertEquals("{\"text\":\"Gabriel Attal\",\"articleId\":\"a\",\"start\":10,\"end\":23}",
                json.writeValueAsString(new AnswerSpan("Gabriel Attal", "a", 10, 23)));
        assertEquals("{\"text\":\"James\",\"articleId\":\"b\",\"start\":0,\"end\":5,\"name\":\"LeBron James\"}",
                json.writeValueAsString(new AnswerSpan("James", "b", 0, 5, "LeBron James")));
        assertEquals("LeBron James", new AnswerSpan("James", "b", 0, 5, "LeBron James").answer());
        assertEquals("Gabriel Attal", new AnswerSpan("Gabriel Attal", "a", 10, 23).answer());
    }
}
