package dev.citeqa.answer.extractive;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.citeqa.analysis.EntityTagger;
import dev.citeqa.analysis.EntityTagger.Entity;
import dev.citeqa.analysis.EntityTagger.Kind;
import dev.citeqa.analysis.NewsAnalyzer;
import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.analysis.Terms;
import dev.citeqa.collection.Article;
import dev.citeqa.collection.Paragraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The whole name an article gives a person it later calls by surname alone. News copy introduces "LeBron James"
 * once and writes "James" after that, so the sentence that answers "Which player …?" often names him by
 * surname only; the article settles who that is, unless it names two people so ("Jason Kelce", "Travis Kelce").
 * And the other way round, a person the question names in full ({@link #inQuestion}), whom the story's later
 * sentences call by surname.
 */
final class FullNames {

    /** What may follow a surname: "Jr.", "III". */
    static final Pattern NAME_SUFFIX = Pattern.compile("(?i)(?:jr|sr)\\.?|i{2,3}|iv");
    /** A word of a name as a question writes it: "DeLand", "Jr.", "O'Brien". */
    private static final Pattern NAME_WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}'’-]+");
    /** A person's name alone: no "and", "&" or comma joining two. */
    private static final Pattern ONE_NAME = Pattern.compile("(?!.*(?:\\band\\b|&|,)).*");

    /**
     * Worked out on first use per article and surname: only the surnames an answer may be, in the articles
     * retrieved. Articles by identity, as {@link WindowFeatures} keeps their leads.
     */
    private static final Cache<Article, Map<String, Optional<Person>>> BY_ARTICLE =
            Caffeine.newBuilder().weakKeys().maximumSize(2_000).build();

    /**
     * Each paragraph's entities, tagged once: an article is asked about every surname in the windows read from it,
     * and tagging its paragraphs again for each was most of what a "Who …?" question cost on real news. By text,
     * as the answerer keeps its sentences; bounded by the characters kept (a few MB), as a transcript's or a scraped
     * page's paragraph may be a whole article.
     */
    private static final Cache<String, List<Entity>> TAGGED = Caffeine.newBuilder().maximumWeight(2_000_000)
            .<String, List<Entity>>weigher((text, entities) -> text.length()).build();

    private FullNames() {}

    /**
     * @param name the whole name
     * @param titles the terms of the titles the article writes before it ("President" in "Former President Barack
     *     Obama"), so that a window that calls him "Obama" still says what he is
     */
    record Person(String name, Set<String> titles) {}

    /**
     * The one whole name the article gives a person called {@code surname} ("LeBron James" for "James"), or null
     * when it gives none, or names two people so, or uses the word otherwise as well.
     */
    static String of(Article article, String surname) {
        Person person = person(article, surname);
        return person == null ? null : person.name();
    }

    /** The terms of the titles the article gives the person {@link #of} names; empty when it names none. */
    static Set<String> titles(Article article, String surname) {
        Person person = person(article, surname);
        return person == null ? Set.of() : person.titles();
    }

    /**
     * A person the question names in full ("Kenny DeLand Jr."): the surname's term, and the name as a story would
     * write it: its words in order, with or without the suffix ("Kenny DeLand, 20,"), in any case, accents and all.
     */
    record Asked(String surname, Pattern written) {

        /** Whether the story writes the whole name somewhere. */
        boolean writtenIn(Article article) {
            return written.matcher(article.text()).find();
        }
    }

    /**
     * Each given name (or suffix) term of a person the question names in full, and that person: "kenni" and "jr" of
     * "Kenny DeLand Jr.", for {@link WindowFeatures}, which counts them where the story gives the surname.
     */
    static Map<String, Asked> inQuestion(QuestionAnalysis question) {
        Map<String, Asked> asked = new HashMap<>();
        // A name of two words lies in a capitalised run of two words or more; without one, the tagger (most of what
        // this costs a question) need not run.
        if (EntityTagger.capitalisedRuns(question.text()).stream()
                .noneMatch(run -> NAME_WORD.matcher(run).results().count() >= 2)) {
            return asked;
        }
        for (Entity e : EntityTagger.tag(question.text())) {
            String person = EntityTagger.withoutPossessive(EntityTagger.personName(e.text()));
            List<String> words = NAME_WORD.matcher(person).results().map(MatchResult::group).toList();
            // "Rutte and Fidan" is two people, whom the tagger may read as one.
            if (e.kind() != Kind.PERSON || words.size() < 2 || !ONE_NAME.matcher(person).matches()) {
                continue;
            }
            List<String> name = Terms.ofQuestion(person).stream().map(NewsAnalyzer.Token::term).toList();
            // A suffix is no surname: "Jr" of "Kenny DeLand Jr." goes with "deland".
            int last = name.size() - 1;
            while (last > 0 && NAME_SUFFIX.matcher(name.get(last)).matches()) {
                last--;
            }
            List<String> written = words.stream().filter(w -> !NAME_SUFFIX.matcher(w).matches()).toList();
            Asked full = new Asked(last > 0 ? name.get(last) : null, Pattern.compile("(?<![\\p{L}\\p{N}])"
                    + String.join("\\W{1,3}", written.stream().map(Pattern::quote).toList()) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            for (int i = 0; i < name.size() && last > 0; i++) {
                if (i != last) {
                    asked.put(name.get(i), full);
                }
            }
        }
        return asked;
    }

    private static Person person(Article article, String surname) {
        // Asked for every lone name of every window of a "Who …?" question: no regular expression for those.
        String[] words = surname.indexOf(' ') < 0 ? new String[] {surname}
                : EntityTagger.SPACES.split(surname.strip());
        // "Kennedy Jr." is looked up as Kennedy, suffix and all.
        boolean suffixed = words.length == 2 && NAME_SUFFIX.matcher(words[1]).matches();
        if (words[0].isEmpty() || words.length > 2 || words.length == 2 && !suffixed) {
            return null;
        }
        return BY_ARTICLE.get(article, a -> new ConcurrentHashMap<>())
                .computeIfAbsent(words[0], s -> Optional.ofNullable(find(article, s))).orElse(null);
    }

    private static Person find(Article article, String surname) {
        Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(surname) + "(?![\\p{L}\\p{N}])");
        Pattern lowerCase = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(surname.toLowerCase(Locale.ROOT))
                + "(?![\\p{L}\\p{N}])");
        List<Name> names = new ArrayList<>();
        StringBuilder titles = new StringBuilder();
        // The text only: a headline in title case ("Teen Tetris Champion Beats Game") seems to name people.
        for (String text : article.paragraphs().stream().map(Paragraph::text).toList()) {
            // "the bush", "young voters": the word is not only a name here.
            if (lowerCase.matcher(text).find()) {
                return null;
            }
            if (!word.matcher(text).find()) {
                continue;
            }
            for (Entity e : TAGGED.get(text, t -> List.copyOf(EntityTagger.tag(t)))) {
                if (!word.matcher(e.text()).find()) {
                    continue;
                }
                String run = EntityTagger.withoutPossessive(EntityTagger.personName(e.text()));
                Name name = Name.of(run, surname);
                if (name == null) {
                    boolean list = run.contains(" and ");
                    // "Michelle and Barack Obama": two people of the name ("Swift and Dickinson" are two names).
                    boolean twoOfTheName = list && run.endsWith(" " + surname) && !run.endsWith(" and " + surname);
                    // "Ford Motor": something else by the word ("the Emily Dickinson Museum" is named after her).
                    boolean somethingElse = !list && EntityTagger.SPACES.split(run)[0].equals(surname);
                    if (twoOfTheName || somethingElse) {
                        return null;
                    }
                    continue;
                }
                if (e.kind() == Kind.PERSON && !name.given().isEmpty()) {
                    names.add(name);
                    // The words before the name: its titles ("Former President").
                    titles.append(e.text(), 0, Math.max(0, e.text().lastIndexOf(run))).append(' ');
                }
            }
        }
        // Written several ways, one person: "Barack Obama" and "Barack H. Obama", "Mitt Romney" and "Republican
        // Mitt Romney". The shortest is the name; two that neither contains are two people ("George W. Bush",
        // "George P. Bush"; "Robert F. Kennedy", "Robert F. Kennedy Jr.").
        Name shortest = null;
        for (Name n : names) {
            if (shortest == null || n.given().size() < shortest.given().size()) {
                shortest = n;
            }
        }
        for (Name n : names) {
            if (!shortest.within(n)) {
                return null;
            }
        }
        return shortest == null ? null : new Person(shortest.text(), Terms.ofText(titles.toString()));
    }

    /**
     * A person's name split around the surname: the given names and initials before it (folded), and a suffix
     * after it ("Jr.").
     */
    private record Name(String text, List<String> given, String suffix) {

        /** The name of {@code run}, a capitalised run that holds {@code surname}, or null if it ends otherwise. */
        static Name of(String run, String surname) {
            if (run.contains(" and ")) {
                return null;
            }
            String[] words = EntityTagger.SPACES.split(run);
            int last = words.length - 1;
            String suffix = "";
            if (last > 0 && NAME_SUFFIX.matcher(words[last]).matches()) {
                suffix = EntityTagger.plain(words[last]);
                last--;
            }
            if (!words[last].equals(surname)) {
                return null;
            }
            List<String> given = new ArrayList<>();
            for (int i = 0; i < last; i++) {
                given.add(EntityTagger.plain(words[i]));
            }
            // The tagger ends a run before its full stop: "Jr." is written whole.
            boolean abbreviated = (suffix.equals("jr") || suffix.equals("sr")) && !run.endsWith(".");
            return new Name(abbreviated ? run + "." : run, given, suffix);
        }

        /** Whether this name's words are all in {@code other}, in order, with the same suffix. */
        boolean within(Name other) {
            if (!suffix.equals(other.suffix)) {
                return false;
            }
            int at = 0;
            for (String w : other.given) {
                if (at < given.size() && given.get(at).equals(w)) {
                    at++;
                }
            }
            return at == given.size();
        }
    }
}
