package dev.citeqa.answer.extractive;

import dev.citeqa.analysis.EntityTagger.Entity;
import dev.citeqa.analysis.NewsAnalyzer;
import dev.citeqa.analysis.NewsPatterns;
import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.analysis.WordLists;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The verb of a question whose wh-phrase is its subject, as a term: "beat" in "Who beat Luke Littler …?", "call" in
 * "Which Democratic congressperson called for new elections?", "name" in "Who was named …?"; and whether a name in a
 * sentence is that verb's subject, which {@link AnswerPhrases} prefers among a sentence's phrases.
 *
 * @param passive "Who was named …?", "Which MP has been appointed …?"; not "Which actor is suing …?": the named one
 *     stands before a passive verb only
 */
record QuestionVerb(String term, boolean passive) {

    private static final Pattern WORD = Pattern.compile(NewsPatterns.WORD);
    /** Words that make the verb after them passive or continuous: "Who was named …", "Which actor is suing …". */
    private static final Set<String> AUXILIARIES = Set.of("is", "was", "are", "were", "has", "have", "had");
    /** What makes a sentence's verb passive too: "Billy Donovan was named …", not "Adam Silver named …". */
    private static final Pattern PASSIVE_BEFORE = Pattern.compile("\\b(?:is|was|are|were|been|be|being)\\s+$",
            Pattern.CASE_INSENSITIVE);
    /** Words a wh-phrase may have after "which" before its verb: "Which Democratic congressperson called …". */
    private static final int WH_PHRASE_WORDS = 3;
    /** Characters between a name and the verb it is the subject of: room for an apposition set off by dashes. */
    private static final int SUBJECT_REACH = 80;
    /**
     * Between a verb and its agent in the passive: "led by presidential adviser Vladimir Medinski", with room for a
     * title before the name but not for another clause.
     */
    private static final Pattern BY_AGENT = Pattern.compile("^\\s+by\\s+[^,;:.!?()\"“”]{0,40}$");
    /** Irregular verbs' past forms and their bases ("beat", "won"), which no "-ed" shows to be verbs. */
    private static final Set<String> IRREGULAR_VERBS = irregularVerbs();

    /**
     * The question's verb, or null when the wh-phrase is the object ("Who did Macron appoint?"), when no verb in the
     * past (or after "is", "was", "has" …) follows it within {@link #WH_PHRASE_WORDS} words, or when that verb is no
     * term of the question.
     */
    static QuestionVerb of(QuestionAnalysis question) {
        List<MatchResult> words = WORD.matcher(question.text()).results().toList();
        if (words.size() < 2) {
            return null;
        }
        String wh = words.getFirst().group().toLowerCase(Locale.ROOT);
        if (!wh.equals("who") && !wh.equals("which")) {
            return null;
        }
        // "Who" is the whole wh-phrase; "which" has at least one word of its own ("Which airline …").
        int from = wh.equals("who") ? 1 : 2;
        int to = wh.equals("who") ? 1 : 1 + WH_PHRASE_WORDS;
        for (int i = from; i <= to && i < words.size(); i++) {
            String word = words.get(i).group();
            if (AUXILIARIES.contains(word)) {
                boolean been = i + 1 < words.size() && words.get(i + 1).group().equals("been");
                int next = been ? i + 2 : i + 1;
                if (next >= words.size()) {
                    return null;
                }
                String verb = words.get(next).group();
                boolean continuous = Character.isLowerCase(verb.charAt(0)) && verb.endsWith("ing");
                if (!isPastVerb(verb) && !continuous) {
                    return null;
                }
                // "has appointed" is active; "was appointed", "has been appointed" passive.
                boolean passive = !continuous && (been || !word.startsWith("ha"));
                return verbAt(question, words.get(next).start(), passive);
            }
            if (isPastVerb(word)) {
                return verbAt(question, words.get(i).start(), false);
            }
        }
        return null;
    }

    /**
     * "called", "won", "beat": a regular past form, or an irregular verb's past or base form, in lower case ("King",
     * "York-based" are no verbs). Shorter than five letters, an "-ed" word is mostly no past ("red", "bed", "shed").
     */
    private static boolean isPastVerb(String word) {
        return Character.isLowerCase(word.charAt(0)) && word.indexOf('-') < 0
                && (word.length() > 4 && word.endsWith("ed") || IRREGULAR_VERBS.contains(word));
    }

    private static Set<String> irregularVerbs() {
        Map<String, String> pairs = WordLists.pairs("irregular-verbs");
        Set<String> verbs = new HashSet<>(pairs.keySet());
        verbs.addAll(pairs.values());
        return Set.copyOf(verbs);
    }

    private static QuestionVerb verbAt(QuestionAnalysis question, int start, boolean passive) {
        return question.tokens().stream().filter(t -> t.start() == start)
                .map(t -> new QuestionVerb(t.term(), passive)).findFirst().orElse(null);
    }

    /** Whether the sentence's verb {@code t} is in the passive ("was headed"), looking back to {@code from}. */
    private static boolean isPassive(String text, int from, NewsAnalyzer.Token t) {
        return !t.surface().endsWith("ing") && PASSIVE_BEFORE.matcher(text.substring(from, t.start())).find();
    }

    /**
     * Whether the entity comes before this verb in the sentence, near enough to be its subject:
     * "Schumer — the highest-ranking Jewish official in American history — called for Israel to hold new
     * elections", where "Benjamin Netanyahu", after the verb, stands nearer the question's words. The verb's voice
     * must be the question's: asked "Who headed the Russian team?", the name before "was headed" is no subject, and
     * the agent after it ("was headed by Vladimir Medinsky") is.
     */
    boolean hasSubject(AnalysedSentence a, Entity e) {
        String text = a.sentence().text();
        for (NewsAnalyzer.Token t : a.tokens()) {
            if (!t.term().equals(term)) {
                continue;
            }
            if (t.start() >= e.end() && t.start() - e.end() <= SUBJECT_REACH
                    && passive == isPassive(text, e.end(), t)) {
                return true;
            }
            if (!passive && t.end() <= e.start()
                    && BY_AGENT.matcher(text.substring(t.end(), e.start())).find()) {
                return true;
            }
        }
        return false;
    }
}
