package dev.citeqa.search;

import dev.citeqa.collection.Article;
import dev.citeqa.collection.Passage;
import dev.citeqa.index.CorpusIndex;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Converts passages to LangChain4j {@link Content} and back. A content carries the passage text plus its key
 * and citation metadata, which is all a prompt needs; the key fetches the full passage back from the index.
 */
public final class PassageContents {

    public static final String KEY = "passage_key";
    public static final String ARTICLE_ID = "article_id";
    public static final String TITLE = "title";
    public static final String DATE = "date";

    private PassageContents() {}

    public static Content toContent(PassageHit hit) {
        Passage passage = hit.stored().passage();
        Article article = hit.stored().article();
        Metadata metadata = new Metadata()
                .put(KEY, passage.key())
                .put(ARTICLE_ID, passage.articleId())
                .put(TITLE, article.title())
                .put("start", passage.start())
                .put("end", passage.end());
        if (article.date() != null) {
            metadata.put(DATE, article.date());
        }
        Map<ContentMetadata, Object> scores = new HashMap<>();
        scores.put(ContentMetadata.SCORE, (double) hit.score());
        return Content.from(TextSegment.from(passage.text(), metadata), scores);
    }

    public static PassageHit toHit(CorpusIndex index, Content content) {
        String key = content.textSegment().metadata().getString(KEY);
        Object score = content.metadata().get(ContentMetadata.SCORE);
        return index.passage(Objects.requireNonNull(key, "content without a passage key"))
                .map(stored -> new PassageHit(stored, score instanceof Number n ? n.floatValue() : 0f))
                .orElseThrow(() -> new IllegalStateException("passage " + key + " is not in the index"));
    }
}
