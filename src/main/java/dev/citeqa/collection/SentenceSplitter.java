package dev.citeqa.collection;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.FilteredBreakIteratorBuilder;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits paragraphs into sentences with ICU's rules and its English abbreviation list ("Mr.", "Jan."), plus
 * the titles news copy uses most. ICU's suppression list cannot hold initialisms such as "U.S.", so a break
 * after one is undone when the next sentence starts with a capital ("U.S. President Donald Trump").
 */
public final class SentenceSplitter {

    private static final ULocale ENGLISH = ULocale.ENGLISH;

    private static final List<String> TITLES = List.of("Dr.", "Gen.", "Sen.", "Rep.", "Gov.", "Prof.", "St.",
            "Lt.", "Col.", "Sgt.", "Capt.", "Cmdr.", "Adm.", "Rev.", "Pres.", "Amb.", "No.", "Vol.", "vs.", "approx.");

    private static final Pattern ENDS_WITH_INITIALISM = Pattern.compile("(?:\\b\\p{Lu}\\.){2,}$");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private SentenceSplitter() {}

    /**
     * Sentences of the given paragraphs, with offsets into {@code source}. A paragraph that ends with a comma
     * continues in the next one (a quote broken over lines), so the two are split as one text.
     */
    public static List<Sentence> split(String source, List<Paragraph> paragraphs) {
        List<Sentence> sentences = new ArrayList<>();
        int i = 0;
        while (i < paragraphs.size()) {
            int blockStart = paragraphs.get(i).start();
            int blockEnd = paragraphs.get(i).end();
            while (i + 1 < paragraphs.size() && continues(source, paragraphs.get(i), paragraphs.get(i + 1))) {
                i++;
                blockEnd = paragraphs.get(i).end();
            }
            splitBlock(source, blockStart, blockEnd, sentences);
            i++;
        }
        return sentences;
    }

    private static boolean continues(String source, Paragraph current, Paragraph next) {
        // Only text that was adjacent in the file: a dropped line in between means the two are unrelated.
        return current.text().endsWith(",") && source.substring(current.end(), next.start()).isBlank();
    }

    private static void splitBlock(String source, int blockStart, int blockEnd, List<Sentence> out) {
        // ICU always breaks at a line end; inside a joined block a line end is just a space (same length).
        String block = source.substring(blockStart, blockEnd).replace('\n', ' ').replace('\r', ' ');
        BreakIterator breaks = ITERATOR.get();
        breaks.setText(block);
        int pendingStart = -1;
        int pendingEnd = -1;
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            int s = start;
            int e = end;
            while (s < e && Character.isWhitespace(block.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(block.charAt(e - 1))) {
                e--;
            }
            if (s == e) {
                continue;
            }
            if (pendingStart >= 0 && ENDS_WITH_INITIALISM.matcher(block.substring(pendingStart, pendingEnd)).find()
                    && Character.isUpperCase(block.charAt(s))) {
                pendingEnd = e;
                continue;
            }
            if (pendingStart >= 0) {
                out.add(sentence(source, blockStart + pendingStart, blockStart + pendingEnd));
            }
            pendingStart = s;
            pendingEnd = e;
        }
        if (pendingStart >= 0) {
            out.add(sentence(source, blockStart + pendingStart, blockStart + pendingEnd));
        }
    }

    private static Sentence sentence(String source, int start, int end) {
        return new Sentence(WHITESPACE.matcher(source.substring(start, end)).replaceAll(" "), start, end);
    }

    /**
     * A BreakIterator is stateful, so each thread keeps its own. Building one with the abbreviation filter
     * costs more than splitting a whole article (ICU compiles a trie from its resource data), so it is built
     * once per thread and reset by setText.
     */
    private static final ThreadLocal<BreakIterator> ITERATOR = ThreadLocal.withInitial(SentenceSplitter::newIterator);

    private static BreakIterator newIterator() {
        FilteredBreakIteratorBuilder builder = FilteredBreakIteratorBuilder.getInstance(ENGLISH);
        TITLES.forEach(builder::suppressBreakAfter);
        return builder.wrapIteratorWithFilter(BreakIterator.getSentenceInstance(ENGLISH));
    }
}
