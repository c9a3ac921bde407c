package dev.citeqa.answer.extractive;

import dev.citeqa.analysis.Acronyms;
import dev.citeqa.analysis.EntityTagger;
import dev.citeqa.analysis.EntityTagger.Entity;
import dev.citeqa.analysis.NewsAnalyzer;
import dev.citeqa.analysis.Terms;
import dev.citeqa.collection.Sentence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A sentence as the answerer reads it, worked out once: its analysed terms (as BM25 matched them), with their
 * offsets, its plain words (as spelling variants are compared), its entities, whether it opens by pointing back ("He
 * said …"), whether it states something an answer could quote ({@link WindowFeatures#answerable(String)}), and its
 * acronyms as written ("WWE's"), which may stand for a name the question spells out.
 */
record AnalysedSentence(Sentence sentence, List<NewsAnalyzer.Token> tokens, Set<String> terms, List<String> words,
        List<Entity> entities, boolean pointsBack, boolean answerable, List<String> acronyms) {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}'’]+");
    /** A pronoun or "the latter" that opens a sentence. */
    private static final Pattern POINTS_BACK = Pattern.compile("^(?:" + WindowFeatures.POINTING_WORDS
            + "|The latter|The former)\\b");

    static AnalysedSentence of(Sentence s) {
        List<String> words = plainWords(s.text());
        List<NewsAnalyzer.Token> tokens = Terms.ofSentence(s.text());
        Set<String> terms = new HashSet<>();
        tokens.forEach(t -> terms.add(t.term()));
        return new AnalysedSentence(s, tokens, terms, words, EntityTagger.tag(s.text()),
                POINTS_BACK.matcher(s.text()).lookingAt(), WindowFeatures.answerable(s.text()),
                tokens.stream().map(NewsAnalyzer.Token::surface).filter(Acronyms::isOne).toList());
    }

    /**
     * Whether the sentence has any of {@code few} (the question's terms): asked over the few, of the sentence's set,
     * which gives the same answer as the other way round.
     */
    boolean saysAnyOf(Set<String> few) {
        for (String term : few) {
            if (terms.contains(term)) {
                return true;
            }
        }
        return false;
    }

    /** The words of {@code text} as spelling variants are compared: folded to plain lower-case letters. */
    static List<String> plainWords(String text) {
        List<String> words = new ArrayList<>();
        for (String w : NOT_WORD.split(text)) {
            if (!w.isEmpty()) {
                words.add(EntityTagger.plain(w));
            }
        }
        return words;
    }
}
