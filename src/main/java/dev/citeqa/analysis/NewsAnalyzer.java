package dev.citeqa.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.StemmerOverrideFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Lucene's English chain (possessives, lower case, stop words, Porter stemming) with six additions: accent
 * folding, because news copy spells the same name "Erdoğan" and "Erdogan"; words that Porter stems as an unrelated
 * word kept apart ({@code analysis/stem-splits.txt}), because "presided" is no "president"; irregular verb forms and
 * abbreviated titles mapped to the stem of the word they stand for ({@code analysis/irregular-verbs.txt},
 * {@code analysis/title-abbreviations.txt}), because Porter cannot see that "told" is "tell" nor "Gov." "Governor";
 * British spellings stemmed as the American ones ({@code analysis/british-spellings.txt}), because outlets and
 * askers on either side of the Atlantic write "defence" and "defense"; initialisms written with full stops read as
 * written without them ({@link #INITIALISM_DOT}); an ordinal in figures read as its number ({@link
 * #ORDINAL_FIGURE}); and a name joined by an ampersand kept as one word ({@link #AMPERSAND_NAME}).
 *
 * <p>Questions are analysed with extra stop words ({@link #forQuestions()}): "tell", "about", "said" carry the
 * question's form, not its topic, and would otherwise reward passages that merely contain them.
 */
public final class NewsAnalyzer extends Analyzer {

    /**
     * Pronouns and auxiliaries, dropped from text and questions alike. Lucene's English list keeps them, and
     * Porter stemming then makes "his" match a greeting's "hi".
     */
    static final List<String> FUNCTION_WORDS = List.copyOf(WordLists.load("function-words"));

    /** Words that shape a question but say nothing about what it asks for. */
    static final List<String> QUESTION_WORDS = List.copyOf(WordLists.load("question-words"));

    /**
     * A split word's form → its term, then irregular verb form → stem of its base verb, then abbreviated title →
     * stem of the title, in file order.
     */
    private static final Map<String, String> STEM_OVERRIDES = loadStemOverrides();
    private static final StemmerOverrideFilter.StemmerOverrideMap OVERRIDES = overrideMap(STEM_OVERRIDES);

    /**
     * Porter stem of a British spelling → Porter stem of the American one. Mapped after stemming, so that one line
     * covers the word's inflections ("organised", "organising", "organisation" all stem to "organis").
     */
    private static final Map<String, String> SPELLING_STEMS = loadSpellingStems();
    private static final StemmerOverrideFilter.StemmerOverrideMap SPELLINGS = overrideMap(SPELLING_STEMS);

    /**
     * A full stop after a lone letter that starts a token or follows another such stop: "u.s" is "us" and
     * "u.k" is "uk", while "1.3" and "amazon.com" keep theirs. American copy writes "U.S." and questions (and
     * British copy) "US"; Porter then stemmed "u.s" to "u.", so the two never met.
     */
    public static final String INITIALISM_DOT = "(?<=^\\p{L}|\\.\\p{L})\\.";
    private static final Pattern INITIALISM = Pattern.compile(INITIALISM_DOT);

    /**
     * An ordinal in figures is its number: questions write "from August 15th to August 18th", stories "Aug. 15 to
     * Aug. 18", and a day the question names is a figure the answer's story must hold.
     */
    public static final String ORDINAL_FIGURE = "^(\\d+)(?:st|nd|rd|th)$";
    private static final Pattern ORDINAL = Pattern.compile(ORDINAL_FIGURE);

    /**
     * Short words joined by an ampersand, a name of its own ("AT&T", "S&P", "R&B", "Texas A&M"), has an underscore
     * read in the ampersand's place, which the word-break rules of the tokenizer keep inside a word ("at_t"). Split at
     * the ampersand, "AT&T" was the stop word "at" and a lone "t", and "S&P 500" the letters "s" and "p", so neither
     * a question nor BM25 could tell the company from any other. The same length, so offsets stay right. The
     * ampersand comes first in the pattern so that the search skips every other character at once (with the look
     * behind first, real news took a sixth longer to index).
     */
    public static final String AMPERSAND_NAME =
            "&(?<=(?<![\\p{L}\\p{N}])\\p{L}{1,4}&)(?=\\p{L}{1,4}(?![\\p{L}\\p{N}]))";
    private static final Pattern AMPERSAND = Pattern.compile(AMPERSAND_NAME);

    private final CharArraySet stopWords;

    private NewsAnalyzer(CharArraySet stopWords) {
        this.stopWords = stopWords;
    }

    /** For indexing text. */
    public static NewsAnalyzer forText() {
        return new NewsAnalyzer(stopWords(FUNCTION_WORDS));
    }

    /** For analysing a question into the terms that carry its topic. */
    public static NewsAnalyzer forQuestions() {
        List<String> words = new java.util.ArrayList<>(FUNCTION_WORDS);
        words.addAll(QUESTION_WORDS);
        return new NewsAnalyzer(stopWords(words));
    }

    private static CharArraySet stopWords(List<String> extra) {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        set.addAll(extra);
        return CharArraySet.unmodifiableSet(set);
    }

    /** The stop words of indexed text, for a search cluster's copy of this chain. */
    public static List<String> textStopWords() {
        return stopWords(FUNCTION_WORDS).stream().map(word -> new String((char[]) word)).sorted().toList();
    }

    /**
     * Split words, irregular verb forms and abbreviated titles, and the terms they are indexed as, for a search
     * cluster's copy.
     */
    public static Map<String, String> stemOverrides() {
        return STEM_OVERRIDES;
    }

    /** British spellings' stems and the American stems they are indexed as, for a search cluster's copy. */
    public static Map<String, String> spellingStems() {
        return SPELLING_STEMS;
    }

    /**
     * An analysed term and the stretch of text it came from.
     *
     * @param opening whether it is the text's first word, which is capitalised whatever it is: nothing but
     *     punctuation and spaces stand before it ("¿Cuántos …", "- Describe …", "“Who …")
     */
    public record Token(String term, String surface, int start, int end, boolean opening) {}

    /** The analysed terms of a text, in order, with their offsets. */
    public List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            int firstWord = firstWordStart(text);
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), text.substring(offset.startOffset(), offset.endOffset()),
                        offset.startOffset(), offset.endOffset(), offset.startOffset() <= firstWord));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
        return tokens;
    }

    private static int firstWordStart(String text) {
        int i = 0;
        while (i < text.length() && !Character.isLetterOrDigit(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    /** The analysed terms of a text, in order. */
    public List<String> terms(String text) {
        return tokens(text).stream().map(Token::term).toList();
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new PatternReplaceCharFilter(AMPERSAND, "_", reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream result = new EnglishPossessiveFilter(source);
        result = new LowerCaseFilter(result);
        result = new ASCIIFoldingFilter(result);
        result = new PatternReplaceFilter(result, INITIALISM, "", true);
        result = new PatternReplaceFilter(result, ORDINAL, "$1", false);
        result = new StopFilter(result, stopWords);
        result = new StemmerOverrideFilter(result, OVERRIDES);
        result = new PorterStemFilter(result);
        result = new StemmerOverrideFilter(result, SPELLINGS);
        return new TokenStreamComponents(source, result);
    }

    /**
     * Maps each split word's form to its line's term, and each other listed form to the term of the word it stands
     * for, as the rest of the chain would analyse that word: a split word's line term, else its Porter stem.
     */
    private static Map<String, String> loadStemOverrides() {
        Map<String, String> stems = new LinkedHashMap<>();
        WordLists.groups("stem-splits").forEach((form, line) -> stems.put(single(form), single(line.getFirst())));
        Map<String, String> splits = Map.copyOf(stems);
        for (String list : List.of("irregular-verbs", "title-abbreviations")) {
            WordLists.pairs(list).forEach((form, word) ->
                    stems.putIfAbsent(form, splits.getOrDefault(word, porterStem(word))));
        }
        return Collections.unmodifiableMap(stems);
    }

    private static String single(List<String> form) {
        if (form.size() != 1) {
            throw new IllegalStateException("analysis/stem-splits.txt: not one word: " + String.join(" ", form));
        }
        return form.getFirst();
    }

    private static Map<String, String> loadSpellingStems() {
        Map<String, String> stems = new LinkedHashMap<>();
        WordLists.pairs("british-spellings").forEach((british, american) -> {
            String from = porterStem(british);
            String to = porterStem(american);
            if (from.equals(to)) {
                throw new IllegalStateException("analysis/british-spellings.txt: Porter already stems " + british
                        + " and " + american + " alike");
            }
            String earlier = stems.putIfAbsent(from, to);
            if (earlier != null && !earlier.equals(to)) {
                throw new IllegalStateException("analysis/british-spellings.txt: " + british + " stems as an earlier"
                        + " line's word, whose American stem is " + earlier + ", not " + to);
            }
        });
        return Collections.unmodifiableMap(stems);
    }

    private static StemmerOverrideFilter.StemmerOverrideMap overrideMap(Map<String, String> stems) {
        StemmerOverrideFilter.Builder builder = new StemmerOverrideFilter.Builder(false);
        stems.forEach(builder::add);
        try {
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("building an in-memory map cannot fail", e);
        }
    }

    private static String porterStem(String word) {
        try (Analyzer porter = new Analyzer() {
                    @Override
                    protected TokenStreamComponents createComponents(String fieldName) {
                        StandardTokenizer source = new StandardTokenizer();
                        return new TokenStreamComponents(source, new PorterStemFilter(source));
                    }
                };
                TokenStream stream = porter.tokenStream("", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            String stem = stream.incrementToken() ? term.toString() : word;
            stream.end();
            return stem;
        } catch (IOException e) {
            throw new UncheckedIOException("stemming a word in memory cannot fail", e);
        }
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
