package dev.citeqa.collection;

import java.util.List;

/**
 * The unit of retrieval: a few consecutive sentences of one article.
 *
 * @param ordinal position among the article's passages, which makes {@code articleId#ordinal} unique
 */
public record Passage(String articleId, int ordinal, List<Sentence> sentences) {

    public Passage {
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("a passage needs at least one sentence");
        }
        sentences = List.copyOf(sentences);
    }

    public String key() {
        return articleId + "#" + ordinal;
    }

    public String text() {
        return String.join(" ", sentences.stream().map(Sentence::text).toList());
    }

    public int start() {
        return sentences.getFirst().start();
    }

    public int end() {
        return sentences.getLast().end();
    }
}
