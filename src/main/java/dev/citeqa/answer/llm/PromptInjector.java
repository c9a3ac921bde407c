package dev.citeqa.answer.llm;

import dev.citeqa.answer.Markers;
import dev.citeqa.search.PassageContents;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.input.PromptTemplate;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.injector.ContentInjector;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Puts the retrieved passages into the answer prompt, each headed by the ID the model must cite, its title
 * and its date. Marker-shaped text inside a title or passage is shown to the model in round brackets, so the
 * only markers in the prompt are the headings.
 */
public final class PromptInjector implements ContentInjector {

    private final PromptTemplate template;

    public PromptInjector(PromptTemplate template) {
        this.template = template;
    }

    @Override
    public ChatMessage inject(List<Content> contents, ChatMessage chatMessage) {
        String question = ((UserMessage) chatMessage).singleText();
        return UserMessage.from(template.apply(Map.of("question", question, "passages", format(contents))).text());
    }

    static String format(List<Content> contents) {
        if (contents.isEmpty()) {
            return "(no passages were found)";
        }
        Set<String> ids = new HashSet<>();
        contents.forEach(c -> ids.add(c.textSegment().metadata().getString(PassageContents.ARTICLE_ID)));
        StringBuilder out = new StringBuilder();
        for (Content content : contents) {
            Metadata m = content.textSegment().metadata();
            String date = m.getString(PassageContents.DATE);
            out.append('[').append(m.getString(PassageContents.ARTICLE_ID)).append("] ")
                    .append(Markers.defuse(m.getString(PassageContents.TITLE), ids::contains))
                    .append(date == null ? "" : " (" + date + ")")
                    .append('\n')
                    .append(Markers.defuse(content.textSegment().text(), ids::contains))
                    .append("\n\n");
        }
        return out.toString().strip();
    }
}
