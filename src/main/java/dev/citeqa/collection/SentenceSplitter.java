package dev.citeqa.collection;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.FilteredBreakIteratorBuilder;
import com.ibm.icu.util.ULocale;
import dev.citeqa.analysis.NewsPatterns;
import dev.citeqa.analysis.WordLists;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits paragraphs into sentences with ICU's rules and its English abbreviation list ("Mr.", "Jan."), plus
 * the titles news copy uses most. ICU's suppression list cannot hold initialisms such as "U.S.", so a break
 * after one is undone when the next sentence starts with a capital ("U.S. President Donald Trump"), and so is one
 * after a name's initial when the name goes on ("George W. Bush").
 *
 * <p>Every sentence has a letter or a digit: a piece without one (a lone bullet, an emoji, a dash) joins the
 * sentence before it, or the one after it at the start of a paragraph, so nothing is embedded that a model
 * cannot read. A sentence longer than {@link #MAX_SENTENCE_CHARS} is cut at line-break opportunities.
 */
public final class SentenceSplitter {

    /**
     * The longest sentence, in characters. News sentences run to 100 to 300 characters, and in the
     * realnews-2024 set 5 in 300,000 exceed 1,000 (lists and tables that lost their line breaks).
     * Without punctuation, a whole file would be one sentence, quoted whole in every answer that cites it and
     * far beyond the 512 tokens (about 2,000 characters) the embedding models read; a passage of three such
     * pieces stays near that window.
     */
    public static final int MAX_SENTENCE_CHARS = 1_000;

    /**
     * The shortest line taken for a wrapped one whatever the next line opens with: text is wrapped at 65 to 80
     * characters, and a line filled that far is not a heading.
     */
    static final int WRAPPED_LINE_CHARS = 60;

    /**
     * The narrowest run of lines read as wrapped to its widest line's width: e-mail and wire copy wrap at 60 to
     * 80 characters (Reuters' archive near 65), and a run of short lines is a list or a verse.
     */
    static final int WRAP_WIDTH_CHARS = 50;

    private static final ULocale ENGLISH = ULocale.ENGLISH;

    private static final List<String> TITLES = List.of("Dr.", "Gen.", "Sen.", "Rep.", "Gov.", "Prof.", "St.",
            "Lt.", "Col.", "Sgt.", "Capt.", "Cmdr.", "Adm.", "Rev.", "Pres.", "Amb.", "No.", "Vol.", "vs.", "approx.");

    /**
     * Months as AP style abbreviates them before a day ("Oct. 15"). ICU's English list has most of them but not
     * "Apr.", "Jul." or "Oct.", so "It opens Oct. 15." was two sentences and the quote lost its day.
     */
    private static final List<String> MONTHS = List.of("Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.",
            "Sep.", "Sept.", "Oct.", "Nov.", "Dec.");

    /**
     * Words ICU's English list takes for abbreviations that news ends sentences with, capitalised in a headline run
     * into its text ("Parking Meter Fight Heats Up. The city council …", "Prices Go Up.", "Game On."): a break after
     * them stands.
     */
    private static final List<String> WORDS_NOT_ABBREVIATED = List.of("Up.", "In.", "On.", "Go.", "Ok.");

    private static final Pattern ENDS_WITH_INITIALISM = Pattern.compile("\\b" + NewsPatterns.INITIALISM + "$");

    /**
     * A name's initial after a capitalised word, "George W." or "Cllr P.": the name goes on in the next "sentence"
     * ("Bush said so."). Not "I", a numeral as often ("World War I."), nor a letter after a word that names things
     * by letters ({@link #LETTER_NAMES}); the word is the first group.
     */
    private static final Pattern ENDS_WITH_INITIAL =
            Pattern.compile("(?:^|\\s)(\\p{Lu}[\\p{L}'’.-]*)\\s+(?!I\\.)\\p{Lu}\\.$");

    /**
     * Words that a single letter follows as a name of its own ({@code analysis/letter-names.txt}): "Group B.", "Plan
     * B.", "Vitamin C." end sentences as any word does.
     */
    private static final Set<String> LETTER_NAMES = WordLists.load("letter-names");

    /** How much of a sentence's end the patterns above read: a long run of undone breaks is not read again whole. */
    private static final int TAIL_CHARS = 64;

    /** A line of markup, which opens or ends with a tag ("<div …>", "…</div>"): no prose, and wrapped into none. */
    private static final Pattern MARKUP = Pattern.compile("^<[A-Za-z!/]|</?[A-Za-z][^<>]*>$");

    /** The first word of a sentence, when capitalised. */
    private static final Pattern CAPITALISED_WORD = Pattern.compile("\\p{Lu}[\\p{L}'’-]*");

    /** Words that open a sentence without naming anyone: after "Plan B." a new sentence starts with one. */
    private static final Set<String> OPENERS = WordLists.load("sentence-openers");

    /**
     * A wire story's dateline up to its state, "SPRINGFIELD, Ill." or "NEW YORK, N.Y.", which the agency's name
     * in brackets follows: "(AP) — The city council ...". The full stop ends the state's abbreviation, not a
     * sentence.
     */
    private static final Pattern DATELINE =
            Pattern.compile("^\\p{Lu}[\\p{Lu}\\p{M} .'’-]*,\\s+\\p{Lu}[\\p{L}.]*\\.$");

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    /** Invisible characters: zero-width spaces and joiners, bidi controls, byte order marks, soft hyphens. */
    private static final Pattern FORMAT = Pattern.compile("\\p{Cf}+");

    private SentenceSplitter() {}

    /**
     * Sentences of the given paragraphs, with offsets into {@code source}. A paragraph that ends with a comma
     * continues in the next one (a quote broken over lines), and so does a hard-wrapped line, so the two are
     * split as one text.
     */
    public static List<Sentence> split(String source, List<Paragraph> paragraphs) {
        List<Sentence> sentences = new ArrayList<>();
        // Whether a later line of each one's run (lines with no blank line between) ends a sentence: where the
        // sentence a wrapped line starts may end. A sign-off after the last sentence ("Reuter") ends none.
        boolean[] endsAhead = new boolean[paragraphs.size()];
        // The widest line of each one's run: the width that a hard-wrapped text was wrapped to.
        int[] width = new int[paragraphs.size()];
        for (int j = paragraphs.size() - 1; j >= 0; j--) {
            boolean inRun = j + 1 < paragraphs.size() && onNextLine(source, paragraphs.get(j), paragraphs.get(j + 1));
            endsAhead[j] = inRun && (Boilerplate.endsLikeSentence(paragraphs.get(j + 1).text()) || endsAhead[j + 1]);
            width[j] = Math.max(columns(source, paragraphs.get(j)), inRun ? width[j + 1] : 0);
        }
        for (int j = 1; j < paragraphs.size(); j++) {
            if (onNextLine(source, paragraphs.get(j - 1), paragraphs.get(j))) {
                width[j] = width[j - 1];
            }
        }
        int i = 0;
        while (i < paragraphs.size()) {
            int blockStart = paragraphs.get(i).start();
            int blockEnd = paragraphs.get(i).end();
            while (i + 1 < paragraphs.size() && continues(source, paragraphs, endsAhead, width, i)) {
                i++;
                blockEnd = paragraphs.get(i).end();
            }
            splitBlock(source, blockStart, blockEnd, sentences);
            i++;
        }
        return sentences;
    }

    /** Whether paragraph {@code i} goes on in paragraph {@code i + 1}: they are one text to split. */
    private static boolean continues(String source, List<Paragraph> paragraphs, boolean[] endsAhead, int[] width,
            int i) {
        Paragraph current = paragraphs.get(i);
        Paragraph next = paragraphs.get(i + 1);
        // Only text that was adjacent in the file: a dropped line in between means the two are unrelated.
        if (!source.substring(current.end(), next.start()).isBlank()) {
            return false;
        }
        return current.text().endsWith(",") || isWrapped(source, paragraphs, endsAhead, width[i], i);
    }

    /**
     * Hard-wrapped text (wire copy, e-mail, text exports) breaks its sentences at line ends: a line that has not
     * ended its sentence goes on in the very next line (no blank line between) when that opens in lower case or
     * with a digit, when the line is as long as wrapped lines are, or when the next line's first word would not
     * have fitted on it within its run's width (the rule that wrapped it: "… since early" over "January and …").
     * A heading, a caption or a list item is short, and the paragraph after it opens with a capital. A later
     * line of the run must end the sentence, as in wrapped prose: in text without punctuation each line is a
     * sentence, and lines of markup are no prose.
     */
    private static boolean isWrapped(String source, List<Paragraph> paragraphs, boolean[] endsAhead, int width,
            int i) {
        String current = paragraphs.get(i).text();
        if (!endsAhead[i] || Boilerplate.endsLikeSentence(current) || MARKUP.matcher(current).find()) {
            return false;
        }
        String next = paragraphs.get(i + 1).text();
        int first = next.codePointAt(0);
        int firstWord = next.indexOf(' ') < 0 ? next.length() : next.indexOf(' ');
        boolean full = current.length() >= WRAPPED_LINE_CHARS
                || width >= WRAP_WIDTH_CHARS
                        && columns(source, paragraphs.get(i)) + 1 + firstWord > width;
        return Character.isLowerCase(first) || Character.isDigit(first) || full && Character.isLetter(first);
    }

    /** The columns a paragraph's line fills, its indent included: a wire archive indents a paragraph's first line. */
    private static int columns(String source, Paragraph p) {
        return p.end() - (source.lastIndexOf('\n', p.start() - 1) + 1);
    }

    private static boolean onNextLine(String source, Paragraph current, Paragraph next) {
        return onNextLine(source, current.end(), next.start());
    }

    /** Nothing but white space from {@code end} to {@code next}, with one line break: no blank line parts them. */
    static boolean onNextLine(String source, int end, int next) {
        String between = source.substring(end, next);
        return between.isBlank() && between.indexOf('\n') == between.lastIndexOf('\n') && between.indexOf('\n') >= 0;
    }

    private static void splitBlock(String source, int blockStart, int blockEnd, List<Sentence> out) {
        // ICU always breaks at a line end; inside a joined block a line end is just a space (same length).
        String block = source.substring(blockStart, blockEnd).replace('\n', ' ').replace('\r', ' ');
        BreakIterator breaks = ITERATOR.get();
        breaks.setText(block);
        int pendingStart = -1;
        int pendingEnd = -1;
        int debrisStart = -1;
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            int s = start;
            int e = end;
            while (s < e && ArticleParser.Line.isBlank(block.charAt(s))) {
                s++;
            }
            while (e > s && ArticleParser.Line.isBlank(block.charAt(e - 1))) {
                e--;
            }
            if (s == e) {
                continue;
            }
            if (!ArticleParser.hasWords(block.substring(s, e))) {
                // Debris is no sentence of its own: it joins the one before, or else the one after.
                if (pendingStart >= 0) {
                    pendingEnd = e;
                } else if (debrisStart < 0) {
                    debrisStart = s;
                }
                continue;
            }
            if (debrisStart >= 0) {
                s = debrisStart;
                debrisStart = -1;
            }
            // Only the pending sentence's end is read: a line of many undone breaks is read once, not once per break.
            String tail = pendingStart >= 0 ? block.substring(Math.max(pendingStart, pendingEnd - TAIL_CHARS),
                    pendingEnd) : null;
            char next = block.charAt(s);
            if (tail != null && (ENDS_WITH_INITIALISM.matcher(tail).find() && Character.isUpperCase(next)
                    || pendingEnd - pendingStart <= TAIL_CHARS && DATELINE.matcher(tail).matches() && next == '('
                    || endsWithInitial(tail) && opensWithName(block, s))) {
                pendingEnd = e;
                continue;
            }
            if (pendingStart >= 0) {
                addBounded(source, blockStart + pendingStart, blockStart + pendingEnd, out);
            }
            pendingStart = s;
            pendingEnd = e;
        }
        if (pendingStart >= 0) {
            addBounded(source, blockStart + pendingStart, blockStart + pendingEnd, out);
        }
    }

    /** Whether the text ends with a name's initial ({@link #ENDS_WITH_INITIAL}). */
    private static boolean endsWithInitial(String text) {
        Matcher initial = ENDS_WITH_INITIAL.matcher(text);
        return initial.find() && !LETTER_NAMES.contains(initial.group(1).toLowerCase(Locale.ROOT));
    }

    /** Whether the text from {@code start} opens with a capitalised word that is no sentence opener ("Bush"). */
    private static boolean opensWithName(String block, int start) {
        Matcher word = CAPITALISED_WORD.matcher(block).region(start, block.length());
        return word.lookingAt() && !OPENERS.contains(word.group().toLowerCase(Locale.ROOT));
    }

    /**
     * Adds the sentence, cut into pieces of at most {@link #MAX_SENTENCE_CHARS}: at the last line-break
     * opportunity (after a space or hyphen) within the limit, or, in a run with none, between two characters
     * as the reader sees them (never inside a surrogate pair or before a combining mark).
     */
    private static void addBounded(String source, int start, int end, List<Sentence> out) {
        BreakIterator lineBreaks = null;
        while (end - start > MAX_SENTENCE_CHARS) {
            String window = source.substring(start, start + MAX_SENTENCE_CHARS);
            if (lineBreaks == null) {
                lineBreaks = BreakIterator.getLineInstance(ENGLISH);
            }
            lineBreaks.setText(window);
            int cut = lineBreaks.preceding(window.length());
            if (cut <= 0) {
                BreakIterator characters = BreakIterator.getCharacterInstance(ENGLISH);
                characters.setText(window);
                cut = characters.preceding(window.length());
            }
            if (cut <= 0) {
                cut = Character.isHighSurrogate(window.charAt(window.length() - 1)) ? window.length() - 1
                        : window.length();
            }
            int pieceEnd = start + cut;
            while (pieceEnd > start && ArticleParser.Line.isBlank(source.charAt(pieceEnd - 1))) {
                pieceEnd--;
            }
            add(source, start, pieceEnd, out);
            start += cut;
            while (start < end && ArticleParser.Line.isBlank(source.charAt(start))) {
                start++;
            }
        }
        add(source, start, end, out);
    }

    private static void add(String source, int start, int end, List<Sentence> out) {
        String span = source.substring(start, end);
        if (ArticleParser.hasWords(span)) {
            out.add(new Sentence(cleaned(span), start, end));
        }
    }

    /** A sentence's text as {@link Sentence#text} gives it: invisible characters out, each run of spaces one space. */
    public static String cleaned(String span) {
        return SPACES.matcher(FORMAT.matcher(span).replaceAll("")).replaceAll(" ").strip();
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
        MONTHS.forEach(builder::suppressBreakAfter);
        WORDS_NOT_ABBREVIATED.forEach(builder::unsuppressBreakAfter);
        return builder.wrapIteratorWithFilter(BreakIterator.getSentenceInstance(ENGLISH));
    }
}
