package dev.citeqa.chat;

import dev.citeqa.analysis.EntityTagger;
import dev.citeqa.analysis.NewsAnalyzer;
import dev.citeqa.analysis.NewsPatterns;
import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.analysis.QuestionAnalysis.AnswerType;
import dev.citeqa.analysis.WordLists;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.rag.query.transformer.QueryTransformer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a follow-up question so that it stands on its own, without a language model. "What did he say
 * about Russia?" after an answer about Mark Rutte becomes "What did Mark Rutte say about Russia?"; an
 * elliptical or vague follow-up ("And in 2021?", "Where was it held?") carries the previous question along.
 *
 * <p>With an LLM configured, LangChain4j's {@code CompressingQueryTransformer} does this job and this class
 * is its fallback.
 */
public final class FollowUpResolver implements QueryTransformer {

    private static final Pattern PERSONAL = Pattern.compile("\\b(he|she|him|her|his|hers)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> POSSESSIVE = Set.of("his", "hers");
    private static final Pattern VAGUE = Pattern.compile(
            "\\b(it|its|they|them|their|there|that|this|these|those|the same)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ELLIPTICAL = Pattern.compile(
            "^\\s*(and|also|what about|how about|but|or)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER = Pattern.compile("\\b\\d[\\d.,]*\\b");
    /**
     * After "And", a question of its own: a question word (not "what about"), then a name past the first word; a
     * month, a weekday or "I" is capitalised without naming a new subject ("And how many died in March?").
     */
    private static final Pattern FRESH_QUESTION = Pattern.compile(
            "^\\W*(?i:who|what|where|when|which|why|how)\\b(?!\\s+(?i:about)\\b).*\\s"
            + "(?!(?:I|" + NewsPatterns.MONTH + "|" + NewsPatterns.WEEKDAY + ")\\b)\\p{Lu}");

    /**
     * "And the Russian Foreign Minister?", "What about Mark Rutte?": the same question of another subject, which is
     * group 1, a noun phrase (a determiner or a capital first, so not "And in 2021?").
     */
    private static final Pattern NEW_SUBJECT = Pattern.compile(
            "^\\W*(?i:and\\s+what\\s+about|and\\s+how\\s+about|what\\s+about|how\\s+about|and)\\s+"
            + "(?!(?i:who|what|where|when|which|why|how)\\b)((?i:the|a|an)\\s+\\S.*?|\\p{Lu}.*?)[\\s?.!]*$");
    /** A question that asks who or what someone or something is: "Who is the NATO Secretary General?". */
    private static final Pattern IDENTITY_QUESTION = Pattern.compile(
            "^\\W*((?i:who|what|which\\s+\\p{L}+)\\s+(?i:is|are|was|were))\\s+(.+?)[\\s?.!]*$");
    /** A determiner that opens a noun phrase, or what qualifies it ("the president of France", "Tesla's CEO"). */
    private static final Pattern DETERMINER = Pattern.compile("^(?i:the|a|an)\\s");
    private static final Pattern QUALIFIER = Pattern.compile("\\s(?i:of|in|at|for|from|on)\\s|['’]s\\b");
    /** A name: capitalised words only ("Mark Rutte", "Hakan Fidan"), not "Antalya's population". */
    private static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}.'’-]*(?:\\s+\\p{Lu}[\\p{L}.'’-]*)*");
    /**
     * A role as news names one before a person ("the Russian Foreign Minister", "the U.S. Secretary of State", "the
     * president of France"): a title of {@code analysis/titles.txt} as the head noun (before any "of"), and a
     * capitalised word that says whose.
     */
    private static final Pattern ROLE_HEAD = Pattern.compile("(\\p{L}+)$");
    private static final Pattern CAPITALISED = Pattern.compile("(?<![\\p{L}])\\p{Lu}");
    private static final Set<String> TITLES = WordLists.load("titles");
    /** A turn that only thanks, greets or acknowledges: no question, so nothing is carried into it. */
    private static final Set<String> SOCIAL = Set.of("ok", "okay", "great", "cool", "nice", "perfect", "awesome",
            "good", "thanks", "thank", "thx", "ty", "hi", "hello", "hey", "bye", "goodbye", "cheers", "alright",
            "fine");
    /** Words that may go with those: "thank you very much", "got it, thanks". */
    private static final Set<String> SOCIAL_FILLERS = Set.of("you", "very", "much", "so", "a", "lot", "got", "it",
            "again", "that", "s", "all", "for", "now", "there");
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private static final NewsAnalyzer QUESTION_TERMS = NewsAnalyzer.forQuestions();
    private static final Pattern ITS = Pattern.compile("\\bits\\b", Pattern.CASE_INSENSITIVE);
    /**
     * What a question may ask for that "its" in the next one then stands for, rather than a name it gives; not a
     * person ("Who is the chief executive of Nordvik Shipping?" then "By how much did its shares fall?").
     */
    private static final Set<AnswerType> ASKS_FOR_OWNER = Set.of(AnswerType.ORGANIZATION, AnswerType.PLACE,
            AnswerType.NAME);

    /**
     * The longest question a follow-up becomes, the longest a client may ask by default
     * ({@code citeqa.question.max-chars}): each vague follow-up carries the question before it, itself perhaps
     * carrying one, so that a conversation of "And then?" would grow without end. The oldest context goes first.
     */
    static final int MAX_CHARS = 2_000;

    private final ConversationStore conversations;

    public FollowUpResolver(ConversationStore conversations) {
        this.conversations = conversations;
    }

    @Override
    public Collection<Query> transform(Query query) {
        Optional<Conversation> conversation = conversations.find(query.metadata() == null ? null
                : query.metadata().chatMemoryId());
        if (conversation.isEmpty() || conversation.get().lastStandaloneQuestion() == null) {
            return List.of(query);
        }
        String resolved = resolve(query.text(), conversation.get().lastStandaloneQuestion(),
                conversation.get().lastEntity());
        return List.of(Query.from(resolved, query.metadata()));
    }

    /**
     * @param previous the previous question, already standalone
     * @param entity what the previous answer was about, or null
     */
    public static String resolve(String question, String previous, String entity) {
        String q = question.strip();
        if (isSocial(q)) {
            return q;
        }
        String asked = withNewSubject(q, previous);
        if (asked != null) {
            return asked;
        }
        String subject = entity != null ? entity : subjectOf(previous);
        Matcher personal = PERSONAL.matcher(q);
        boolean hasPersonal = personal.find();
        if (subject != null && hasPersonal) {
            return personal.replaceAll(m -> Matcher.quoteReplacement(
                    POSSESSIVE.contains(m.group(1).toLowerCase(Locale.ROOT)) ? subject + "'s" : subject));
        }
        Matcher its = ITS.matcher(q);
        if (!hasPersonal && its.find() && names(q).isEmpty()
                && !ASKS_FOR_OWNER.contains(QuestionAnalysis.of(q).type())) {
            // Not "What did Apple say about its earnings?", nor "Which company raised its prices?": "its" is theirs.
            String owner = ownerOf(previous);
            if (owner != null) {
                // The rest is judged as before: "And what was its net profit in that quarter?" still carries the
                // quarter.
                q = its.replaceAll(Matcher.quoteReplacement(owner + "'s"));
            }
        }
        // A "he" with no person to stand for is as vague as an "it".
        if (hasPersonal || VAGUE.matcher(q).find() || elliptical(q) || QUESTION_TERMS.terms(q).size() <= 1) {
            String context = NUMBER.matcher(q).find() ? NUMBER.matcher(previous).replaceAll("") : previous;
            String carried = bounded(context.strip().replaceAll("\\s+", " "), MAX_CHARS - q.length() - 1);
            return carried.isEmpty() ? q : q + " " + carried;
        }
        return q;
    }

    /** Whether the turn only thanks, greets or acknowledges ("Thanks!", "hi", "OK, got it"). */
    private static boolean isSocial(String question) {
        List<String> words = WORD.matcher(question.toLowerCase(Locale.ROOT)).results().map(MatchResult::group)
                .toList();
        return words.stream().anyMatch(SOCIAL::contains)
                && words.stream().allMatch(w -> SOCIAL.contains(w) || SOCIAL_FILLERS.contains(w));
    }

    /**
     * The previous question asked of the follow-up's new subject ("Who is the NATO Secretary General?", then "And
     * the Russian Foreign Minister?": "Who is the Russian Foreign Minister?"), or null when the follow-up names none
     * or the previous question asks no identity. Only a subject of the same kind as the one it replaces (a role
     * for a role, a person's or a thing's name for a name), and never where that one was qualified ("the president
     * of France") and the new one is not: "And the prime minister?" then still asks of France, and carries the
     * question along instead.
     */
    private static String withNewSubject(String question, String previous) {
        Matcher follow = NEW_SUBJECT.matcher(question);
        Matcher identity = IDENTITY_QUESTION.matcher(previous);
        if (!follow.matches() || !identity.matches()) {
            return null;
        }
        String subject = follow.group(1).strip();
        if (PERSONAL.matcher(subject).find() || VAGUE.matcher(subject).find()) {
            // "And the one before him?" points back: the rules below read it with the previous question.
            return null;
        }
        String replaced = identity.group(2);
        boolean sameKind = isRole(subject) && isRole(replaced)
                || NAME.matcher(subject).matches() && NAME.matcher(replaced).matches();
        boolean keepsQualifier = !QUALIFIER.matcher(replaced).find() || QUALIFIER.matcher(subject).find();
        return sameKind && keepsQualifier ? identity.group(1) + " " + subject + "?" : null;
    }

    /** Whether a phrase names a role ({@link #ROLE_HEAD}) after "the" or "a": not "the EU", "the deputy". */
    private static boolean isRole(String phrase) {
        Matcher determiner = DETERMINER.matcher(phrase);
        if (!determiner.find()) {
            return false;
        }
        String rest = phrase.substring(determiner.end());
        int of = rest.indexOf(" of ");
        Matcher head = ROLE_HEAD.matcher(of < 0 ? rest : rest.substring(0, of));
        return CAPITALISED.matcher(rest).find() && head.find()
                && TITLES.contains(head.group(1).toLowerCase(Locale.ROOT));
    }

    /**
     * The text cut to {@code max} characters at the last space before them, when it is longer: what a question
     * carries, never its own words.
     */
    private static String bounded(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int space = max <= 0 ? -1 : text.lastIndexOf(' ', max);
        return space > 0 ? text.substring(0, space) : "";
    }

    /**
     * "And in 2021?" or "And how many died?" go on from the previous question; "And who founded SpaceX?" names
     * what it asks about, and asks afresh.
     */
    private static boolean elliptical(String question) {
        Matcher opener = ELLIPTICAL.matcher(question);
        return opener.find() && !FRESH_QUESTION.matcher(question.substring(opener.end())).find();
    }

    /**
     * What "its" of a follow-up stands for: the one name the previous question gives, when it asks something of that
     * name ("What was Nordvik Shipping's net loss?" then "By how much did its shares fall?"); null when it gives
     * none or several, or asks for a company or a place, which "its" may then be.
     */
    private static String ownerOf(String previous) {
        List<EntityTagger.Entity> names = names(previous);
        if (names.size() != 1 || ASKS_FOR_OWNER.contains(QuestionAnalysis.of(previous).type())) {
            return null;
        }
        return EntityTagger.withoutPossessive(names.getFirst().text());
    }

    /** The people, places, organisations and other names a question gives. */
    private static List<EntityTagger.Entity> names(String question) {
        return EntityTagger.tag(question).stream()
                .filter(e -> e.kind() == EntityTagger.Kind.PERSON || e.kind() == EntityTagger.Kind.PLACE
                        || e.kind() == EntityTagger.Kind.ORGANIZATION || e.kind() == EntityTagger.Kind.NAME)
                .toList();
    }

    /**
     * The first person named in a question: "Who is Hakan Fidan?" is about Hakan Fidan. Only a person can
     * be "he" or "she"; "the Halvorsen Prize" cannot.
     */
    private static String subjectOf(String question) {
        return EntityTagger.tag(question).stream()
                .filter(e -> e.kind() == EntityTagger.Kind.PERSON && namesSomeone(e.text()))
                .map(e -> EntityTagger.personName(e.text()))
                .findFirst()
                .orElse(null);
    }

    /**
     * Whether a person's run holds a name, not a title alone: the tagger reads "the NATO Secretary General" as a
     * person, whose name would be "General", and "the Attorney General of Texas" as one named "Texas".
     */
    private static boolean namesSomeone(String run) {
        String name = EntityTagger.personName(run);
        return !EntityTagger.titleOf(run).endsWith(" of ") && !TITLES.contains(name.toLowerCase(Locale.ROOT));
    }

}
