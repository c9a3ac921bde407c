package dev.citeqa.collection;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a named field of an article's metadata holds, in the names front matter, scrapers and news APIs give
 * them ("date", "published_at", "publishedAt", "datePublished" are one field). Read by {@link FrontMatter} and
 * {@link JsonText}.
 */
enum MetadataField {
    TITLE, DATE, OUTLET, LINK,
    /** The article's text, in a record that carries it as a field. */
    TEXT,
    /** A summary: the text of a record that has no text field (a news API's "description"). */
    SUMMARY;

    /** Keys as {@link #key} writes them: lower case, without "_" and "-". */
    private static final Map<String, MetadataField> BY_KEY = Map.ofEntries(
            Map.entry("title", TITLE), Map.entry("headline", TITLE),
            Map.entry("date", DATE), Map.entry("published", DATE), Map.entry("publishedat", DATE),
            Map.entry("publishdate", DATE), Map.entry("pubdate", DATE), Map.entry("datepublished", DATE),
            Map.entry("datepublish", DATE), Map.entry("created", DATE), Map.entry("createdat", DATE),
            Map.entry("source", OUTLET), Map.entry("publisher", OUTLET), Map.entry("outlet", OUTLET),
            Map.entry("publication", OUTLET), Map.entry("site", OUTLET), Map.entry("sitename", OUTLET),
            Map.entry("newspaper", OUTLET), Map.entry("sourcedomain", OUTLET),
            Map.entry("url", LINK), Map.entry("link", LINK), Map.entry("canonical", LINK),
            Map.entry("canonicalurl", LINK), Map.entry("sourceurl", LINK),
            Map.entry("text", TEXT), Map.entry("maintext", TEXT), Map.entry("body", TEXT), Map.entry("content", TEXT),
            Map.entry("article", TEXT), Map.entry("articletext", TEXT), Map.entry("articlebody", TEXT),
            Map.entry("fulltext", TEXT), Map.entry("story", TEXT),
            Map.entry("description", SUMMARY), Map.entry("summary", SUMMARY), Map.entry("abstract", SUMMARY));

    /** A web address, with or without its scheme: the host is group 1. */
    private static final Pattern ADDRESS =
            Pattern.compile("(?i)(?:https?://(?:[^@/\\s]*@)?|(?=www\\.))([^/\\s?#:@]+)");

    /** The field a key names, or null for one the parser does not read. */
    static MetadataField of(String key) {
        return BY_KEY.get(key(key));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    /**
     * "https://www.example.com/a/b" and "www.example.com/a/b" name example.com; anything that is no web address
     * names nothing. A pattern, not {@link java.net.URI}, which refuses an address with a character it does not
     * allow anywhere in it ("|", "{") and finds no host without a scheme.
     */
    static String host(String link) {
        Matcher address = ADDRESS.matcher(link.strip());
        return address.lookingAt() ? address.group(1).replaceFirst("(?i)^www\\.", "") : null;
    }
}
