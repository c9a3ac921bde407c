package dev.citeqa.answer.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.input.PromptTemplate;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.rag.query.transformer.CompressingQueryTransformer;
import dev.langchain4j.rag.query.transformer.QueryTransformer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Rewrites a follow-up into a question that stands on its own with the model and the condense prompt (LangChain4j's
 * {@link CompressingQueryTransformer}), and hands the follow-up to the built-in resolver when the model's rewrite is no
 * question to search with: a reasoning model's thinking is taken out first ({@link ReasoningFilter}), and nothing
 * left (a block never closed), or more than any question may be (a model rambling), is none. A failure of the model
 * itself is thrown, so that its caller skips the model's answer too.
 */
public final class FollowUpCondenser implements QueryTransformer {

    private final QueryTransformer model;
    private final QueryTransformer resolver;
    private final int maxChars;

    /** @param maxChars the longest question a user may ask, in code points */
    public FollowUpCondenser(ChatModel chat, PromptTemplate prompt, QueryTransformer resolver, int maxChars) {
        this.model = new CompressingQueryTransformer(chat, prompt);
        this.resolver = resolver;
        this.maxChars = maxChars;
    }

    @Override
    public Collection<Query> transform(Query query) {
        List<Query> rewritten = new ArrayList<>();
        for (Query q : model.transform(query)) {
            String text = ReasoningFilter.strip(q.text());
            if (text.isEmpty() || text.codePointCount(0, text.length()) > maxChars) {
                return resolver.transform(query);
            }
            rewritten.add(text.equals(q.text()) ? q : Query.from(text, q.metadata()));
        }
        return rewritten;
    }
}
