package dev.citeqa.analysis;

/**
 * How many words a text holds, for sizing passages and telling a sentence from a fragment. Words are runs
 * between white space, except in scripts written without spaces (Chinese, Japanese), where a whole sentence is
 * one run: there every two characters count as a word, about what a character-based word segmenter finds, so
 * that a Chinese article is cut into passages of the configured size and its sentences can be quoted.
 */
public final class Words {

    private Words() {}

    /** Counted rather than split: the answerer asks it of every sentence it reads. */
    public static int count(String text) {
        int runs = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // The white space of the regex \s.
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
            if (!space && !inWord) {
                runs++;
            }
            inWord = !space;
        }
        return runs + unspaced(text);
    }

    /** The words {@link #count} finds in the scripts without spaces alone: every two of their characters. */
    public static int unspaced(String text) {
        int unspaced = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x3040 && unspaced(c)) {
                unspaced++;
            }
        }
        return unspaced / 2;
    }

    /** Kana, and the CJK ideographs of the basic, extension A and compatibility blocks. */
    private static boolean unspaced(char c) {
        return c <= 0x30FF || c >= 0x3400 && c <= 0x4DBF || c >= 0x4E00 && c <= 0x9FFF || c >= 0xF900 && c <= 0xFAFF;
    }
}
