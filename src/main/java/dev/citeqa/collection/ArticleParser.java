package dev.citeqa.collection;

import dev.citeqa.analysis.WordLists;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of a saved news page into an {@link Article}: title, publication date and outlet from the
 * header, and the body paragraphs without page furniture, split into sentences.
 *
 * <p>Each non-blank line is a paragraph. Offsets always point into the original text, so that whatever is
 * dropped here, a passage can still be highlighted in the file it came from. An HTML page is read through
 * {@link HtmlText}, which keeps its text at the offsets it has in the file.
 *
 * <p>Cleaning never takes a file's last words: when the header and the page furniture would claim every line
 * (a one-paragraph snippet, a bare headline), the lines are body text after all, and only a date at their
 * start is read as metadata.
 */
public final class ArticleParser {

    /** Lines examined for a title and date before the body starts. */
    private static final int HEADER_LINES = 8;

    /** A body paragraph is a long line that ends like a sentence; the header is what comes before it. */
    private static final int BODY_MIN_WORDS = 12;

    /**
     * Words that introduce a date rather than name an outlet ("date 2025-05-13", "Published: ...", "Fri, 05 Jan
     * 2024").
     */
    private static final Pattern DATE_LABEL = Pattern.compile("(?i)\\b(date|dated|published|updated|posted|on|at"
            + "|last|modified|aired|recorded|filed|issued|written|broadcast|embargoed(?:\\s+until)?"
            // Labels of other languages, with the article or preposition each puts before the date.
            + "|publié\\s+le|mis\\s+à\\s+jour\\s+le|veröffentlicht\\s+am|aktualisiert\\s+am|publicado\\s+(?:el|em)"
            + "|actualizado\\s+el|pubblicato\\s+il|aggiornato\\s+il|gepubliceerd\\s+op"
            + "|mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat"
            + "|saturday|sun|sunday)(?![\\p{L}\\d])[:.,]?");

    /** The time after a date: "T10:24:00Z", "10:24 AM EST", "06:24", "06:30:11.52", "at 9:30 p.m. GMT+2". */
    private static final String TIME = "(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?"
            + "|[\\s,]*(?:at\\s+)?\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:\\s*[AaPp]\\.?[Mm]\\.?)?"
            + "(?:\\s*(?:UTC|GMT|[ECMP][SD]T|BST|CET|CEST|EET|EEST|IST|JST|AEST|AEDT|ET|PT)\\b)?"
            + "(?:\\s*[+-]\\d{1,2}:?\\d{2})?)";

    private static final Pattern ANY_TIME = Pattern.compile(TIME);

    /** What separates a leading date (and time) from the text after it, an elision ("Oct 15, 2019 ... ") too. */
    private static final Pattern REST_AFTER_DATE =
            Pattern.compile(TIME + "?[\\s\\-–—|:,]*(?:(?:\\.{3}|…)[\\s\\-–—|:,]*)?");

    /**
     * What may stand between a headline and the date after it on one line, taken off one piece at a time from the
     * end: separators (no-break and invisible spaces too), a label ("Published:", "Last updated", "Posted on"), a
     * weekday before its comma ("Friday, "), a time ("10:24 AM EST").
     */
    private static final Pattern TRAILING_FURNITURE = Pattern.compile("(?:[\\s\\p{Z}\\p{Cf}|·•,:;\\-–—]+"
            + "|(?<![\\p{L}\\d])(?i:(?:last\\s+)?(?:published|updated|posted|modified)(?:\\s+on)?|dated)\\.?"
            // A weekday only with the comma a date's weekday takes: a headline may end in one ("… closed Friday").
            + "|(?<![\\p{L}\\d])(?i:mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat"
            + "|saturday|sun|sunday)\\.?,[\\s\\p{Z}\\p{Cf}]*"
            + "|(?<!\\d)\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[AaPp]\\.?[Mm]\\.?)?"
            + "(?:\\s*(?:UTC|GMT|[ECMP][SD]T|BST|CET|CEST|EET|EEST|IST|JST|AEST|AEDT|ET|PT)\\b)?)$");

    /** A last word that makes a date part of the sentence before it ("… said on", "… closed since"). */
    private static final Pattern LEADS_INTO_DATE = Pattern.compile("(?i)\\b(?:on|at|in|of|by|since|until|till|from"
            + "|to|for|before|after|as|and|or|the|a|an|than|between|through|during|about|around|is|was|were|be)$");

    /** Body text opens a sentence: a capital, a digit or an opening quote. */
    private static final Pattern SENTENCE_START = Pattern.compile("[\\p{Lu}\\d\"“‘']");

    /** A comma after a date that runs on in prose ("On Jan. 5, 2024, the court …"), not one before a time. */
    private static final Pattern PROSE_COMMA = Pattern.compile("\\s*,(?!\\s*\\d)");

    private static final Pattern TRAILING_SOURCE = Pattern.compile("(?i)^sources?\\s*:\\s*(.{2,60})$");

    /**
     * The holder a copyright notice names ("© 2016 The Ashcombe Gazette. All rights reserved."): the outlet, up to
     * the first full stop, comma or bar that something follows ("NPR. To see more, visit ...").
     */
    private static final Pattern COPYRIGHT_HOLDER = Pattern.compile(
            "(?i)^" + Boilerplate.COPYRIGHT_OPENING + "[,\\s]+([^|]{2,60}?)(?:\\s*[.,|]\\s.*|\\.)?$");

    /** Not a name: a link, or the rights themselves. */
    private static final Pattern NOT_A_HOLDER = Pattern.compile("(?i)https?:|www\\.|\\brights\\b");

    /**
     * Services whose name in brackets opens a story they filed. A list, not any word in capitals, as "Tesla
     * (TSLA) — shares fell" opens with a ticker.
     */
    private static final String WIRE_SERVICES = "AP|AFP|CNN|CNN Business|Reuters|UPI|Bloomberg|Xinhua|dpa|EFE|"
            + "ANSA|PTI|IANS|Kyodo|Yonhap|TASS|HealthDay News|HealthDay";

    /** A place before the service: a city and its region or country, up to 40 characters ("NEW YORK, Jan 5"). */
    private static final String DATELINE_PLACE = "\\p{Lu}[\\p{L}\\d .,'’-]{0,40}?\\s*";

    /** A place in capitalised words only ("Washington, DC"). */
    private static final String CAPITALISED_WORDS = "\\p{Lu}[\\p{L}.'’-]*(?:,?\\s\\p{Lu}[\\p{L}.'’-]*){0,4}";

    /** The same before a service named without brackets. */
    private static final String CAPITALISED_PLACE = CAPITALISED_WORDS + "\\s";

    private static final String DASH = "(?:--|[—–-])";

    /**
     * A story's dateline naming the service that filed it: "WASHINGTON (AP) — ", "NEW YORK, Jan 5 (Reuters) - ",
     * "(CNN) -- ", "(CNN)The …", "Washington (CNN)President …", and CNN's pages' own "New York CNN — " and
     * "CNN — ", without brackets, before which {@code cnnPlace} may stand. The service ({@link #wireService}) is
     * the outlet when nothing else names one. A place needs the dash after the service ("The mayor told The
     * Associated Press (AP) that …" is no dateline), but for CNN's, which runs into the text.
     */
    private static String dateline(String cnnPlace) {
        return "(?:" + DATELINE_PLACE + "\\((" + WIRE_SERVICES + ")\\)\\s*" + DASH
                + "|\\((" + WIRE_SERVICES + ")\\)\\s*(?:" + DASH + "\\s*)?"
                + "|" + DATELINE_PLACE + "\\((CNN)\\)(?=\\p{Lu})"
                + "|(?:" + cnnPlace + ")?(CNN|CNN Business)\\s*" + DASH + ")";
    }

    /**
     * A press release's dateline, a place and the date before a dash: "Oslo, 2 October 2025 - Halvorsen Energy
     * today announced …". The date is the story's when nothing above the text gives one.
     */
    private static final Pattern DATED_DATELINE = Pattern.compile("^" + CAPITALISED_WORDS + ",\\s*([^—–]{6,40}?)\\s*"
            + DASH + "\\s");

    /**
     * The newswire that carries a press release, after its date: "June 3, 2024 /PRNewswire/", "June 3, 2024 (GLOBE
     * NEWSWIRE)". The date is read without it.
     */
    private static final Pattern RELEASE_WIRE =
            Pattern.compile("\\s*(?:/[\\p{L} -]{2,30}/|\\(\\p{Lu}[\\p{L} ]{1,30}\\))$");

    /** A press release's date in brackets after its place: "PORTLAND, Ore. (Sept. 12, 2024) - ". */
    private static final Pattern BRACKETED_DATE = Pattern.compile("\\(([^()]*\\d[^()]*)\\)$");

    /** Business Wire's dateline, the wire between place and date: "ATLANTA--(BUSINESS WIRE)--June 3, 2024--". */
    private static final Pattern BUSINESS_WIRE_DATELINE = Pattern.compile("^" + CAPITALISED_WORDS
            + "\\s*--\\s*\\(\\p{Lu}[\\p{Lu} ]{2,30}\\)\\s*--\\s*([^—–]{6,30}?)\\s*--");

    /**
     * A dateline that opens the first sentence: a title taken from that sentence leaves it out. Before an
     * unbracketed "CNN —" only capitalised words, so that "Trump attacks CNN — again …" is no dateline.
     */
    private static final Pattern WIRE_DATELINE = Pattern.compile("^" + dateline(CAPITALISED_PLACE) + "\\s*(?=\\S)");

    /**
     * A dateline on a line of its own, over the text ("Sindh province, Pakistan CNN —"): metadata, not a
     * sentence. Nothing follows it on its line, so any place may stand before the service.
     */
    private static final Pattern DATELINE_LINE = Pattern.compile("^" + dateline(DATELINE_PLACE + "\\s") + "$");

    /**
     * The opening of a Daily Mail story file, on the line of the text that follows it: "By . Jane Smith .
     * PUBLISHED: . 09:46 EST, 15 August 2012 . | . UPDATED: . 11:25 EST, 15 August 2012 . ", or "… . Last
     * updated at 4:01 PM on 21st October 2011 . "; a second author after "and", or the dates alone, too. Group 1
     * holds the dates. A name is at most 60 characters, and so is a date with its time and label.
     */
    private static final Pattern DOTTED_BYLINE = Pattern.compile("^(?:By \\. [^.|]{1,60}? \\.(?: |$)"
            + "(?:and [^.|]{1,60}? \\.(?: |$))*)?((?:(?:(?:PUBLISHED|UPDATED):? \\. |Last updated )[^|.]{0,60}?\\d{4}"
            + " \\.(?: |$)(?:\\| \\. )?)*)");

    /** A headline quoted whole; quotes around only its first or last words stay. */
    private static final Pattern QUOTED = Pattern.compile("^[\"“”«]([^\"“”«»]+)[\"“”»]$|^['‘’]([^'‘’]+)['‘’]$");

    /** What may open a line before its title: elisions, bullets, Markdown heading marks, separators. */
    private static final Pattern TITLE_LEAD = Pattern.compile("^(?:[\\s#>*•·▪◦‣|:,;\\-–—]|\\.{2,}|…)+");

    /** Who wrote something, however written: "by admin", "By: staff". */
    private static final Pattern WRITER_FIRST = Pattern.compile("(?i)by\\b");

    /** "By" and the writer's name: a capitalised word and one to three more ("By Karen Fernau"). */
    private static final String BY_WRITER = "^[Bb]y:?\\s+\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){1,3}";

    /**
     * A byline: "By" and a capitalised name or two, then perhaps an outlet or address ("By Karen Fernau, The
     * Arizona Republic", "By Gray Hughes and Maddy Lauria", "By Amanda Van Benschoten | avbnky@enquirer.com").
     * "By the numbers" and "By Saturday, most of the country ..." are not.
     */
    private static final Pattern BYLINE = Pattern.compile(
            BY_WRITER + "(?:\\s*(?:,|\\||and\\b|&)\\s*.*)?$");

    /**
     * A byline whose name is followed by an outlet after a comma or a bar: "By Karen Fernau, The Arizona Republic"
     * (group 1). {@link #outletOfByline} tells an outlet from a second author, an address or a role.
     */
    private static final Pattern BYLINE_OUTLET = Pattern.compile(BY_WRITER + "\\s*[,|]\\s*(\\p{Lu}.*)$");

    /**
     * The last word of a byline's part that says what the writer is, not where the story appeared: a role, or a
     * degree or licence written after a name ("By Jane Doe, MD").
     */
    private static final Pattern WRITER_ROLE = Pattern.compile(
            "(?i).*\\b(?:writer|reporter|correspondent|editor|staff|contributor|columnist|photographer|intern)s?$"
                    + "|(?:MD|RN|DO|PhD|DDS|DVM|JD|MBA|MPH|CPA|Esq\\.?|Jr\\.?|Sr\\.?|II|III|IV)");

    /**
     * What separates the fields of a header line: "By Maria Lopez | The Ledger | Feb. 6, 2024", "The Ledger ·
     * Published 5:30 p.m. ET Feb. 6, 2024". Tried only from the first space of a run: tried from each, a line with
     * a run of 60,000 spaces took 16 s to read.
     */
    private static final Pattern FIELD_SEPARATOR = Pattern.compile("(?<!\\s)\\s++[|·•]\\s+");

    /** A line that is a link to the page, perhaps labelled: the address is group 1. */
    private static final Pattern LINK = Pattern.compile(
            "(?i)^(?:(?:url|link|source)\\s*:\\s*)?((?:https?://|www\\.)[^/\\s?#]+\\S*)$");

    /** The longest field of a header line that names an outlet, in words. */
    private static final int MAX_OUTLET_WORDS = 5;

    /** The longest byline, in words. */
    private static final int MAX_BYLINE_WORDS = 12;

    /** A label before the headline in files exported with field names ("Title: ...", "Headline: ..."). */
    private static final Pattern TITLE_LABEL = Pattern.compile("(?i)^(?:title|headline)\\s*[:：]\\s*(?=\\S)");

    private static final Pattern FORMAT = Pattern.compile("\\p{Cf}+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    private static final int MAX_TITLE_CHARS = 300;

    private static final Set<String> MASTHEAD_WORDS = WordLists.load("masthead-words");
    private static final Set<String> MASTHEAD_WORDS_AFTER_THE = WordLists.load("masthead-words-after-the");

    private ArticleParser() {}

    /** An article and its sentences, with offsets into the original file. */
    public record Parsed(Article article, List<Sentence> sentences) {}

    /** The cleaned article, or empty when the file holds no letters or digits. */
    public static Optional<Article> parse(String id, String source) {
        return read(id, source, DateOrder.UNKNOWN).map(Parsed::article);
    }

    /**
     * The cleaned article and its sentences, or empty when the file holds no letters or digits.
     *
     * @param order how the corpus writes slash dates ("01/05/2024"); see {@link DateOrder}
     */
    public static Optional<Parsed> read(String id, String source, DateOrder order) {
        SourceView view = SourceView.of(source);
        List<Line> all = Line.split(view.text());
        FrontMatter read = FrontMatter.read(view.text(), all, order);
        List<Line> after = read == null ? all : read.body(view.text(), all);
        // A file of front matter alone is its own text: it has words, and must not be lost.
        FrontMatter front = after.stream().anyMatch(Line::hasWords) ? read : null;
        if (front != null) {
            all = after;
        }
        // What the file declares (an HTML page's meta tags, a front matter block) before what its lines suggest.
        String declaredTitle = view.title() != null ? view.title() : front != null ? front.title() : null;
        List<Line> lines = new ArrayList<>();
        String trailingOutlet = null;
        String copyrightHolder = null;
        for (Line line : all) {
            Matcher src = TRAILING_SOURCE.matcher(line.plain());
            if (src.matches() && isSourceName(src.group(1))) {
                trailingOutlet = src.group(1).strip();
            } else if (!Boilerplate.isBoilerplate(line.plain())) {
                lines.add(line);
            } else {
                Matcher holder = COPYRIGHT_HOLDER.matcher(line.plain());
                if (holder.matches() && !NOT_A_HOLDER.matcher(holder.group(1)).find()) {
                    // The last notice: one before it is more likely a photo's ("© 2024 Getty Images").
                    copyrightHolder = holder.group(1).strip();
                }
            }
        }
        if (lines.stream().noneMatch(Line::hasWords)) {
            // Furniture is what surrounds an article; a file that is nothing else is the article.
            lines = all;
            trailingOutlet = null;
            copyrightHolder = null;
        }

        // A mail's subject is its title: the first line of its body is text, however short ("Hi all,").
        Header header = Header.read(view.text(), lines, order, front != null && front.mail());
        if (declaredTitle == null && front == null && lines.size() == 1 && header.readNothing()) {
            // A file of one line that no other rule read may be a headline, a date and text whose line ends were lost.
            header.readHeadlineDateText(lines.getFirst(), order);
        }
        List<Paragraph> paragraphs = body(view.text(), lines, header, true, declaredTitle);
        if (paragraphs.stream().noneMatch(p -> hasWords(p.text()))) {
            header = Header.datesOnly(lines, order);
            paragraphs = body(view.text(), lines, header, false, null);
        }
        if (paragraphs.stream().noneMatch(p -> hasWords(p.text()))) {
            // Only a date: it is all the file says, so it is the text.
            paragraphs = lines.stream().map(Line::paragraph).toList();
        }
        List<Sentence> sentences = SentenceSplitter.split(view.text(), paragraphs);
        if (sentences.isEmpty()) {
            return Optional.empty();
        }
        boolean titleFromText = declaredTitle == null && header.title == null;
        Matcher wire = WIRE_DATELINE.matcher(sentences.getFirst().text());
        boolean wireDateline = wire.lookingAt();
        String service = header.wire != null ? header.wire : wireDateline ? wireService(wire) : null;
        String title = declaredTitle != null ? cleanTitle(declaredTitle)
                : titleFromText ? cleanTitle(withoutDateline(sentences.getFirst().text(), wireDateline ? wire : null))
                : header.title;
        LocalDate date = view.date() != null ? view.date() : front != null && front.date() != null ? front.date()
                : header.date != null ? header.date : datelineDate(sentences.getFirst().text(), order);
        String outlet = view.outlet() != null ? view.outlet() : front != null && front.outlet() != null
                ? front.outlet() : header.outlet != null ? header.outlet
                : trailingOutlet != null ? trailingOutlet : copyrightHolder != null ? copyrightHolder
                : header.site != null ? header.site : front != null && front.site() != null ? front.site()
                : service;
        outlet = outlet == null ? null : FORMAT.matcher(outlet).replaceAll("");
        Article article = new Article(id, title, date == null ? null : date.toString(), outlet, paragraphs,
                titleFromText);
        return Optional.of(new Parsed(article, sentences));
    }

    /**
     * What a "Source:" line names: an outlet ("Reuters", "AP, AFP"), not a sentence that opens with the word
     * ("Sources: two aides said the vote was close."), which is text.
     */
    private static boolean isSourceName(String named) {
        return Boilerplate.wordCount(named) <= 2 || !Boilerplate.endsLikeSentence(named);
    }

    /** A {@link #DATED_DATELINE} whose date has a figure ("LONDON, March 3 - "), not a phrase between commas. */
    private static boolean opensWithDatedDateline(String text) {
        return datedDatelineEnd(text) >= 0;
    }

    /**
     * Where the story's text starts after a dated dateline that opens the line, or -1: the date has a figure and the
     * text a letter ("Westport, Tuesday 5 March 2024 - 10:32 GMT" is a date line, not a dateline).
     */
    private static int datedDatelineEnd(String text) {
        Matcher m = DATED_DATELINE.matcher(text);
        return m.lookingAt() && m.group(1).chars().anyMatch(Character::isDigit) && m.end() < text.length()
                && Character.isLetter(text.codePointAt(m.end())) ? m.end() : -1;
    }

    /**
     * A hard-wrapped line of prose: its sentence goes on in the very next line, which opens in lower case ("The
     * Bank of England left its main" over "interest rate unchanged …"), and ends in a later line of the run. Under a
     * headline, a line in lower case is a byline ("by Jane Smith") or a date ("updated 5 March 2024"), and a headline
     * wrapped over two lines ends no sentence.
     */
    private static boolean wrapsIntoNext(String source, List<Line> lines, int i, DateOrder order) {
        if (i + 1 >= lines.size() || Boilerplate.endsLikeSentence(lines.get(i).plain())) {
            return false;
        }
        Line next = lines.get(i + 1);
        String opens = next.plain();
        if (!SentenceSplitter.onNextLine(source, lines.get(i).end(), next.start()) || opens.isEmpty()
                || !Character.isLowerCase(opens.codePointAt(0)) || isByline(opens) || Header.isDateLine(next, order)) {
            return false;
        }
        for (int j = i + 1; j < lines.size(); j++) {
            if (Boilerplate.endsLikeSentence(lines.get(j).plain())) {
                return true;
            }
            if (j + 1 >= lines.size() || !SentenceSplitter.onNextLine(source, lines.get(j).end(),
                    lines.get(j + 1).start())) {
                return false;
            }
        }
        return false;
    }

    /** The date of a {@link #DATED_DATELINE} that opens the first sentence, or null. */
    private static LocalDate datelineDate(String firstSentence, DateOrder order) {
        Matcher m = DATED_DATELINE.matcher(firstSentence);
        Matcher wire = BUSINESS_WIRE_DATELINE.matcher(firstSentence);
        String date = m.find() ? m.group(1) : wire.find() ? wire.group(1) : null;
        if (date == null) {
            return null;
        }
        Matcher bracketed = BRACKETED_DATE.matcher(date);
        date = bracketed.find() ? bracketed.group(1) : RELEASE_WIRE.matcher(date).replaceFirst("");
        return Header.bareDate(date.strip(), order).orElse(null);
    }

    /** A first sentence as a title: without the wire dateline that opens it, or a dated one ("LONDON, March 3 - "). */
    private static String withoutDateline(String first, Matcher wire) {
        if (wire != null) {
            return first.substring(wire.end());
        }
        Matcher businessWire = BUSINESS_WIRE_DATELINE.matcher(first);
        if (businessWire.find()) {
            return first.substring(businessWire.end()).strip();
        }
        int dated = datedDatelineEnd(first);
        return dated >= 0 ? first.substring(dated) : first;
    }

    /** The service a {@link #WIRE_DATELINE} or {@link #DATELINE_LINE} names, whichever of its forms matched. */
    private static String wireService(Matcher dateline) {
        for (int group = 1; group <= dateline.groupCount(); group++) {
            if (dateline.group(group) != null) {
                return dateline.group(group);
            }
        }
        return null;
    }

    /**
     * The lines of {@code source} the header is read from, for a look at every file's dates without parsing
     * it ({@link DateOrder#survey}).
     */
    static String headerRegion(String source) {
        int lines = 0;
        int pos = 0;
        while (pos < source.length() && lines < HEADER_LINES) {
            int newline = source.indexOf('\n', pos);
            int end = newline < 0 ? source.length() : newline;
            if (!source.substring(pos, end).isBlank()) {
                lines++;
            }
            pos = end + 1;
        }
        return source.substring(0, Math.min(pos, source.length()));
    }

    private static List<Paragraph> body(String source, List<Line> lines, Header header, boolean dropLabels,
            String pageTitle) {
        List<Paragraph> paragraphs = new ArrayList<>();
        Set<String> titles = new HashSet<>();
        for (String title : new String[] {header.title, pageTitle}) {
            if (title != null) {
                titles.add(Boilerplate.normalise(title));
            }
        }
        Set<String> seen = new HashSet<>();
        String previous = null;
        for (Line original : lines) {
            Line line = header.trimmed.getOrDefault(original, original);
            // The headline repeated over the text, a line doubled, and image captions and pull quotes repeat lines
            // verbatim; a repeat adds nothing to read or search. A line of hard-wrapped prose is no caption, even
            // when an earlier line reads the same ("The plant will close for"): dropped, it would cut its sentence.
            String words = Boilerplate.normalise(line.plain());
            boolean repeat = !seen.add(words);
            boolean doubled = words.equals(previous);
            previous = words;
            if (header.meta.contains(original) || dropLabels && isLabel(line.plain()) || titles.contains(words)
                    || repeat && (doubled || standsAlone(source, line))) {
                continue;
            }
            paragraphs.add(line.paragraph());
        }
        return paragraphs;
    }

    /**
     * A line that starts a paragraph (the file's first, or after a blank line or a finished sentence) and ends
     * one (its sentence ends, or a blank line or the file's end follows): a caption, never a piece of wrapped
     * prose such as "the company said." under "Profits fell,".
     */
    private static boolean standsAlone(String source, Line line) {
        int before = source.lastIndexOf('\n', line.start() - 1);
        int after = source.indexOf('\n', line.end());
        String previous = before < 0 ? "" : source.substring(source.lastIndexOf('\n', before - 1) + 1, before);
        boolean starts = previous.isBlank() || Boilerplate.endsLikeSentence(previous.strip());
        boolean ends = Boilerplate.endsLikeSentence(line.plain())
                || after < 0 || source.substring(after + 1, nextLineEnd(source, after + 1)).isBlank();
        return starts && ends;
    }

    private static int nextLineEnd(String source, int from) {
        int end = source.indexOf('\n', from);
        return end < 0 ? source.length() : end;
    }

    /** Whether the text has a letter or digit: what separates words from debris (bullets, emoji, dashes). */
    static boolean hasWords(CharSequence text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /**
     * A section label or dateline such as "GENERAL" or "ANKARA": short, all capitals, no figures. Only a script
     * with capitals writes such labels: a Chinese or Arabic headline has no lower case either, even with a Latin
     * acronym in it ("北京举办APEC峰会").
     */
    static boolean isLabel(String text) {
        return text.length() <= 40 && Boilerplate.wordCount(text) <= 3
                && text.codePoints().anyMatch(Character::isLetter)
                && text.codePoints().allMatch(c -> !Character.isLetter(c) || Character.isUpperCase(c))
                && text.codePoints().noneMatch(Character::isDigit);
    }

    /** Words with a letter in them: "WORLD | EUROPE" has two. */
    private static int letterWords(String text) {
        int words = 0;
        for (String token : SPACES.split(text.strip())) {
            if (token.codePoints().anyMatch(Character::isLetter)) {
                words++;
            }
        }
        return words;
    }

    /** Words that end or open an organisation's name ("Associated Press"), {@code analysis/organisation-words.txt}. */
    private static final Set<String> ORGANISATION_WORDS = WordLists.load("organisation-words");

    /**
     * The outlet a byline names after the writer ("The Arizona Republic" of "By Karen Fernau, The Arizona Republic"),
     * or null. Only a name that reads as an outlet's, as a second author's ("By Gray Hughes, Maddy Lauria") reads
     * the same to the entity rules: one that opens with "The", a site ("PolitiFact.com"), one in capitals ("USA
     * TODAY") or one with an organisation's word ("Associated Press"); not a role ("Staff Writer") or an address.
     */
    static String outletOfByline(String byline) {
        Matcher m = BYLINE_OUTLET.matcher(byline.strip());
        if (!m.matches()) {
            return null;
        }
        String rest = m.group(1).strip();
        if (Boilerplate.wordCount(rest) > MAX_OUTLET_WORDS || Boilerplate.endsLikeSentence(rest)
                || rest.matches(".*(?:[,&@/|]|\\band\\b|\\d).*") || WRITER_ROLE.matcher(rest).matches()) {
            return null;
        }
        boolean outlet = rest.startsWith("The ") || rest.matches("\\S+\\.\\p{L}{2,}")
                || rest.equals(rest.toUpperCase(Locale.ROOT))
                || Arrays.stream(rest.split("\\s+"))
                        .anyMatch(word -> ORGANISATION_WORDS.contains(word.toLowerCase(Locale.ROOT)));
        return outlet ? rest : null;
    }

    static boolean isByline(String text) {
        return Boilerplate.wordCount(text) <= MAX_BYLINE_WORDS && !Boilerplate.endsLikeSentence(text)
                && BYLINE.matcher(text).matches();
    }

    private static boolean isBody(String text) {
        return Boilerplate.endsLikeSentence(text) && Boilerplate.wordCount(text) >= BODY_MIN_WORDS;
    }

    /** A headline has a few words and no closing full stop; a question or exclamation may be one too. */
    private static boolean isHeadline(String text) {
        int words = Boilerplate.wordCount(text);
        if (words < 3 || text.length() > 2 * MAX_TITLE_CHARS) {
            return false;
        }
        return !Boilerplate.endsLikeSentence(text) || (!text.endsWith(".") && words <= 20);
    }

    /**
     * Whether line {@code i} opens the story's text or its dates: a dateline, a line that dates the story ("Your
     * town, every Friday | Issue 212 | Friday 14 November 2025"), body text, or wrapped prose.
     */
    private static boolean opensText(String source, List<Line> lines, int i, DateOrder order) {
        if (i >= lines.size()) {
            return false;
        }
        String text = lines.get(i).plain();
        return opensWithDatedDateline(text) || WIRE_DATELINE.matcher(text).lookingAt() || isBody(text)
                || PublicationDate.find(text, order).isPresent() || wrapsIntoNext(source, lines, i, order);
    }

    /**
     * A newspaper's name: up to five capitalised words, the last a paper's ("The Harbour Times"), or one that also ends
     * headlines after a "The" ("The Washington Post", not "Markets Hit Another Record").
     */
    private static boolean isMasthead(String text) {
        String[] words = SPACES.split(text.strip());
        if (words.length < 2 || words.length > MAX_OUTLET_WORDS
                || !Arrays.stream(words).allMatch(w -> Character.isUpperCase(w.codePointAt(0)))) {
            return false;
        }
        String last = words[words.length - 1].toLowerCase(Locale.ROOT);
        return MASTHEAD_WORDS.contains(last) || words[0].equals("The") && MASTHEAD_WORDS_AFTER_THE.contains(last);
    }

    /** The first line of a page may be a two-word headline ("Talks collapse"); later, that is a caption. */
    private static boolean isShortHeadline(String text) {
        return Boilerplate.wordCount(text) == 2 && !Boilerplate.endsLikeSentence(text);
    }

    private static String cleanTitle(String text) {
        String visible = SPACES.matcher(FORMAT.matcher(text).replaceAll("")).replaceAll(" ").strip();
        String title = TITLE_LABEL.matcher(TITLE_LEAD.matcher(visible).replaceFirst("")).replaceFirst("").strip();
        Matcher quoted = QUOTED.matcher(title);
        if (quoted.matches()) {
            title = (quoted.group(1) != null ? quoted.group(1) : quoted.group(2)).strip();
        }
        return shorten(title.isEmpty() ? visible : title);
    }

    private static String shorten(String title) {
        if (title.length() <= MAX_TITLE_CHARS) {
            return title;
        }
        int cut = title.lastIndexOf(' ', MAX_TITLE_CHARS);
        if (cut <= 0) {
            cut = Character.isHighSurrogate(title.charAt(MAX_TITLE_CHARS - 1)) ? MAX_TITLE_CHARS - 1 : MAX_TITLE_CHARS;
        }
        return title.substring(0, cut) + "…";
    }

    /** The text with date labels, weekdays and times taken out: what is left names an outlet, or nothing. */
    private static String withoutDateWords(String text) {
        return ANY_TIME.matcher(DATE_LABEL.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
    }

    /** What the lines before the body say about the article, and which lines said it. */
    private static final class Header {
        String title;
        LocalDate date;
        String outlet;
        /** The service a dateline line names ("New York CNN —"). */
        String wire;
        /** The site and date of the page's address: what the article says of itself comes first. */
        String site;
        LocalDate linkDate;
        final Set<Line> meta = new HashSet<>();
        /** Lines that open with the date and go on with body text: the text without the date. */
        final Map<Line, Line> trimmed = new HashMap<>();

        /** @param titled whether a mail's subject titles the file: then no line of its body is a headline */
        static Header read(String source, List<Line> lines, DateOrder order, boolean titled) {
            Header header = new Header();
            for (int i = 0; i < Math.min(lines.size(), HEADER_LINES); i++) {
                Line line = lines.get(i);
                String text = line.plain();
                if (opensWithDatedDateline(text) || wrapsIntoNext(source, lines, i, order)) {
                    break; // the story's first sentence: "LONDON, March 3 - The Bank of England left its main"
                }
                if (i == 0 && header.readDottedByline(line, order)) {
                    if (header.trimmed.containsKey(line)) {
                        break; // the story goes on in the same line: the header is over
                    }
                    continue;
                }
                Matcher dateline = DATELINE_LINE.matcher(text);
                if (dateline.matches()) {
                    header.wire = header.wire == null ? wireService(dateline) : header.wire;
                    header.meta.add(line);
                    continue;
                }
                if (header.date == null && header.readLeadingDate(line, order, false)) {
                    continue;
                }
                // A headline can be a sentence or two ("Is it over? Not yet."), or in capitals ("FED HOLDS
                // RATES", where a one- or two-word line is a section label): a date line under it says so.
                if (!titled && i == 0 && text.length() <= 2 * MAX_TITLE_CHARS
                        && (!isLabel(text) || letterWords(text) >= 3) && lines.size() > 1
                        && isDateLine(lines.get(1), order)) {
                    Matcher wire = WIRE_DATELINE.matcher(text);
                    if (wire.lookingAt() && wire.group(4) == null) {
                        // "MERAV, Keshtar (Reuters) - Farmers say …" is the story's first sentence, not its headline:
                        // it stays text (the title is taken from it, without the dateline), and the date under it
                        // is read. Only a bracketed service: "Trump Attacks CNN — Again" is a headline.
                        Line next = lines.get(1);
                        if (header.readFields(next.text(), order) || header.readDateLine(next.text(), order)) {
                            header.meta.add(next);
                        }
                        break;
                    }
                    if (isMasthead(text) && lines.size() > 2 && isHeadline(lines.get(2).plain())
                            && !isByline(lines.get(2).plain()) && !isDateLine(lines.get(2), order)) {
                        // "The Harbour Times", the date, then the headline: the paper's name is its outlet.
                        header.outlet = cleanTitle(text);
                    } else {
                        header.title = cleanTitle(text);
                    }
                    header.meta.add(line);
                    continue;
                }
                if (isBody(text)) {
                    break;
                }
                // A first line of three capitalised words over the story's text is its headline ("BAHIA COCOA REVIEW");
                // a section's label ("WORLD", "WORLD MIDDLE EAST") stands over the headline.
                if (isLabel(text) && (i > 0 || letterWords(text) < 3 || !opensText(source, lines, 1, order))
                        || header.readLink(text, order)) {
                    header.meta.add(line);
                } else if (header.date == null && (header.readFields(line.text(), order)
                        || header.readDateLine(line.text(), order))) {
                    header.meta.add(line);
                } else if (isByline(text)) {
                    // Who wrote the story is not what it says: as text, it would open the first passage.
                    header.meta.add(line);
                    header.outlet = header.outlet == null ? outletOfByline(text) : header.outlet;
                } else if (!titled && header.title == null && (isHeadline(text) || i == 0 && isShortHeadline(text))) {
                    header.title = cleanTitle(text);
                    header.meta.add(line);
                }
            }
            header.date = header.date != null ? header.date : header.linkDate;
            return header;
        }

        /**
         * For a file whose every line the header would take: only the date is read, from a line that opens
         * with it (the rest stays as text), a line of fields ("By Staff Writer | May 21, 2022") or one that
         * holds nothing else.
         */
        static Header datesOnly(List<Line> lines, DateOrder order) {
            Header header = new Header();
            for (int i = 0; i < Math.min(lines.size(), HEADER_LINES) && header.date == null; i++) {
                Line line = lines.get(i);
                if (header.readLeadingDate(line, order, true)) {
                    continue;
                }
                if (header.readFields(line.text(), order)) {
                    header.meta.add(line);
                } else {
                    header.readBareDate(line, order);
                }
            }
            return header;
        }

        /**
         * "date 2025-05-13 The talks began ...": a line that opens with the date and continues with body text.
         * The date becomes metadata and the rest stays as a paragraph. Unless {@code lenient}, the rest must
         * read as body text (a sentence of five words or more, or too long for a headline); otherwise it may be
         * a headline, which {@link #readDateLine} handles.
         */
        private boolean readLeadingDate(Line line, DateOrder order, boolean lenient) {
            Optional<PublicationDate> found = PublicationDate.find(line.text(), order);
            if (found.isEmpty() || !withoutDateWords(line.text().substring(0, found.get().start())).isEmpty()) {
                return false;
            }
            Matcher rest = REST_AFTER_DATE.matcher(line.text()).region(found.get().end(), line.text().length());
            String after = line.text().substring(rest.lookingAt() ? rest.end() : line.text().length());
            boolean body = Boilerplate.endsLikeSentence(after) && Boilerplate.wordCount(after) >= 5
                    || after.length() > MAX_TITLE_CHARS;
            if (!hasWords(after) || !lenient && !body) {
                return false;
            }
            date = found.get().date();
            keepTail(line, after);
            return true;
        }

        /** The line's text from {@code tail}, its end, on: the header took what comes before it. */
        private void keepTail(Line line, String tail) {
            trimmed.put(line, new Line(tail, line.end() - tail.length(), line.end()));
        }

        /** Whether no rule took a line or a fact from the file. */
        boolean readNothing() {
            return title == null && date == null && outlet == null && wire == null && site == null && linkDate == null
                    && meta.isEmpty() && trimmed.isEmpty();
        }

        /**
         * "Storm hits the coast 2024/01/05 A storm hit the coast on Sunday …": the headline, the date and the text
         * of a file whose line ends were lost (an export that joined a record's fields with spaces). Read only when
         * the words before the date read as a headline (not a byline, a dateline or a run of capitals, and not a
         * last word that runs into the date: "… said on", "… closed since"), and the words after it open a sentence
         * of body text with no comma or elision between (prose, or a search snippet), so that a sentence that
         * holds a date stays whole.
         */
        private void readHeadlineDateText(Line line, DateOrder order) {
            String text = line.text();
            if (WIRE_DATELINE.matcher(text).lookingAt()) {
                return;
            }
            // Only a date that may follow a headline: a long line is not read through for its dates again.
            int cut = Math.min(text.length(), 2 * MAX_TITLE_CHARS + 64);
            while (cut < text.length() && !Character.isWhitespace(text.charAt(cut))) {
                cut++; // never through a date's digits ("2024/11/2|5")
            }
            Optional<PublicationDate> found = PublicationDate.find(text.substring(0, cut), order);
            if (found.isEmpty()) {
                return;
            }
            String before = withoutTrailingFurniture(text.substring(0, found.get().start()));
            Matcher rest = REST_AFTER_DATE.matcher(text).region(found.get().end(), text.length());
            int restStart = rest.lookingAt() ? rest.end() : found.get().end();
            String between = text.substring(found.get().end(), restStart);
            String after = text.substring(restStart);
            boolean headline = isHeadline(before) && !isByline(before) && !LEADS_INTO_DATE.matcher(before).find()
                    && !before.equals(before.toUpperCase(Locale.ROOT));
            boolean fieldBreak = !PROSE_COMMA.matcher(text).region(found.get().end(), text.length()).lookingAt()
                    && !between.contains("...") && !between.contains("…");
            boolean body = SENTENCE_START.matcher(after).lookingAt() && (Boilerplate.endsLikeSentence(after)
                    && Boilerplate.wordCount(after) >= 5 || after.length() > MAX_TITLE_CHARS);
            if (headline && fieldBreak && body) {
                title = cleanTitle(before);
                date = found.get().date();
                keepTail(line, after);
            }
        }

        private static String withoutTrailingFurniture(String text) {
            String rest = text;
            for (Matcher m = TRAILING_FURNITURE.matcher(rest); m.find(); m = TRAILING_FURNITURE.matcher(rest)) {
                rest = rest.substring(0, m.start());
            }
            return rest;
        }

        /** A Daily Mail byline and dates ({@link #DOTTED_BYLINE}): metadata, and the rest of the line text. */
        private boolean readDottedByline(Line line, DateOrder order) {
            Matcher dotted = DOTTED_BYLINE.matcher(line.text());
            if (!dotted.lookingAt() || dotted.end() == 0) {
                return false;
            }
            PublicationDate.find(dotted.group(1), order).ifPresent(found -> date = found.date());
            String after = line.text().substring(dotted.end());
            if (hasWords(after)) {
                keepTail(line, after);
            } else {
                meta.add(line);
            }
            return true;
        }

        private void readBareDate(Line line, DateOrder order) {
            bareDate(line, order).ifPresent(found -> {
                date = found;
                meta.add(line);
            });
        }

        /**
         * A line that dates the article and says little else: the date alone ("2024/01/25") or a byline with the
         * date ("By Staff Writer | Jan. 25, 2024 10:24 AM EST", "By Jane Smith, January 25, 2024"). Other short
         * dated lines say less about the line above: "Jan. 25, 2024 — Indicted" may be a timeline's first entry,
         * "Deadline: Oct. 29, 2024" a fact of the story.
         */
        private static boolean isDateLine(Line line, DateOrder order) {
            return bareDate(line, order).isPresent()
                    || isByline(line.text()) && PublicationDate.find(line.text(), order).isPresent();
        }

        /** The date of a line that is a date and nothing else ("2024/01/05", "Published: Jan. 5, 2024 10:24 AM"). */
        private static Optional<LocalDate> bareDate(Line line, DateOrder order) {
            return bareDate(line.text(), order);
        }

        private static Optional<LocalDate> bareDate(String text, DateOrder order) {
            Optional<PublicationDate> found = PublicationDate.find(text, order);
            // Punctuation left between the date's parts is nothing else ("Updated 3:45 PM EDT, Wed March 20").
            return found.filter(pd -> !hasWords(withoutDateWords(text.substring(0, pd.start())))
                    && !hasWords(withoutDateWords(text.substring(pd.end())))).map(PublicationDate::date);
        }

        /**
         * "https://www.example.com/news/2024/02/04/bridge-closure": the address the page was saved from. Its site
         * names the outlet when nothing else does, and a date in its path is the article's when no line gives one,
         * as news sites file stories by day.
         */
        private boolean readLink(String text, DateOrder order) {
            Matcher link = LINK.matcher(text.strip());
            if (!link.matches()) {
                return false;
            }
            if (site == null) {
                site = MetadataField.host(link.group(1));
            }
            if (linkDate == null) {
                PublicationDate.find(text, order).ifPresent(found -> linkDate = found.date());
            }
            return true;
        }

        /**
         * A header line of fields ("By Maria Lopez | The Ledger | Feb. 6, 2024, 5:30 p.m. ET", "The Ledger |
         * Published 5:30 p.m. ET Feb. 6, 2024 | Updated ..."), each a date, a byline or a short name: the first
         * date is the article's, and a name before it the outlet (one after it is a section: "Feb. 6, 2024 ·
         * Politics"). A field of anything else makes it no header line.
         */
        private boolean readFields(String text, DateOrder order) {
            String[] fields = FIELD_SEPARATOR.split(text.strip());
            if (fields.length < 2) {
                return false;
            }
            LocalDate first = null;
            String name = null;
            for (String field : fields) {
                Optional<LocalDate> found = bareDate(field, order);
                boolean shortName = Boilerplate.wordCount(field) <= MAX_OUTLET_WORDS && hasWords(field)
                        && !Boilerplate.endsLikeSentence(field);
                if (found.isPresent()) {
                    first = first == null ? found.get() : first;
                } else if (isByline(field)) {
                    continue;
                } else if (shortName) {
                    name = name == null && first == null ? field.strip() : name;
                } else {
                    return false;
                }
            }
            if (first == null) {
                return false;
            }
            date = first;
            outlet = outlet == null ? name : outlet;
            return true;
        }

        /**
         * A date line carries the date plus at most a few words of outlet or reading statistics
         * ("Chas Pravdy - 09 June 2025 06:24"), or opens with the date and continues with the headline
         * ("date 2025-05-13 Türkiye gears up ...").
         */
        private boolean readDateLine(String text, DateOrder order) {
            Optional<PublicationDate> found = PublicationDate.find(text, order);
            if (found.isEmpty()) {
                return false;
            }
            PublicationDate pd = found.get();
            String before = withoutDateWords(text.substring(0, pd.start()));
            String after = text.substring(pd.end()).replaceFirst("^" + TIME, "").strip();
            boolean dateFirst = Boilerplate.wordCount(before) == 0;
            boolean shortRest = Boilerplate.wordCount(before) <= 5 && Boilerplate.wordCount(after) <= 6;
            if (!dateFirst && !shortRest) {
                return false;
            }
            date = pd.date();
            String name = before.replaceAll("[\\s\\-–—|·•:,/]+$", "").strip();
            // "By Maria Lopez - Feb. 6, 2024", "Posted by admin on …": who wrote it, not where it appeared.
            if (!name.isEmpty() && Boilerplate.wordCount(name) <= MAX_OUTLET_WORDS && hasWords(name)
                    && !isByline(name) && !WRITER_FIRST.matcher(name).lookingAt()) {
                outlet = name;
            }
            String visibleAfter = FORMAT.matcher(after).replaceAll("");
            if (title == null && looksLikeWords(visibleAfter) && isHeadline(visibleAfter)) {
                title = cleanTitle(visibleAfter);
            }
            return true;
        }

        /** "2,01 B 5 Mins Read" is reading statistics; a headline has at least three real words. */
        private static boolean looksLikeWords(String text) {
            int words = 0;
            for (String token : text.split("\\s+")) {
                if (token.codePoints().filter(Character::isLetter).count() >= 3) {
                    words++;
                }
            }
            return words >= 3 && !text.matches("(?i).*\\b(min|mins|minutes?)\\s+read\\b.*");
        }
    }

    /**
     * A non-blank line with the offsets of its first and last visible character. A Markdown heading mark or
     * list bullet at its start is not part of its text ("# Title", "- item", "• item").
     */
    record Line(String text, int start, int end) {

        private static final Pattern MARKER = Pattern.compile("^(?:#{1,6}|[-*+•·▪◦‣>])(?=\\s|$)");

        static List<Line> split(String source) {
            List<Line> lines = new ArrayList<>();
            int pos = 0;
            while (pos <= source.length()) {
                int newline = source.indexOf('\n', pos);
                int lineEnd = newline < 0 ? source.length() : newline;
                int s = skipBlank(source, pos, lineEnd);
                Matcher marker = MARKER.matcher(source).region(s, lineEnd);
                if (marker.lookingAt()) {
                    s = skipBlank(source, marker.end(), lineEnd);
                }
                int e = lineEnd;
                while (e > s && isBlank(source.charAt(e - 1))) {
                    e--;
                }
                if (s < e) {
                    lines.add(new Line(source.substring(s, e), s, e));
                }
                if (newline < 0) {
                    break;
                }
                pos = newline + 1;
            }
            return lines;
        }

        private static int skipBlank(String source, int from, int to) {
            int s = from;
            while (s < to && isBlank(source.charAt(s))) {
                s++;
            }
            return s;
        }

        /** White space, no-break spaces, and invisible format characters (byte order mark, U+200B, bidi marks). */
        static boolean isBlank(char c) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
        }

        /** The text as read: without invisible format characters, which the parser's rules do not expect. */
        String plain() {
            return FORMAT.matcher(text).replaceAll("");
        }

        boolean hasWords() {
            return ArticleParser.hasWords(text);
        }

        Paragraph paragraph() {
            return new Paragraph(text, start, end);
        }
    }
}
