package dev.citeqa.collection;

import java.nio.CharBuffer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;

/**
 * A web page saved as a {@code .txt} file. jsoup parses it with source positions, and the page's text is
 * laid out at the offsets it has in the file: each text node's characters where the node is (an entity such
 * as {@code &amp;} becomes its character followed by {@link SourceView#FILLER}s), a line break where a block
 * element (paragraph, heading, list item, {@code <br>}) starts or ends, fillers over inline tags (so that
 * {@code <b>Ro</b>me} still reads "Rome"), and spaces over everything else: tags, comments, and the content
 * of scripts, styles, navigation, footers, asides and forms. Sentence offsets therefore point into the
 * original file, and a cited sentence can be highlighted in it.
 */
final class HtmlText {

    /**
     * How far into the file the {@code <!DOCTYPE html>} or {@code <html>} may start: a saved page puts at most
     * an XML declaration or a "saved from" comment before it.
     */
    private static final int SNIFF_CHARS = 1024;

    /**
     * A page, or a fragment of one that opens with a body or block element (an article's body copied out of a
     * page or a CMS: {@code <div class="article-body">}); markup further into a plain text file stays text.
     */
    private static final Pattern START = Pattern.compile(
            "(?is)^[\\s\\uFEFF]*(?:<\\?xml[^>]*>\\s*|<!--.*?-->\\s*)*(?:<!doctype\\s+html|<html[\\s>]"
                    + "|<(?:body|article|main|section|div|header|p|h[1-6])[\\s>])");

    /** Elements whose text is not the article's: code, page furniture, controls. */
    private static final Set<String> DROPPED = Set.of("head", "script", "style", "noscript", "template", "svg",
            "math", "canvas", "iframe", "object", "nav", "footer", "aside", "form", "button", "select", "option",
            "textarea");
    /** Code, never text: what is left out of a page whose only words are in its title or its furniture. */
    private static final Set<String> CODE = Set.of("script", "style", "noscript", "template", "svg", "math", "canvas",
            "iframe", "object");

    /** Where the page's own metadata gives its publication date, most specific first. */
    private static final String DATE_SELECTORS = String.join(", ",
            "meta[property=article:published_time]", "meta[name=article:published_time]",
            "meta[itemprop=datePublished]", "meta[name=date]", "meta[name=pubdate]", "meta[name=publish-date]",
            "meta[property=og:published_time]", "time[datetime]");

    private static final String ENTITY_NAME = "&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31})";
    /** In a page, as browsers read it, the semicolon may be missing ("&amp" is "&"). */
    private static final Pattern ENTITY = Pattern.compile(ENTITY_NAME + ";?");
    private static final Pattern COMPLETE_ENTITY = Pattern.compile(ENTITY_NAME + ";");

    /** " | Lakeview Times": at most four words after the last bar, with a headline before it. */
    private static final Pattern SITE_AFTER_BAR = Pattern.compile("(?<=\\S)\\s+\\|\\s+[^|\\s]+(?:\\s+[^|\\s]+){0,3}$");

    private HtmlText() {}

    static boolean isHtml(String source) {
        return START.matcher(source).region(0, Math.min(source.length(), SNIFF_CHARS)).lookingAt();
    }

    static SourceView read(String source) {
        Document page = Jsoup.parse(source, "", Parser.htmlParser().setTrackPosition(true));
        char[] view = render(source, page.body(), DROPPED);
        if (!ArticleParser.hasWords(CharBuffer.wrap(view))) {
            // A page whose only words are in its title or its furniture ("<footer>Council approves …</footer>", an
            // app shell with a <title>): those are its text, rather than none.
            view = render(source, page, CODE);
        }
        String outlet = attribute(page, "meta[property=og:site_name]", "content");
        return new SourceView(new String(view), title(page, outlet), date(page), outlet);
    }

    /** The text of {@code root} at its place in the source, blanks elsewhere, without the elements {@code dropped}. */
    private static char[] render(String source, Element root, Set<String> dropped) {
        char[] view = new char[source.length()];
        Arrays.fill(view, ' ');
        root.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element element) {
                    if (dropped.contains(element.normalName())) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    mark(view, element, element.sourceRange());
                } else if (node instanceof TextNode text) {
                    copy(source, text.sourceRange(), view);
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element element) {
                    mark(view, element, element.endSourceRange());
                }
                return FilterResult.CONTINUE;
            }
        });
        return view;
    }

    /** A block element's tag breaks the line; an inline element's tag joins what is on either side. */
    private static void mark(char[] view, Element element, Range tag) {
        if (!tag.isTracked() || tag.startPos() < 0 || tag.startPos() >= view.length) {
            return;
        }
        if (element.isBlock() || element.nameIs("br")) {
            view[tag.startPos()] = '\n';
        } else {
            Arrays.fill(view, tag.startPos(), Math.min(tag.endPos(), view.length), SourceView.FILLER);
        }
    }

    /** The node's characters where they are in the file, entities decoded in place. */
    private static void copy(String source, Range range, char[] view) {
        if (!range.isTracked()) {
            return;
        }
        int end = Math.min(range.endPos(), source.length());
        Matcher entity = ENTITY.matcher(source);
        for (int i = Math.max(range.startPos(), 0); i < end; ) {
            char c = source.charAt(i);
            if (c == '&' && entity.region(i, end).lookingAt() && decode(entity, view)) {
                i = entity.end();
                continue;
            }
            // Line breaks inside an element are spaces in HTML; only block boundaries break lines. Unicode's line
            // and paragraph separators and the next-line control too, which sentence splitting would break at.
            view[i] = c == '\n' || c == '\r' || SourceView.isLineSeparator(c) ? ' ' : c;
            i++;
        }
    }

    /**
     * Writes the character the matched entity names where the entity is, and filler over the rest of it, so that
     * offsets stay the file's; false, with nothing written, when it names none.
     */
    private static boolean decode(Matcher entity, char[] view) {
        String decoded = Parser.unescapeEntities(entity.group(), false);
        if (decoded.equals(entity.group()) || decoded.length() > entity.group().length()) {
            return false;
        }
        decoded.getChars(0, decoded.length(), view, entity.start());
        Arrays.fill(view, entity.start() + decoded.length(), entity.end(), SourceView.FILLER);
        return true;
    }

    /**
     * Plain text that passed through HTML on its way to the file ("Trump&#8217;s rally", "5,000 people &amp;
     * more"): entities decoded in place, as in a page. Only a complete entity, its semicolon included, so that
     * "AT&T" and "R&D" stay as they are.
     */
    static String withEntitiesDecoded(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        char[] view = text.toCharArray();
        boolean decoded = false;
        Matcher entity = COMPLETE_ENTITY.matcher(text);
        while (entity.find()) {
            decoded |= decode(entity, view);
        }
        return decoded ? new String(view) : text;
    }

    /**
     * The {@code <title>} without the site name pages append to it ("Talks resume | Daily Post"), or the h1. Without
     * the site's name in the metadata, a short last part after a bar is taken for it: a headline has no bar, where
     * a dash or a colon may be its own ("Biden vs Trump - the rematch").
     */
    private static String title(Document page, String outlet) {
        String title = page.title().strip();
        if (outlet != null) {
            title = title.replaceFirst("\\s+[|\\-–—:·•]\\s+" + Pattern.quote(outlet) + "$", "");
        }
        title = SITE_AFTER_BAR.matcher(title).replaceFirst("");
        if (title.isEmpty()) {
            Element h1 = page.selectFirst("h1");
            title = h1 == null ? "" : h1.text().strip();
        }
        return title.isEmpty() ? null : title;
    }

    private static LocalDate date(Document page) {
        for (Element element : page.select(DATE_SELECTORS)) {
            String value = element.hasAttr("content") ? element.attr("content") : element.attr("datetime");
            var date = PublicationDate.find(value);
            if (date.isPresent()) {
                return date.get().date();
            }
        }
        return null;
    }

    private static String attribute(Document page, String selector, String name) {
        Element element = page.selectFirst(selector);
        String value = element == null ? "" : element.attr(name).strip();
        return value.isEmpty() ? null : value;
    }
}
