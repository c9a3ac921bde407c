package dev.citeqa.answer.extractive;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.citeqa.analysis.EntityTagger;
import dev.citeqa.analysis.EntityTagger.Entity;
import dev.citeqa.analysis.EntityTagger.Kind;
import dev.citeqa.collection.Article;
import dev.citeqa.collection.Paragraph;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The whole name an article gives a person it later calls by surname alone. News copy introduces "LeBron James"
 * once and writes "James" after that, so the sentence that answers "Which player …?" often names him by
 * surname only; the article settles who that is, unless it names two people so ("Jason Kelce", "Travis Kelce").
 */
final class FullNames {

    /** What may follow a surname: "Jr.", "III". */
    static final Pattern NAME_SUFFIX = Pattern.compile("(?i)(?:jr|sr)\\.?|i{2,3}|iv");

    /**
     * Worked out on first use per article and surname: only the surnames an answer may be, in the articles
     * retrieved. Articles by identity, as {@link WindowFeatures} keeps their leads.
     */
    private static final Cache<Article, Map<String, Optional<String>>> BY_ARTICLE =
            Caffeine.newBuilder().weakKeys().maximumSize(2_000).build();

    private FullNames() {}

    /**
     * The one whole name the article gives a person called {@code surname} ("LeBron James" for "James"), or null
     * when it gives none or more than one, or {@code surname} is more than one word.
     */
    static String of(Article article, String surname) {
        if (surname.isEmpty() || surname.contains(" ")) {
            return null;
        }
        return BY_ARTICLE.get(article, a -> new ConcurrentHashMap<>())
                .computeIfAbsent(surname, s -> Optional.ofNullable(find(article, s))).orElse(null);
    }

    private static String find(Article article, String surname) {
        Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(surname) + "(?![\\p{L}\\p{N}])");
        // By first and last word: "Barack Obama" and "Barack H. Obama" are one person, written both ways.
        Map<String, String> names = new LinkedHashMap<>();
        // The text only: a headline in title case ("Teen Tetris Champion Beats Game") seems to name people.
        for (String text : article.paragraphs().stream().map(Paragraph::text).toList()) {
            if (!word.matcher(text).find()) {
                continue;
            }
            for (Entity e : EntityTagger.tag(text)) {
                if (e.kind() != Kind.PERSON) {
                    continue;
                }
                String name = EntityTagger.withoutPossessive(EntityTagger.personName(e.text()));
                String[] words = EntityTagger.SPACES.split(name);
                int last = words.length - 1;
                while (last > 0 && NAME_SUFFIX.matcher(words[last]).matches()) {
                    last--;
                }
                // Not "Michelle and Barack Obama", two people the tagger kept in one run.
                if (last > 0 && words[last].equals(surname) && !EntityTagger.isTitle(words[0])
                        && !name.contains(" and ")) {
                    names.putIfAbsent(EntityTagger.plain(words[0]).toLowerCase(Locale.ROOT), name);
                }
            }
        }
        return names.size() == 1 ? names.values().iterator().next() : null;
    }
}
