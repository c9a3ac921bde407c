package dev.citeqa.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.query.Query;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the passages retrieved for a turn become the list the answerer reads. */
class ChatServiceAggregateTest {

    private static final Content A = Content.from("a");
    private static final Content B = Content.from("b");
    private static final Content C = Content.from("c");

    @Test
    void theOneListOfOneQueryIsTakenAsRanked() {
        List<Content> ranked = List.of(C, A, B);
        assertSame(ranked, ChatService.aggregate(Map.of(Query.from("q"), List.of(ranked))));
    }

    @Test
    void severalListsAreFusedByReciprocalRank() {
        // B is second in one list and first in the other, so it leads; A (first once) comes before C (second once).
        Map<Query, Collection<List<Content>>> byQuery = new LinkedHashMap<>();
        byQuery.put(Query.from("q"), List.of(List.of(A, B), List.of(B, C)));
        assertEquals(List.of(B, A, C), ChatService.aggregate(byQuery));
        // A second query's list, C alone, is fused with the first's: C, found by both queries, now leads.
        byQuery.put(Query.from("r"), List.of(List.of(C)));
        assertEquals(List.of(C, B, A), ChatService.aggregate(byQuery));
    }
}
