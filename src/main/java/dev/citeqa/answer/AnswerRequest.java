package dev.citeqa.answer;

import dev.citeqa.index.CorpusIndex;
import dev.citeqa.search.PassageHit;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;

/**
 * Everything an answerer needs for one question.
 *
 * @param standaloneQuestion the question rewritten to stand on its own, using the conversation
 * @param passages retrieved passages, best first
 * @param prompt the user message with the passages injected, as a language model should receive it
 * @param history earlier turns of the conversation, oldest first
 * @param index the index the passages came from
 * @param semantic whether answerers may compare meanings with the embedding model; false in BM25 mode, which
 *     runs no model
 */
public record AnswerRequest(String question, String standaloneQuestion, List<PassageHit> passages, UserMessage prompt,
        List<ChatMessage> history, CorpusIndex index, boolean semantic) {}
