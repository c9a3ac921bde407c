package dev.citeqa.answer;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The phrase that answers a question asking for a name, a place, a date, a number or an organisation, inside
 * the quoted sentence.
 *
 * @param text the phrase as the article writes it
 * @param start char offset of the phrase in the article file, as citation offsets are
 * @param end char offset just past the phrase
 * @param name for a question asking for a person, the whole name when the phrase is a surname and the article
 *     gives it in full ("LeBron James" for "James, who has scored …"); null otherwise. The answer leads with it
 *     unless the quote gives it too.
 */
public record AnswerSpan(String text, String articleId, int start, int end,
        @JsonInclude(JsonInclude.Include.NON_NULL) String name) {

    public AnswerSpan(String text, String articleId, int start, int end) {
        this(text, articleId, start, end, null);
    }

    /** What the answer says: the whole name, or the phrase. */
    @JsonIgnore
    public String answer() {
        return name != null ? name : text;
    }
}
