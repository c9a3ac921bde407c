package dev.citeqa.answer.extractive;

import dev.citeqa.analysis.EntityTagger;
import java.util.regex.Pattern;

/**
 * How a sentence describes the subject of "Who is X?": an apposition ("Vladimir Medinsky, an adviser to
 * ..."), a role before the name ("presidential adviser Vladimir Medinski"), or "X is/was a ...". Compiled
 * once per question, not per window.
 */
record Description(Pattern apposition, Pattern roleBefore, Pattern copula) {

    /** The patterns for {@code subject}, or null when there is none. */
    static Description of(String subject) {
        if (subject == null) {
            return null;
        }
        String[] names = subject.split("\\s+");
        String surname = names[names.length - 1].replaceAll("['’]s$", "");
        // Transliterated names vary at the end ("Medinsky", "Medinski"), so the last letters are left open.
        String approxSurname = surname.length() >= 6
                ? Pattern.quote(surname.substring(0, surname.length() - 2)) + "\\p{L}*"
                : Pattern.quote(surname);
        return new Description(
                Pattern.compile("(?i)\\b" + approxSurname + "\\p{L}*,\\s+(?:a|an|the|who is|who was)\\s"),
                Pattern.compile("\\b[a-z][\\p{L}-]*\\s+(?:\\p{Lu}\\p{L}+\\s+)?" + approxSurname),
                Pattern.compile("(?i)\\b" + approxSurname + "\\p{L}*\\s+(?:is|was)\\s+(?:a|an|the)\\s"));
    }

    /** Whether {@code sentence} describes the subject. */
    boolean in(String sentence) {
        if (apposition.matcher(sentence).find() || copula.matcher(sentence).find()) {
            return true;
        }
        var m = roleBefore.matcher(sentence);
        while (m.find()) {
            if (EntityTagger.isTitle(m.group().split("\\s+")[0])) {
                return true;
            }
        }
        return false;
    }
}
