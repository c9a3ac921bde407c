package dev.citeqa.answer.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeqa.answer.llm.LlmAnswererTest.RecordingChatModel;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.input.PromptTemplate;
import dev.langchain4j.rag.query.Metadata;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.rag.query.transformer.QueryTransformer;
import java.util.List;
import org.junit.jupiter.api.Test;

class FollowUpCondenserTest {

    private static final PromptTemplate PROMPT = PromptTemplate.from("{{chatMemory}}\n{{query}}");
    /** Stands for the built-in resolver: marks what it was handed. */
    private static final QueryTransformer RESOLVER = query -> List.of(Query.from("resolved: " + query.text()));

    private static String condensed(String modelReply) {
        FollowUpCondenser condenser = new FollowUpCondenser(new RecordingChatModel(modelReply), PROMPT, RESOLVER, 80);
        UserMessage followUp = UserMessage.from("Where did he chair it?");
        Query query = Query.from(followUp.singleText(), Metadata.from(followUp, "c1",
                List.of(UserMessage.from("Who is the NATO Secretary General?"), AiMessage.from("Mark Rutte [001]."))));
        return condenser.transform(query).iterator().next().text();
    }

    @Test
    void aReasoningModelsThinkingIsNoPartOfTheQuestion() {
        assertEquals("Where did Mark Rutte chair the meeting?", condensed(
                "<think>The user means Mark Rutte, who chaired the Antalya meeting.</think>\n"
                        + "Where did Mark Rutte chair the meeting?"));
    }

    @Test
    void aRewriteThatIsNoQuestionLeavesTheFollowUpToTheResolver() {
        // Thinking never closed: the model ran out of tokens before it wrote the question.
        assertEquals("resolved: Where did he chair it?", condensed("<think>The user refers to Mark Rutte, who"));
        // Longer than any question may be.
        assertEquals("resolved: Where did he chair it?", condensed("Where " + "and where ".repeat(20) + "?"));
    }

    @Test
    void aPlainRewriteIsTheQuestion() {
        assertEquals("Where did Mark Rutte chair the meeting?", condensed("Where did Mark Rutte chair the meeting?"));
    }
}
