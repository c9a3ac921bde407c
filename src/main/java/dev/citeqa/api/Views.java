package dev.citeqa.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.citeqa.analysis.Spelling;
import dev.citeqa.answer.AnswerSpan;
import dev.citeqa.answer.Citation;
import dev.citeqa.chat.ChatService;
import dev.citeqa.collection.Article;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.index.ArticleHeader;
import dev.citeqa.collection.Paragraph;
import dev.citeqa.search.PassageHit;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the API. */
final class Views {

    private Views() {}

    /** A retrieved passage; {@code start}/{@code end} are char offsets into the article file. */
    record PassageView(String id, String title, String date, String passage, float score, int start, int end) {

        static PassageView of(PassageHit hit) {
            Article a = hit.stored().article();
            return new PassageView(a.id(), a.title(), a.date(), hit.stored().passage().text(), hit.score(),
                    hit.stored().passage().start(), hit.stored().passage().end());
        }
    }

    /**
     * @param resumed whether the question was read with earlier turns of its conversation: false for a first
     *     question, and for a conversation ID the service does not know or has forgotten
     * @param corrections the question's misspelled words and what they were read as (the standalone question has
     *     them corrected); empty when none was
     * @param suggestedQuestion the question with the articles' spelling of a name it was read without ("Did you
     *     mean …?"), or null
     * @param answerSpan the answering phrase inside the quote (the extractive answerer's), or null
     * @param retrieval the retrieval that found the passages: {@code bm25} while the index's vectors are being
     *     built, whatever the configured mode
     * @param indexing the index build under way, absent when none runs
     */
    record AskResponse(String conversationId, boolean resumed, String question, String standaloneQuestion,
            List<Spelling.Correction> corrections, String suggestedQuestion, String answer, boolean answered,
            List<Citation> citations, AnswerSpan answerSpan, List<PassageView> passages, String answerer,
            boolean fallback, String fallbackReason, List<String> unsupportedSentences,
            Map<String, Long> timingsMs, RetrievalMode retrieval,
            @JsonInclude(JsonInclude.Include.NON_NULL) IndexingView indexing) {

        static AskResponse of(String question, ChatService.Result r, IndexingView indexing) {
            return new AskResponse(r.conversationId(), r.resumed(), question, r.standaloneQuestion(), r.corrections(),
                    r.suggestedQuestion(), r.answer().text(), r.answer().answered(), r.answer().citations(),
                    r.answer().answerSpan(), r.passages().stream().map(PassageView::of).toList(),
                    r.answer().answerer(), r.fallback(), r.fallbackReason(), r.answer().unsupportedSentences(),
                    r.timingsMs(), r.retrieval(), indexing);
        }
    }

    /**
     * @param mode the mode asked for (or configured)
     * @param retrieval the mode that ranked the hits: {@code bm25} while the vectors are being built
     * @param corrections the query's misspelled words and what they were searched as; empty when none was
     * @param suggestedQuery the query with the articles' spelling of a name it was searched without, or null
     */
    record SearchResponse(String query, List<Spelling.Correction> corrections, String suggestedQuery, String mode,
            RetrievalMode retrieval, List<PassageView> hits,
            @JsonInclude(JsonInclude.Include.NON_NULL) IndexingView indexing) {}

    record ArticleSummary(String id, String title, String date, String outlet) {
        static ArticleSummary of(ArticleHeader a) {
            return new ArticleSummary(a.id(), a.title(), a.date(), a.outlet());
        }
    }

    record ArticleList(int count, List<ArticleSummary> articles) {}

    /** The cleaned article; paragraph offsets point into the original file, like passage offsets. */
    record ArticleView(String id, String title, String date, String outlet, String text, List<Paragraph> paragraphs) {
        static ArticleView of(Article a) {
            return new ArticleView(a.id(), a.title(), a.date(), a.outlet(), a.text(), a.paragraphs());
        }
    }
}
