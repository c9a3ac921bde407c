package dev.citeqa.answer.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReasoningFilterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // A block, in any of the usual tags and cases, goes with the blank line after it.
        "<think>Paris? No [999_x].</think>\\n\\nRutte met Erdogan [a_1].|Rutte met Erdogan [a_1].",
        "<THINKING>hm</THINKING>Rutte met Erdogan.|Rutte met Erdogan.",
        "Rutte <reasoning>who?</reasoning>met Erdogan.|Rutte met Erdogan.",
        // Whole and streamed alike, any closing tag ends a block.
        "<think>x</thinking>Ankara [a_1].|Ankara [a_1].",
        // Opened in the prompt by the chat template: only the closing tag is written.
        "Paris? No.\\n</think>\\nRutte met Erdogan.|Rutte met Erdogan.",
        // Never closed: the model ran out of tokens thinking, and there is no answer.
        "<think>Paris? Maybe Ankara|''",
        // No tag, or a bracket that only looks like one, is left alone.
        "Rutte met Erdogan <in Ankara>.|Rutte met Erdogan <in Ankara>.",
    })
    void theThinkingIsTakenOutOfTheWholeAnswer(String text, String answer) {
        assertEquals(answer, ReasoningFilter.strip(text.replace("\\n", "\n")));
    }

    /** Tokens split tags anywhere; what is shown is the answer alone, as soon as a token says it is no tag. */
    @Test
    void theThinkingIsHeldBackFromTheStreamThoughItsTagsArriveInPieces() {
        ReasoningFilter filter = new ReasoningFilter();
        List<String> tokens = List.of("<th", "ink>Paris? ", "No [999_x].</", "think", ">\n\nRutte ", "met <",
                "b>Erdogan", "</b> <", "thi", "nk>again</think>", " today.");
        StringBuilder shown = new StringBuilder();
        List<String> each = tokens.stream().map(filter::feed).toList();
        each.forEach(shown::append);
        shown.append(filter.finish());
        assertEquals("Rutte met <b>Erdogan</b>  today.", shown.toString());
        // Nothing of the block, nor the blank line after it, is sent; "Rutte " is sent as it arrives.
        assertEquals(List.of("", "", "", "", "Rutte ", "met ", "<b>Erdogan", "</b> ", "", "", " today."), each);
    }

    @Test
    void aBlockStillOpenWhenTheStreamEndsShowsNothingMore() {
        ReasoningFilter filter = new ReasoningFilter();
        assertEquals("Rutte ", filter.feed("Rutte <think>hm"));
        assertEquals("", filter.feed(" still"));
        assertEquals("", filter.finish());
        ReasoningFilter plain = new ReasoningFilter();
        assertEquals("Ends with ", plain.feed("Ends with <"));
        assertEquals("<", plain.finish());
    }
}
