package dev.citeqa.collection;

/**
 * Corpus file names as the log may show them. A name is whatever bytes the file system allows: a newline
 * and an ANSI escape in one can forge a log line or recolour a terminal, and a bidi override can make it read
 * backwards. Every place that logs a corpus file name passes it through {@link #forLog}.
 */
public final class FileNames {

    private FileNames() {}

    /**
     * The name with control, format and line-separator characters (and backslash, so the escape is
     * unambiguous) written as {@code \n}, {@code \t}, {@code \r}, {@code \\} or {@code \}{@code uXXXX}. A lone
     * surrogate is escaped too; a valid pair is kept.
     */
    public static String forLog(Object name) {
        String text = String.valueOf(name);
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(text, i);
            if (escape == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            out.append(escape);
        }
        return out == null ? text : out.toString();
    }

    private static String escape(String text, int i) {
        char c = text.charAt(i);
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '\\':
                return "\\\\";
            default:
                break;
        }
        boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1))
                || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        int type = Character.getType(c);
        boolean unsafe = type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || Character.isSurrogate(c) && !pairedSurrogate;
        return unsafe ? String.format("\\u%04X", (int) c) : null;
    }
}
