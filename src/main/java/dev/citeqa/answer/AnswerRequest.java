package dev.citeqa.answer;

import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.search.PassageHit;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;

/**
 * Everything an answerer needs for one question.
 *
 * @param standaloneQuestion the question rewritten to stand on its own, using the conversation
 * @param analysis what the standalone question asks for; the same analysis retrieval used
 * @param passages retrieved passages, best first
 * @param prompt the user message with the passages injected, as a language model should receive it
 * @param history earlier turns of the conversation, oldest first
 * @param index the index the passages came from
 * @param semantic whether answerers may compare meanings with the embedding model: whenever the service has one,
 *     also for passages found by BM25 alone (as while the vectors are built); false in BM25 mode, which runs no
 *     model unless {@code citeqa.embedding.bm25-answers} loads it for the answerers
 */
public record AnswerRequest(String question, String standaloneQuestion, QuestionAnalysis analysis,
        List<PassageHit> passages, UserMessage prompt, List<ChatMessage> history, CorpusIndex index,
        boolean semantic) {

    /** A question asked on its own, outside a conversation and without a prompt: for tools and tests. */
    public static AnswerRequest single(String question, List<PassageHit> passages, CorpusIndex index,
            boolean semantic) {
        return new AnswerRequest(question, question, QuestionAnalysis.of(question), passages, null, List.of(), index,
                semantic);
    }
}
