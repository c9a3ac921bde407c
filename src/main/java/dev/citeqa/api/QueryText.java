package dev.citeqa.api;

import java.util.regex.Pattern;

/**
 * A question or query as a client sent it, made fit for the pipeline. Control characters (NUL, escape, …)
 * and halves of broken surrogate pairs become spaces: no tokenizer or model expects them, and a question
 * made only of them is blank, not a crash further down. Runs of white space collapse to one space.
 */
public final class QueryText {

    private static final Pattern CONTROL_OR_SPACE = Pattern.compile("[\\p{Cc}\\p{Cs}\\s]+");

    private QueryText() {}

    public static String clean(String raw) {
        return CONTROL_OR_SPACE.matcher(raw).replaceAll(" ").strip();
    }
}
