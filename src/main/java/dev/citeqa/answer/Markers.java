package dev.citeqa.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Citation markers ({@code [ID]}) in answer text. Only CiteQA may write them: marker-shaped text inside an
 * article ("chaired by X [001_ef047f98b842d2d5]") would otherwise become a citation of an article that says no
 * such thing, in the web page and in any client that reads markers. Where article text is quoted (by the
 * extractive answerer, to a model in its prompt, or by a model in its answer), ID-shaped brackets become round
 * ones: still visible, no longer markers.
 */
public final class Markers {

    /** A bracketed run without nested brackets or line breaks; the web page looks for the same. */
    static final Pattern BRACKETS = Pattern.compile("\\[([^\\[\\]\\n]{1,400})\\]");
    private static final Pattern ID_LIKE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.\\-]*");
    private static final Pattern LABEL = Pattern.compile("(?i)^(?:id|source|article|doc|ref)s?\\s*[:#]?\\s*");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    /** Words before a bracket in an article that, found before the same bracket in an answer, make it a quote. */
    private static final int QUOTED_WORDS = 3;

    private Markers() {}

    /**
     * The IDs a bracket's content names, as a model writes them: "a_1", "a_1, b_2", "ID: a_1", "a_1 and b_2". An
     * ID may hold spaces ("Storm hits coast (1)"), so content, or a part of it between commas, that {@code known}
     * names whole is one ID; anything else is split at spaces and "and" too.
     */
    static List<String> parts(String content, Predicate<String> known) {
        String whole = unlabelled(content);
        if (known.test(whole)) {
            return List.of(whole);
        }
        List<String> parts = new ArrayList<>();
        for (String piece : content.split("[,;|]")) {
            String id = unlabelled(piece);
            if (known.test(id)) {
                parts.add(id);
                continue;
            }
            for (String word : id.split("\\s+and\\s+|\\s+")) {
                String part = unlabelled(word);
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            }
        }
        return parts;
    }

    private static String unlabelled(String part) {
        return LABEL.matcher(part.strip()).replaceFirst("");
    }

    /** Whether {@code id} looks like an article ID (letters or digits, with a digit or an underscore). */
    static boolean idShaped(String id) {
        return ID_LIKE.matcher(id).matches() && id.matches(".*[\\d_].*");
    }

    /** Whether a bracket's content names something ID-shaped, or an article of {@code known} (an ID with spaces). */
    private static boolean marker(String content, Predicate<String> known) {
        return parts(content, known).stream().anyMatch(id -> idShaped(id) || known.test(id));
    }

    /** {@code text} with every bracket that names something ID-shaped in round brackets instead. */
    public static String defuse(String text) {
        return defuse(text, id -> false);
    }

    /** The same, and brackets that name an article of {@code known} too, whatever its ID's shape. */
    public static String defuse(String text, Predicate<String> known) {
        return text == null ? null : replace(text, m -> marker(m.group(1), known));
    }

    /**
     * {@code answer} with the markers it copied from {@code quoted} defused: a bracket stands where it stands in
     * an article, after the same words. A model may copy an article's sentence with its brackets; a marker the
     * model placed itself follows its own sentence, where no article has that bracket.
     */
    static String defuseQuoted(String answer, List<String> quoted, Predicate<String> known) {
        List<int[]> copied = new ArrayList<>();
        for (String text : quoted) {
            Matcher m = BRACKETS.matcher(text);
            while (m.find()) {
                if (!marker(m.group(1), known)) {
                    continue;
                }
                String[] words = SPACE.split(text.substring(0, m.start()).strip());
                int from = Math.max(0, words.length - QUOTED_WORDS);
                StringBuilder pattern = new StringBuilder();
                for (int i = from; i < words.length; i++) {
                    if (!words[i].isEmpty()) {
                        pattern.append(Pattern.quote(words[i])).append("\\s*");
                    }
                }
                if (pattern.isEmpty()) {
                    continue; // a bracket opening the text: nothing to tell a quote by
                }
                Matcher quote = Pattern.compile(pattern + "(" + Pattern.quote(m.group()) + ")").matcher(answer);
                while (quote.find()) {
                    copied.add(new int[] {quote.start(1), quote.end(1)});
                }
            }
        }
        return copied.isEmpty() ? answer
                : replace(answer, m -> copied.stream().anyMatch(r -> r[0] == m.start() && r[1] == m.end()));
    }

    private static String replace(String text, Predicate<Matcher> which) {
        Matcher m = BRACKETS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(which.test(m) ? "(" + m.group(1) + ")" : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
