package dev.citeqa.answer.extractive;

import dev.citeqa.analysis.Anchors;
import dev.citeqa.analysis.CountryNames;
import dev.citeqa.analysis.EntityTagger;
import dev.citeqa.analysis.EntityTagger.Entity;
import dev.citeqa.analysis.EntityTagger.Kind;
import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.analysis.QuestionAnalysis.AnswerType;
import dev.citeqa.analysis.QuestionAnalysis.QuestionTerm;
import dev.citeqa.analysis.Terms;
import dev.citeqa.analysis.WordLists;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A question that asks who holds a title, in the title's words alone ("Who is Russia's foreign minister?", "Who was
 * the NATO secretary general?"), and what a person's phrase says of it: news gives the holder with the title before
 * the name, and another office's holder with more to the title. One instance per question, of {@link AnswerPhrases}.
 */
final class TitleQuestion {

    /**
     * "Who is …", "Who was …", "Who's …": a question that asks who someone is, or who holds a title. Not "Who was
     * appointed superintendent …?", "Who was sworn in …?", which ask who was made so, whatever they were before.
     */
    private static final Pattern ASKS_WHO_IS = Pattern.compile("(?i)\\W*who(?:'s|’s|\\s+(?:is|was))\\s"
            + "(?-i)(?!\\p{Ll}+ed\\b|(?:chosen|sworn|made|given|taken|beaten|shot|seen|found|sent|told|known)\\b)");
    /** The terms of {@code analysis/holder-tense-words.txt}: "current", "new", which a title does not repeat. */
    private static final Set<String> HOLDER_TENSE = WordLists.load("holder-tense-words").stream()
            .flatMap(w -> Terms.ofText(w).stream()).collect(Collectors.toUnmodifiableSet());
    /**
     * Ranks that name one office in other words ({@code analysis/office-ranks.txt}): "Foreign Secretary David Lammy"
     * holds the office "Who is Britain's foreign minister?" asks about.
     */
    private static final List<Set<String>> SAME_RANKS = WordLists.load("office-ranks").stream()
            .map(line -> Set.copyOf(Terms.ofText(line))).toList();
    /**
     * "Chief Executive Officer" is the office "chief executive" names, as companies and news write both: the last word
     * adds nothing to the office, in a title or a question.
     */
    private static final Pattern EXECUTIVE_OFFICER = Pattern.compile("(?i)\\b(executive)\\s+officer\\b");
    private static final String OFFICER = Terms.ofText("officer").iterator().next();
    private static final String EXECUTIVE = Terms.ofText("executive").iterator().next();

    /** The terms of {@code analysis/titles.txt}: the office words a story names its holder by. */
    private static final Set<String> TITLE_TERMS = WordLists.load("titles").stream()
            .flatMap(w -> Terms.ofText(w).stream()).collect(Collectors.toUnmodifiableSet());
    /** Words news calls whoever leads by, whatever the office: "UN chief", "Hamas leader", "Arsenal boss". */
    private static final Set<String> ANY_HEAD = Terms.ofText("chief head boss leader");
    /** "CEO" is the chief executive. */
    private static final String CEO = Terms.ofText("CEO").iterator().next();
    private static final Set<String> CHIEF_EXECUTIVE = Terms.ofText("chief executive");

    /** Words that point back to a country a story has named: "the country's Defence Minister". */
    private static final Set<String> POINTING_WORDS = Set.of("country", "nation", "its");

    private final Set<String> questionTerms;
    /**
     * The names the question gives besides a country's, such as the organisation whose office it asks about
     * ("Halvorsen Energy" of "Who is the chief financial officer of Halvorsen Energy?"): a story about it names the
     * holder by the office alone ("Chief Financial Officer Tomas Berg").
     */
    private final Set<String> holderNames;
    /**
     * The office's own words: the question's, less its other names, its countries and words such as "current"
     * ("mayor" of "Who is the mayor of Eastport?").
     */
    private final Set<String> officeWords;
    private final QuestionCountries countries;
    /** A phrase's analysed terms, as {@link AnswerPhrases} keeps them for the question. */
    private final Function<String, Set<String>> termsOf;
    private final boolean asked;

    TitleQuestion(QuestionAnalysis question, Set<String> questionTerms, QuestionCountries countries,
            Function<String, Set<String>> termsOf) {
        this.questionTerms = questionTerms.contains(EXECUTIVE) && questionTerms.contains(OFFICER)
                ? questionTerms.stream().filter(t -> !t.equals(OFFICER)).collect(Collectors.toUnmodifiableSet())
                : questionTerms;
        this.holderNames = question.terms().stream()
                .filter(t -> t.required() && !Anchors.isFigure(t.surface())
                        && CountryNames.formsWithAdjectives(t.term()).isEmpty()
                        // A title's word capitalised ("Who is the Vice President?") is the office, not a name.
                        && !EntityTagger.isTitle(EntityTagger.withoutPossessive(t.surface())))
                .map(QuestionTerm::term).collect(Collectors.toUnmodifiableSet());
        this.countries = countries;
        this.officeWords = this.questionTerms.stream().filter(t -> !holderNames.contains(t) && !HOLDER_TENSE.contains(t)
                && CountryNames.formsWithAdjectives(t).isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.termsOf = termsOf;
        this.asked = question.type() == AnswerType.PERSON && questionTerms.size() >= 2
                && ASKS_WHO_IS.matcher(question.text()).lookingAt();
    }

    /** Whether the question asks who holds a title: "Who is/was …?" of a person, in two terms or more. */
    boolean asked() {
        return asked;
    }

    /**
     * Whether a phrase is a person whose title, the words before the name, is the question's: every word of the
     * question and no other, a country in any of its forms, a word such as "current" aside. "Russian Foreign Minister
     * Sergey Lavrov" is the holder asked for by "Who is Russia's foreign minister?", while "Deputy Foreign Minister
     * Mikhail Galuzin" holds another office and "President Recep Tayyip Erdoğan" another country's, in a sentence that
     * names Russia too. The question's other names ({@link #holderNames}) may be left out of the title when the
     * phrase's story names them: "Chief Financial Officer Tomas Berg", in a story about Halvorsen Energy.
     *
     * @param given the title given before the name ({@link AnswerPhrases#titleBefore})
     * @param storyNamesThem whether the phrase's story names every name of the question
     */
    boolean restatedBy(Entity e, String given, boolean storyNamesThem) {
        if (!asked || e.kind() != Kind.PERSON) {
            return false;
        }
        String titleText = sameOffice(given);
        if (titleText.isEmpty()) {
            return false;
        }
        Set<String> title = termsOf.apply(titleText);
        long said = questionTerms.stream().filter(title::contains).count()
                + countries.sharedInOtherForm(title, titleText);
        long tense = questionTerms.stream().filter(t -> HOLDER_TENSE.contains(t) && !title.contains(t)).count();
        long named = storyNamesThem ? holderNames.stream().filter(t -> !title.contains(t)).count() : 0;
        return said + tense + named == questionTerms.size() && title.size() == said;
    }

    /**
     * Whether a phrase is a person given the question's title with more to it that makes it another office: "Deputy
     * Defense Minister Alexander Fomin" for "Who is the Russian defense minister?", "Mark Rutte, the Prime Minister of
     * the Netherlands" for "Who is the Prime Minister of Ukraine?". The title is the words before the name and an
     * apposition after it; the question's country in any form, "current" and the like, and a word that points back to
     * a country ("the country's Defence Minister") are no more to it. So is a title of the same rank with another
     * word in place of one of the question's: "Turkish Foreign Minister Hakan Fidan" for "Who is the Turkish defense
     * minister?", the rank being the noun a title before the name ends in ({@link #rankOf}), and a title before the
     * name that shares a word of the office with another word beside it ("Chief Executive" for "chief financial
     * officer"), and an apposition of the office's rank with another word ("head of its wind division" for "head of
     * media relations"). Such a story names someone else.
     *
     * @param given the title given before the name ({@link AnswerPhrases#titleBefore})
     * @param apposed the words of an apposition right after the phrase in its sentence, or null
     */
    boolean anotherHeldBy(Entity e, String given, String apposed) {
        if (!asked || e.kind() != Kind.PERSON) {
            return false;
        }
        String before = sameOffice(given);
        String apposition = apposed == null ? null : sameOffice(apposed);
        String title = before + (apposition == null ? "" : " " + apposition);
        // The words the question names the office by: its own, but for its countries and "current" and the like.
        Set<String> office = new HashSet<>(questionTerms);
        office.removeIf(t -> HOLDER_TENSE.contains(t) || !CountryNames.formsWithAdjectives(t).isEmpty());
        Set<String> rank = termsOf.apply(rankOf(before));
        if (office.isEmpty()) {
            return false;
        }
        // Of the same rank, only the title before the name is judged: an apposition may describe the office in other
        // words ("Secretary Antony Blinken, America's top diplomat"). So is a title before the name that shares a word
        // of the office but for the question's other names ("Chief Executive Astrid Holm" for "Who is Nordvik
        // Shipping's chief financial officer?"), and an apposition of the office's rank ("Jonas Ekeli, head of its
        // wind division" for "Who is Halvorsen's head of media relations?").
        Set<String> beforeTerms = termsOf.apply(before);
        String appositionRank = apposition == null ? "" : rankOf(apposition);
        String judged = termsOf.apply(title).containsAll(office) ? title
                : !rank.isEmpty() && office.containsAll(rank) ? before
                : !sameRank(rank, office)
                        && office.stream().anyMatch(t -> !holderNames.contains(t) && beforeTerms.contains(t)) ? before
                : opensWith(apposition, appositionRank) && office.containsAll(termsOf.apply(appositionRank))
                        ? apposition : null;
        if (judged == null) {
            return false;
        }
        for (String word : AnalysedSentence.plainWords(judged)) {
            Set<String> terms = termsOf.apply(word);
            if (!terms.isEmpty() && !POINTING_WORDS.contains(word) && !questionTerms.containsAll(terms)
                    && countries.sharedInOtherForm(terms, word) == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a sentence's terms name the office asked about: one of its words in any form ("founded" for "founder"),
     * a rank of the same office ({@link #SAME_RANKS}), a word for any head ("UN chief" for the secretary-general), or
     * "CEO" for the chief executive. A sentence that names none cannot say who holds it: "Friends of Sallowfield
     * Station, led by Marion Clegg" for "Who is the mayor of Sallowfield?". True when the question asks about no title
     * ({@code analysis/titles.txt}): "Who was the winner of the prize?" is answered by "Jane Smith won the prize".
     */
    boolean officeNamedIn(Set<String> terms) {
        if (!asked || officeWords.stream().noneMatch(TITLE_TERMS::contains)
                || terms.stream().anyMatch(ANY_HEAD::contains) || namesChiefExecutive(terms)) {
            return true;
        }
        for (String word : officeWords) {
            if (terms.stream().anyMatch(t -> Terms.related(word, t)) || SAME_RANKS.stream().anyMatch(same ->
                    same.contains(word) && terms.stream().anyMatch(same::contains))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the office is the chief executive, and the terms name it in either form ("CEO", "chief executive"). */
    private boolean namesChiefExecutive(Set<String> terms) {
        boolean asked = officeWords.contains(CEO) || officeWords.containsAll(CHIEF_EXECUTIVE);
        return asked && (terms.contains(CEO) || terms.containsAll(CHIEF_EXECUTIVE));
    }

    /** The title as the office's words alone: "Chief Executive" of "Chief Executive Officer". */
    private static String sameOffice(String title) {
        return EXECUTIVE_OFFICER.matcher(title).replaceAll("$1");
    }

    /** Whether a title's rank names one of the office's words in other words ({@link #SAME_RANKS}). */
    private static boolean sameRank(Set<String> rank, Set<String> office) {
        return SAME_RANKS.stream().anyMatch(same -> same.containsAll(rank) && office.stream().anyMatch(same::contains));
    }

    /**
     * Whether an apposition opens with its rank, after an article: "head of its offshore wind division", not "a former
     * intelligence chief and now minister", which may describe the office asked about among others.
     */
    private static boolean opensWith(String apposition, String rank) {
        if (apposition == null || rank.isEmpty()) {
            return false;
        }
        List<String> words = AnalysedSentence.plainWords(apposition);
        int first = !words.isEmpty() && Set.of("the", "a", "an").contains(words.getFirst()) ? 1 : 0;
        return words.size() > first && words.get(first).equals(rank);
    }

    /**
     * The noun a title before a name ends in, which says its rank: "Minister" of "Turkish Foreign Minister",
     * "Secretary" of "U.S. Secretary of State"; empty when there is no title.
     */
    static String rankOf(String title) {
        List<String> words = AnalysedSentence.plainWords(title);
        int of = words.indexOf("of");
        int head = (of > 0 ? of : words.size()) - 1;
        return head < 0 ? "" : words.get(head);
    }
}
