package dev.citeqa.answer.llm;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Takes a reasoning model's thinking out of its answer: Qwen3, DeepSeek-R1 and their kin write it between
 * {@code <think>} and {@code </think>} in the answer text when the server runs no reasoning parser (llama.cpp and vLLM
 * by default). It is no answer: it quotes what the model doubts, cites what it weighs, and would fail the citation
 * check or reach the user as the answer. Whole ({@link #strip}) or as the answer streams ({@link #feed}, then
 * {@link #finish}), where a tag may arrive split over several tokens.
 */
final class ReasoningFilter {

    private static final List<String> TAGS = List.of("think", "thinking", "reasoning");
    private static final String NAMES = String.join("|", TAGS);
    private static final Pattern OPEN = Pattern.compile("(?i)<(?:" + NAMES + ")>");
    private static final Pattern CLOSE = Pattern.compile("(?i)</(?:" + NAMES + ")>");
    /** Each tag as written, opening and closing, for a streamed tail that may begin one. */
    private static final List<String> WRITTEN = TAGS.stream().flatMap(n -> Stream.of("<" + n + ">", "</" + n + ">"))
            .toList();
    /** The longest tag: a held-back tail longer than this cannot be the start of one. */
    private static final int LONGEST_TAG = WRITTEN.stream().mapToInt(String::length).max().orElseThrow();

    private final StringBuilder pending = new StringBuilder();
    private boolean thinking;
    private boolean answered;

    /**
     * The answer without its thinking, read as {@link #feed} reads a stream, in one pass: blocks go; an opening tag
     * never closed drops the rest (the model ran out of tokens thinking). One more case a stream cannot catch in time:
     * a closing tag before any opening one (a chat template that opens the block in the prompt, as DeepSeek-R1's
     * does) drops all before it.
     */
    static String strip(String text) {
        Matcher close = CLOSE.matcher(text);
        Matcher open = OPEN.matcher(text);
        int from = close.find() && (!open.find() || open.start() > close.start()) ? close.end() : 0;
        ReasoningFilter filter = new ReasoningFilter();
        return (filter.feed(text.substring(from)) + filter.finish()).strip();
    }

    /**
     * The part of a streamed token that is answer and can be shown now. A tail that may be the start of a tag ("<th")
     * is held back until the next token says. Only a block that opens is recognised while streaming: a lone
     * closing tag comes too late to hold back what it closes, and {@link #strip} takes that out of the checked
     * answer.
     */
    String feed(String token) {
        pending.append(token);
        StringBuilder out = new StringBuilder();
        while (true) {
            Matcher tag = (thinking ? CLOSE : OPEN).matcher(pending);
            if (tag.find()) {
                if (!thinking) {
                    out.append(pending, 0, tag.start());
                }
                pending.delete(0, tag.end());
                thinking = !thinking;
                continue;
            }
            int keep = partialTag();
            if (!thinking) {
                out.append(pending, 0, pending.length() - keep);
            }
            pending.delete(0, pending.length() - keep);
            return shown(out);
        }
    }

    /** What is left to show once the stream has ended: nothing of a block still open. */
    String finish() {
        StringBuilder out = new StringBuilder();
        if (!thinking) {
            out.append(pending);
        }
        pending.setLength(0);
        return shown(out);
    }

    /** Text before the first answer word is the blank line a block leaves behind, not worth sending. */
    private String shown(StringBuilder out) {
        String text = answered ? out.toString() : out.toString().stripLeading();
        answered |= !text.isEmpty();
        return text;
    }

    /** How many characters at the end of {@link #pending} may begin a tag. */
    private int partialTag() {
        int from = Math.max(0, pending.length() - LONGEST_TAG);
        int lt = pending.lastIndexOf("<");
        if (lt < from) {
            return 0;
        }
        String tail = pending.substring(lt).toLowerCase(Locale.ROOT);
        return WRITTEN.stream().anyMatch(tag -> tag.startsWith(tail)) ? tail.length() : 0;
    }
}
