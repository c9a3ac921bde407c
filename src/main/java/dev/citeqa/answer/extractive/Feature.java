package dev.citeqa.answer.extractive;

import java.util.Locale;

/**
 * The evidence a window gives, one number each, as {@link WindowFeatures} computes them and the model file
 * weighs them. The names in the model file are these in lower camel case.
 */
enum Feature {
    /** IDF-weighted share of the question's terms found, names and figures in the passage or lead too. */
    COVERAGE,
    /** The share of the question's names and figures the window, its passage or its article's lead has. */
    ANCHOR_COVERAGE,
    /** The share of the question's other words that one sentence of the window has. */
    FOCUS_COVERAGE,
    /** The passage's embedding similarity to the question, mapped to 0 (unrelated) .. 1 (a paraphrase). */
    MEANING,
    /**
     * The best sentence's embedding similarity to the question, mapped as {@link #MEANING}; 0 when meanings
     * are not compared. Worked out for the best few windows only (a cascade): it costs a model call per sentence.
     */
    SENTENCE_MEANING,
    /** 1 when the window holds a phrase of the asked-for kind, 0 when not, 0.5 when no kind is asked. */
    TYPE_SCORE,
    /** 1 when a kind is asked for and the window has no phrase of it. */
    TYPE_MISSING,
    /** Names and figures of the question that the window's story lacks. */
    MISSING_REQUIRED,
    /** Sentences beyond the first. */
    EXTRA_SENTENCES,
    /** 1 / (1 + the passage's place in the retrieved list). */
    PASSAGE_RANK,
    /** 1 / (1 + the article's place among the retrieved articles). */
    ARTICLE_RANK,
    /** How near the asked-for phrase is to the question's words in its sentence, 0 .. 1. */
    ENTITY_NEAR,
    /** 1 when the window opens the article. */
    LEAD,
    /** 1 when the window opens with a pronoun ("He said ..."), which points back to what came before. */
    ANAPHOR,
    /** The share of the question's terms in the article's title, date and outlet. */
    TITLE_COVERAGE,
    /**
     * How much older the window's article is than the newest article retrieved: 0 for that one, half-way to 1 at
     * {@code ageHalfLifeDays} older; for an undated article, of which nothing is known, the median of the others.
     * When the question names a year that retrieved articles are dated in, the newest of those takes the newest
     * article's place, and a later article is as far from it as an earlier one.
     * News is asked about while it is new, and a folder of news holds older stories on the same subject ("who did
     * Macron appoint as prime minister"). Zero when all are equally new, so that a corpus of one week, or of
     * undated files, scores as if the feature were not there.
     */
    AGE,
    /** The share of the question's terms in the window itself. */
    WINDOW_TERMS,
    /** The window's words / 50, at most 2. */
    LENGTH;

    /** The name in the model file: {@code ANCHOR_COVERAGE} is {@code anchorCoverage}. */
    String key() {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
