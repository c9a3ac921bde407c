package dev.citeqa.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The measures of the public scorer, computed the same way: answer accuracy (an expected phrase in an
 * answer that is not an abstention), citation accuracy (a gold article among the citations), citation
 * precision, abstention accuracy, article-level hit@1, hit@5 and MRR over the top 10 search results, and
 * context recall (an expected phrase in the passages the answerer read). Beyond the public scorer: how often the
 * answer phrase (the bolded {@code answerSpan}) is an expected phrase.
 */
public final class EvalMetrics {

    private int answerable;
    private int answerCorrect;
    private int citeCorrect;
    private double citePrecisionSum;
    private int abstainCases;
    private int abstainCorrect;
    private int ranked;
    private int hit1;
    private int hit5;
    private double reciprocalRanks;
    private int contextCorrect;
    private int phrasesShown;
    private int phrasesCorrect;
    private int corrected;
    private int offered;
    private final List<Long> latenciesMs = new ArrayList<>();

    /** Lower case with dashes and quotes unified, as the public scorer compares text. */
    public static String normalise(String s) {
        return s.toLowerCase(Locale.ROOT)
                .replaceAll("[\\u2010-\\u2015\\u2212]", "-")
                .replaceAll("[\\u2018\\u2019\\u201b`]", "'")
                .replaceAll("\\s+", " ");
    }

    /**
     * Records whether a question was read with some of its words spelled otherwise, and whether it was offered with a
     * name spelled otherwise.
     */
    public void addSpelling(boolean wasCorrected, boolean wasOffered) {
        corrected += wasCorrected ? 1 : 0;
        offered += wasOffered ? 1 : 0;
    }

    /** Questions read with some of their words spelled otherwise. */
    public int corrected() {
        return corrected;
    }

    /** Questions answered as written, and offered with a name spelled as the articles spell it. */
    public int offered() {
        return offered;
    }

    /** Records one answer; returns whether it counts as correct. */
    public boolean addAnswer(EvalQuestion q, String answer, boolean answered, List<String> citedIds) {
        if (q.expectAbstain()) {
            abstainCases++;
            if (!answered) {
                abstainCorrect++;
                return true;
            }
            return false;
        }
        answerable++;
        String text = normalise(answer);
        boolean ok = answered && q.answerAny().stream().anyMatch(a -> text.contains(normalise(a)));
        Set<String> cites = new LinkedHashSet<>(citedIds);
        long goldCited = cites.stream().filter(q.gold()::contains).count();
        answerCorrect += ok ? 1 : 0;
        citeCorrect += goldCited > 0 ? 1 : 0;
        citePrecisionSum += cites.isEmpty() ? 0 : (double) goldCited / cites.size();
        return ok;
    }

    /** Records where the first gold article ranks among distinct articles; returns the rank or 0. */
    public int addRanking(EvalQuestion q, List<String> rankedIds) {
        ranked++;
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(rankedIds));
        for (int i = 0; i < distinct.size(); i++) {
            if (q.gold().contains(distinct.get(i))) {
                int rank = i + 1;
                hit1 += rank <= 1 ? 1 : 0;
                hit5 += rank <= 5 ? 1 : 0;
                reciprocalRanks += 1.0 / rank;
                return rank;
            }
        }
        return 0;
    }

    /**
     * Records whether an expected phrase is in the passages the answerer read, which bounds what any answerer
     * (the extractive one or a language model) can get right. Answerable questions only.
     */
    public boolean addContext(EvalQuestion q, List<String> passages) {
        if (q.expectAbstain()) {
            return false;
        }
        String text = normalise(String.join(" ", passages));
        boolean found = q.answerAny().stream().anyMatch(a -> text.contains(normalise(a)));
        contextCorrect += found ? 1 : 0;
        return found;
    }

    /**
     * Records the answer phrase of an answerable question (null when none was shown); returns whether it is an
     * expected phrase, or inside one, or holds one: "Hague" answers "The Hague", "Oppenheimer" answers
     * "\"Oppenheimer\"".
     */
    public boolean addPhrase(EvalQuestion q, String phrase) {
        if (q.expectAbstain() || phrase == null) {
            return false;
        }
        phrasesShown++;
        String p = normalise(phrase);
        boolean ok = q.answerAny().stream().map(EvalMetrics::normalise)
                .anyMatch(a -> containsWords(a, p) || containsWords(p, a));
        phrasesCorrect += ok ? 1 : 0;
        return ok;
    }

    /** Whether {@code part} is in {@code text} as whole words: "3" is not in "2030". */
    private static boolean containsWords(String text, String part) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(part) + "(?![\\p{L}\\p{N}])")
                .matcher(text).find();
    }

    public void addLatency(long ms) {
        latenciesMs.add(ms);
    }

    /** Questions to answer (not to abstain on): the denominator of the answer, citation and phrase figures. */
    public int answerable() {
        return answerable;
    }

    /** Questions to abstain on: the denominator of abstention accuracy. */
    public int abstainCases() {
        return abstainCases;
    }

    /** Questions ranked against their gold articles: the denominator of hit@k and MRR. */
    public int ranked() {
        return ranked;
    }

    public double answerAccuracy() {
        return ratio(answerCorrect, answerable);
    }

    public double citationAccuracy() {
        return ratio(citeCorrect, answerable);
    }

    public double citationPrecision() {
        return answerable == 0 ? 0 : citePrecisionSum / answerable;
    }

    public double abstentionAccuracy() {
        return ratio(abstainCorrect, abstainCases);
    }

    public String abstention() {
        return abstainCorrect + "/" + abstainCases;
    }

    /** Answer phrases that are an expected phrase, per answerable question. */
    public double phraseAccuracy() {
        return ratio(phrasesCorrect, answerable);
    }

    /** Answer phrases shown, per answerable question. */
    public double phraseShare() {
        return ratio(phrasesShown, answerable);
    }

    public double contextRecall() {
        return ratio(contextCorrect, answerable);
    }

    public double hitAt1() {
        return ratio(hit1, ranked);
    }

    public double hitAt5() {
        return ratio(hit5, ranked);
    }

    public double mrr() {
        return ranked == 0 ? 0 : reciprocalRanks / ranked;
    }

    /** The median latency, as the public scorer takes it (upper median). */
    public long p50Ms() {
        if (latenciesMs.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(latenciesMs);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }
}
