package dev.citeqa.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.citeqa.search.PassageContents;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.aggregator.DefaultContentAggregator;
import dev.langchain4j.rag.query.Query;
import java.util.ArrayList;
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
    void theOneListIsWhatFusingItWouldGive() {
        // Passages as the retriever gives them: each with its own key, two with the same text (the same sentence quoted
        // by two stories), which fusion must not merge either.
        List<Content> ranked = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Metadata metadata = new Metadata().put(PassageContents.KEY, "a" + i + "#0")
                    .put(PassageContents.ARTICLE_ID, "a" + i);
            String text = i == 3 || i == 7 ? "The same sentence in two stories." : "Passage " + i + ".";
            ranked.add(Content.from(TextSegment.from(text, metadata), Map.of(ContentMetadata.SCORE, 12.0 - i)));
        }
        Map<Query, Collection<List<Content>>> byQuery = Map.of(Query.from("q"), List.of(ranked));
        assertEquals(new DefaultContentAggregator().aggregate(byQuery), ChatService.aggregate(byQuery));
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
