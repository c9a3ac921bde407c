package dev.citeqa.chat;

import dev.citeqa.answer.Answer;
import dev.citeqa.collection.Article;
import dev.citeqa.collection.Paragraph;
import dev.citeqa.index.CorpusIndex;
import java.io.Closeable;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Questions to offer on an empty chat, built from sentences of the corpus: "NATO Secretary General Mark Rutte
 * said …" gives "Who is the NATO Secretary General?". Asking who holds a role always asks for a person, which
 * "Who is X?" for any capitalised X did not ("Who is White House?"). A role that the articles give to different
 * people ("U.S. President" over the years) is left out, and each question is put to the built-in answerer: only
 * those it answers with the expected name, in the quote and in the phrase the page bolds, are offered.
 *
 * <p>That reads a sample of the corpus and answers a dozen questions, seconds on a large corpus, so it runs in
 * the background, once per index generation. Meanwhile the previous generation's questions are offered, marked
 * pending.
 */
public final class StarterQuestions implements Closeable {

    private static final Logger LOG = Logger.getLogger(StarterQuestions.class);

    /** Articles read; a larger corpus is sampled evenly, as a role worth asking about recurs. */
    static final int SAMPLE = 2000;
    /** Questions put to the answerer at most, a bound on the time spent. */
    static final int TRIED = 12;
    /** The share of a role's mentions that must name the same person. */
    static final double DOMINANT = 0.6;

    private static final String ROLE = "Prime Minister|Foreign Minister|Defen[cs]e Minister|Finance Minister"
            + "|Interior Minister|Foreign Secretary|Home Secretary|Secretary of State|Secretary[- ]General"
            + "|Attorney General|Treasury Secretary|Defen[cs]e Secretary|Vice President|President|Chancellor"
            + "|Speaker|Majority Leader|Minority Leader|Governor|Mayor|Pope|CEO|Chief Executive|Supreme Leader";
    private static final String NAME_WORD = "\\p{Lu}[\\p{L}'’\\-]*\\p{L}";
    /** A role, then a name of two or three capitalised words, on one line ("President Joe Biden"). */
    private static final Pattern ROLE_AND_NAME = Pattern.compile(
            "\\b(" + ROLE + ")\\h+(" + NAME_WORD + "(?:\\h+" + NAME_WORD + "){1,2})(?![\\p{L}\\-])");
    private static final Pattern QUALIFIER_WORD = Pattern.compile("\\p{Lu}[\\p{L}\\p{N}.'’\\-]*");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");
    /** "U.S.", "D.C.": a word that ends with a full stop and still goes on qualifying. */
    private static final Pattern INITIALISM = Pattern.compile("(?:\\p{Lu}\\.)+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Words that may open a capitalised run before a role without qualifying it ("On Monday, …"). */
    private static final Set<String> NOT_QUALIFIERS = Set.of("the", "a", "an", "and", "but", "or", "when", "as",
            "after", "before", "if", "while", "with", "by", "for", "of", "in", "on", "at", "to", "from", "then",
            "also", "since", "because", "although", "though", "meanwhile", "however", "said", "says", "his", "her",
            "their", "its", "our", "this", "that", "last", "next", "earlier", "later", "today", "yesterday",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "mr", "mrs", "ms", "dr", "sir");
    /** Words that make the role someone else's than the holder's ("Former German Chancellor", "Deputy"). */
    private static final Set<String> NOT_THE_HOLDER = Set.of("former", "late", "ex", "then", "acting", "interim",
            "outgoing", "incoming", "deputy", "future", "would-be", "first");
    /** Honorifics, which make the words after them no full name ("President Mr. Trump"). */
    private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "dr", "sir", "madam");

    /** A question and the person whose name its answer must give. */
    record Candidate(String question, String role, String person, int articles) {}

    /** The offered questions, and whether they are still being worked out for the current index. */
    public record Suggestions(List<String> questions, boolean pending) {}

    private record Computed(long generation, List<String> questions) {}

    private final Function<String, Answer> answerer;
    private final int wanted;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "citeqa-starter-questions");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong scheduled = new AtomicLong(Long.MIN_VALUE);
    private volatile Computed computed;

    /** @param answerer the built-in answerer, which vets each question without a model */
    public StarterQuestions(Function<String, Answer> answerer, int wanted) {
        this.answerer = answerer;
        this.wanted = wanted;
    }

    /** The questions for {@code index}, or while they are being worked out, the last ones and pending. */
    public Suggestions get(CorpusIndex index) {
        Computed done = computed;
        if (done != null && done.generation() == index.generation()) {
            return new Suggestions(done.questions(), false);
        }
        prepare(index);
        return new Suggestions(done == null ? List.of() : done.questions(), true);
    }

    /** Starts working out the questions for {@code index} in the background, unless that has begun. */
    public void prepare(CorpusIndex index) {
        long generation = index.generation();
        if (scheduled.getAndSet(generation) == generation) {
            return;
        }
        worker.execute(() -> {
            if (scheduled.get() != generation) {
                return; // a newer index came meanwhile
            }
            long started = System.nanoTime();
            List<String> questions;
            try {
                questions = compute(index);
            } catch (org.apache.lucene.store.AlreadyClosedException replaced) {
                // Closed under the scan: replaced by a newer index, which has its own, or the service is stopping.
                LOG.debugf("Index generation %d closed before its starter questions were ready", generation);
                return;
            } catch (RuntimeException e) {
                // Whatever else, the chat works without them.
                LOG.warnf("No starter questions for index generation %d: %s", generation, e.toString());
                questions = List.of();
            }
            computed = new Computed(generation, questions);
            LOG.infof("Starter questions for index generation %d in %d ms: %s", generation,
                    (System.nanoTime() - started) / 1_000_000, questions);
        });
    }

    private List<String> compute(CorpusIndex index) {
        List<Article> sample = new ArrayList<>();
        index.sampleArticles(SAMPLE, sample::add);
        List<String> offered = new ArrayList<>();
        Set<String> roles = new HashSet<>();
        int tried = 0;
        for (Candidate candidate : candidates(sample)) {
            if (offered.size() >= wanted || tried >= TRIED) {
                break;
            }
            // One question per kind of role: four "Who is the … President?" would say little about the corpus.
            if (roles.contains(candidate.role().toLowerCase(Locale.ROOT))) {
                continue;
            }
            tried++;
            Answer answer = answerer.apply(candidate.question());
            String surname = fold(candidate.person().substring(candidate.person().lastIndexOf(' ') + 1));
            // The quote must name the person, and so must the phrase the page bolds in it, when there is one.
            if (answer.answered() && fold(answer.text()).contains(surname)
                    && (answer.answerSpan() == null || fold(answer.answerSpan().text()).contains(surname))) {
                offered.add(candidate.question());
                roles.add(candidate.role().toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(offered);
    }

    /**
     * "Who holds this role?" questions, best first: roles most articles name, each with the person that at least
     * {@link #DOMINANT} of them give.
     */
    static List<Candidate> candidates(List<Article> articles) {
        // question → surname → the articles naming that person in that role; names as spelled, and how often
        Map<String, Map<String, Set<String>>> mentions = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> spellings = new HashMap<>();
        Map<String, String> roles = new HashMap<>();
        for (Article article : articles) {
            for (Paragraph paragraph : article.paragraphs()) {
                Matcher m = ROLE_AND_NAME.matcher(paragraph.text());
                while (m.find()) {
                    String person = person(m.group(2));
                    String question = question(paragraph.text(), m.start(), m.group(1));
                    if (question == null || person == null) {
                        continue;
                    }
                    // "Sergey Lavrov" and "Sergei Lavrov" are one person.
                    String surname = fold(person.substring(person.lastIndexOf(' ') + 1));
                    roles.put(question, m.group(1).replace('-', ' '));
                    mentions.computeIfAbsent(question, q -> new LinkedHashMap<>())
                            .computeIfAbsent(surname, p -> new HashSet<>()).add(article.id());
                    spellings.computeIfAbsent(question + "\n" + surname, k -> new HashMap<>())
                            .merge(person, 1, Integer::sum);
                }
            }
        }
        List<Candidate> ranked = new ArrayList<>();
        mentions.forEach((question, people) -> {
            int total = people.values().stream().mapToInt(Set::size).sum();
            var top = people.entrySet().stream()
                    .max(Comparator.comparingInt((Map.Entry<String, Set<String>> e) -> e.getValue().size()))
                    .orElseThrow();
            if (top.getValue().size() >= DOMINANT * total) {
                String person = spellings.get(question + "\n" + top.getKey()).entrySet().stream()
                        .max(Map.Entry.<String, Integer>comparingByValue()
                                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                        .orElseThrow().getKey();
                ranked.add(new Candidate(question, roles.get(question), person, top.getValue().size()));
            }
        });
        ranked.sort(Comparator.comparingInt(Candidate::articles).reversed().thenComparing(Candidate::question));
        return ranked;
    }

    /**
     * The question for a role found at {@code roleStart}, qualified by the capitalised words before it on the
     * same line ("Russian", "U.S.", "NATO", "New York"): "Who is the Russian President?", or "Who is Ukraine's
     * Foreign Minister?". Null when nothing qualifies the role, which alone would be ambiguous.
     */
    static String question(String text, int roleStart, String role) {
        int lineStart = Math.max(text.lastIndexOf('\n', roleStart - 1) + 1, 0);
        String[] before = text.substring(lineStart, roleStart).strip().split("\\h+");
        List<String> words = new ArrayList<>();
        for (int i = before.length - 1; i >= 0 && words.size() < 3; i--) {
            String word = before[i];
            if (NOT_THE_HOLDER.contains(plain(word)) || word.endsWith("-")) {
                return null; // "former", "then-", "ex-", also in lower case
            }
            if (!QUALIFIER_WORD.matcher(word).matches() || POSSESSIVE.matcher(word).find() && !words.isEmpty()
                    || word.endsWith(".") && !INITIALISM.matcher(word).matches()) {
                break; // the end of a sentence, or the owner of something else
            }
            words.addFirst(word);
        }
        // Trim what opens the run without qualifying the role; "New" only where it is the whole qualifier.
        while (!words.isEmpty() && (NOT_QUALIFIERS.contains(plain(words.getFirst()))
                || words.size() == 1 && plain(words.getFirst()).equals("new"))) {
            words.removeFirst();
        }
        if (words.isEmpty() || words.stream().anyMatch(w -> NOT_QUALIFIERS.contains(plain(w)))) {
            return null;
        }
        String qualifier = String.join(" ", words);
        String roleName = role.replace('-', ' ');
        return POSSESSIVE.matcher(words.getLast()).find() ? "Who is " + qualifier + " " + roleName + "?"
                : "Who is the " + qualifier + " " + roleName + "?";
    }

    /** The name after a role, without a possessive or a day that follows it; null when it is no full name. */
    static String person(String words) {
        List<String> name = new ArrayList<>(List.of(POSSESSIVE.matcher(words).replaceAll("").split("\\h+")));
        while (!name.isEmpty() && NOT_QUALIFIERS.contains(plain(name.getLast()))) {
            name.removeLast();
        }
        return name.size() < 2 || HONORIFICS.contains(plain(name.getFirst())) ? null : String.join(" ", name);
    }

    private static String plain(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[.,;:]+$", "");
    }

    /** Lower case without accents, so that "Erdoğan" in an answer is found as "Erdogan". */
    static String fold(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
