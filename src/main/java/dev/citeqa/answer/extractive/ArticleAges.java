package dev.citeqa.answer.extractive;

import dev.citeqa.collection.Article;
import dev.citeqa.search.PassageHit;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link Feature#AGE} of each retrieved article: how much older it is than the newest one retrieved (or than the
 * newest of a year the question names), 0 for that one and half-way to 1 at {@code halfLifeDays} older. News is
 * asked about while it is new, and a folder of news keeps older stories on the same subject.
 */
final class ArticleAges {

    private ArticleAges() {}

    /**
     * @param hits the passages read; their articles are rated once each
     * @param askedYears the years the question names
     * @param today a date after it is a misdated article's, taken as today's so that it does not make every real one
     *     look old
     * @return by article ID; an undated article gets the middle one of the dated ones' ages (the older of the two
     *     middle ones when they are even in number), as nothing is known of it, and every article 0 when none is dated
     */
    static Map<String, Double> of(List<PassageHit> hits, Set<Integer> askedYears, double halfLifeDays,
            LocalDate today) {
        Map<String, LocalDate> dates = new HashMap<>();
        for (PassageHit hit : hits) {
            Article article = hit.stored().article();
            if (article.date() != null) {
                LocalDate date = LocalDate.parse(article.date());
                dates.putIfAbsent(article.id(), date.isAfter(today) ? today : date);
            }
        }
        LocalDate reference = reference(dates.values(), askedYears);
        Map<String, Double> age = new HashMap<>();
        dates.forEach((id, date) -> age.put(id, 1 - Math.pow(0.5,
                Math.abs(ChronoUnit.DAYS.between(date, reference)) / halfLifeDays)));
        double[] ages = age.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double typical = ages.length == 0 ? 0 : ages[ages.length / 2];
        hits.forEach(hit -> age.putIfAbsent(hit.stored().article().id(), typical));
        return age;
    }

    /**
     * The date that articles are new or old against: the newest article's, or, when the question names a year
     * ("Who did Macron appoint as prime minister in 2017?"), the newest of the articles dated in such a year, so
     * that the stories of that year are the new ones and a later story on the same subject is as far from it as
     * an earlier one. A year no retrieved article is dated in says nothing of their dates ("What did the 1995
     * treaty say?" of this year's stories), nor does a year to come ("by 2050"), as no article is dated after today.
     */
    static LocalDate reference(Collection<LocalDate> dates, Set<Integer> askedYears) {
        LocalDate newest = null;
        LocalDate newestAsked = null;
        for (LocalDate date : dates) {
            if (newest == null || date.isAfter(newest)) {
                newest = date;
            }
            if (askedYears.contains(date.getYear()) && (newestAsked == null || date.isAfter(newestAsked))) {
                newestAsked = date;
            }
        }
        return newestAsked != null ? newestAsked : newest;
    }
}
