package dev.citeqa.api;

import dev.citeqa.answer.AnswerSpan;
import dev.citeqa.answer.Citation;
import dev.citeqa.chat.ChatService;
import dev.citeqa.collection.Article;
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

    /** @param answerSpan the answering phrase inside the quote (the extractive answerer's), or null */
    record AskResponse(String conversationId, String question, String standaloneQuestion, String answer,
            boolean answered, List<Citation> citations, AnswerSpan answerSpan, List<PassageView> passages,
            String answerer,
            boolean fallback, String fallbackReason, List<String> unsupportedSentences,
            Map<String, Long> timingsMs) {

        static AskResponse of(String question, ChatService.Result r) {
            return new AskResponse(r.conversationId(), question, r.standaloneQuestion(), r.answer().text(),
                    r.answer().answered(), r.answer().citations(), r.answer().answerSpan(),
                    r.passages().stream().map(PassageView::of).toList(),
                    r.answer().answerer(), r.fallback(), r.fallbackReason(), r.answer().unsupportedSentences(),
                    r.timingsMs());
        }
    }

    record SearchResponse(String query, String mode, List<PassageView> hits) {}

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
