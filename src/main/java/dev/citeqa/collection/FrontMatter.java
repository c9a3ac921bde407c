package dev.citeqa.collection;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML front matter block opening a file ("---", "title: ...", "date: ...", "---"), as static-site generators,
 * note apps and scrapers write it: the article's title, date and outlet, and never its text. Only flat
 * {@code key: value} lines are read; lists and nested keys are metadata too, and are dropped with the rest.
 *
 * @param end the offset just after the closing "---": every line before it is metadata
 * @param outlet the outlet the block names ({@code publisher}, {@code source}, ...)
 * @param site the site of the block's {@code url}: the outlet only when nothing else names one
 */
record FrontMatter(int end, String title, LocalDate date, String outlet, String site) {

    /** Lines between the two rules; more than this, and the first rule opened the text instead. */
    private static final int MAX_LINES = 40;

    private static final String RULE = "---";
    private static final Pattern FIELD = Pattern.compile("^([A-Za-z][\\w-]*)\\s*:\\s*(.*)$");
    private static final Pattern QUOTES = Pattern.compile("^([\"'])(.*)\\1$");

    private static final Set<String> TITLE = Set.of("title", "headline");
    private static final Set<String> DATE = Set.of("date", "published", "published_at", "publish_date", "pubdate",
            "date_published", "created", "created_at");
    private static final Set<String> OUTLET = Set.of("source", "publisher", "outlet", "publication", "site",
            "site_name", "sitename", "newspaper");
    private static final Set<String> LINK = Set.of("url", "link", "canonical", "canonical_url", "source_url");

    /** The block that opens {@code lines}, or null when they open with none. */
    static FrontMatter read(List<ArticleParser.Line> lines, DateOrder order) {
        if (lines.isEmpty() || !lines.getFirst().text().equals(RULE)) {
            return null;
        }
        String title = null;
        LocalDate date = null;
        String outlet = null;
        String site = null;
        for (int i = 1; i < Math.min(lines.size(), MAX_LINES + 2); i++) {
            ArticleParser.Line line = lines.get(i);
            if (line.text().equals(RULE)) {
                return i == 1 ? null
                        : new FrontMatter(line.end(), title, date, outlet, site);
            }
            Matcher field = FIELD.matcher(line.text());
            if (!field.matches()) {
                continue;
            }
            String key = field.group(1).toLowerCase(Locale.ROOT);
            String value = unquoted(field.group(2));
            if (value.isEmpty()) {
                continue;
            }
            if (TITLE.contains(key) && title == null) {
                title = value;
            } else if (DATE.contains(key) && date == null) {
                date = PublicationDate.find(value, order).map(PublicationDate::date).orElse(null);
            } else if (OUTLET.contains(key) && outlet == null) {
                outlet = value;
            } else if (LINK.contains(key) && site == null) {
                site = host(value);
            }
        }
        return null;
    }

    private static String unquoted(String value) {
        Matcher quoted = QUOTES.matcher(value.strip());
        return quoted.matches() ? quoted.group(2).strip() : value.strip();
    }

    /** "https://www.example.com/a/b" names example.com; anything that is no web address names nothing. */
    private static String host(String link) {
        try {
            String host = URI.create(link).getHost();
            return host == null ? null : host.replaceFirst("(?i)^www\\.", "");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
