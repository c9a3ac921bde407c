package dev.citeqa.collection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Metadata that opens a file: the article's title, date and outlet, and never its text. Two shapes:
 * <ul>
 *   <li>a front matter block, YAML ("---", "title: ...", "date: ...", "---") or TOML ("+++", "title = ...",
 *       "+++", as Hugo writes it), as static-site generators, note apps and scrapers write it. Only flat
 *       {@code key: value} and {@code key = value} lines are read; lists and nested keys are metadata too, and are
 *       dropped with the rest;
 *   <li>the header of a saved e-mail (a newsletter, a press release, a forwarded story) or a newsgroup post:
 *       "From:", "Sent:" or "Date:", "To:", "Subject:" lines, as mail and news programs save a message as text.
 *       The subject is the title, the sender's name the outlet, and a signature after the "-- " line that
 *       mail programs put before it is not text;
 *   <li>a block of labelled fields with no rule around it, as a content system or a scraper exports an article
 *       ("Title: ...", "Author: ...", "Date: ...", "Tags: ..." over a blank line), in any order.
 * </ul>
 *
 * @param end the offset just after the block (the closing "---", the last field of a mail header): every line
 *     before it is metadata
 * @param textEnd where the text ends: the start of a mail's signature, or {@code Integer.MAX_VALUE} for the end
 *     of the file
 * @param outlet the outlet the block names ({@code publisher}, {@code source}, ..., a mail's sender)
 * @param site the site of the block's {@code url}, or of a mail sender's address: the outlet only when nothing
 *     else names one
 * @param mail whether the block is a mail's or a newsgroup post's header, whose body may quote another message
 */
record FrontMatter(int end, int textEnd, String title, LocalDate date, String outlet, String site, boolean mail) {

    /** Lines between the two rules; more than this, and the first rule opened the text instead. */
    private static final int MAX_LINES = 40;

    private static final String RULE = "---";
    private static final String TOML_RULE = "+++";
    private static final Pattern FIELD = Pattern.compile("^([A-Za-z][\\w-]*)\\s*[:=]\\s*(.*)$");
    private static final Pattern QUOTES = Pattern.compile("^([\"'])(.*)\\1$");

    /**
     * Fields of a mail header ({@code x-} fields too). A header needs "From:" and "Subject:": a file opening with
     * "Date:" and "Source:" lines is an article's own header, which {@link ArticleParser} reads.
     */
    private static final Set<String> MAIL_FIELDS = Set.of("from", "sent", "date", "to", "cc", "bcc", "subject",
            "reply-to", "sender", "message-id", "in-reply-to", "references", "mime-version", "content-type",
            "content-transfer-encoding", "importance", "priority", "attachments", "return-path", "received",
            "delivered-to", "thread-topic", "thread-index", "list-id", "list-unsubscribe", "organization",
            "user-agent",
            // Newsgroup posts, as news readers and archives of them save one.
            "newsgroups", "path", "lines", "keywords", "summary", "distribution", "nntp-posting-host",
            "article-i.d.", "expires", "followup-to", "approved", "xref");
    /** A field's value that ends as a sentence does, of this many words or more, is prose, not metadata. */
    private static final int MAX_FIELD_WORDS = 5;
    /** A labelled field of an exported article: a key of one to three words, a colon, and a value or nothing. */
    private static final Pattern LABELLED_FIELD =
            Pattern.compile("^([A-Za-z][A-Za-z_-]*(?: [A-Za-z]+){0,2})\\s*:(.*)$");
    /**
     * Fields an exported article carries besides those {@link MetadataField} reads, none of them text: who wrote
     * it, how it is filed, and what the system knows of it.
     */
    private static final Set<String> OTHER_FIELDS = Set.of("author", "authors", "byline", "by", "writer",
            "reporter", "editor", "credit", "tags", "tag", "category", "categories", "section", "topic", "topics",
            "keywords", "slug", "id", "word count", "words", "wordcount", "language", "lang", "updated",
            "last updated", "modified", "last modified", "image", "photo", "location", "edition", "page", "status",
            "type", "format", "copyright", "rights", "license");
    private static final Pattern MAIL_FIELD = Pattern.compile("^([A-Za-z][\\w.-]*):(?:\\s+(.*))?$");
    /**
     * One "Re: " or "Fwd: " of a subject: "Re: Fwd: Storm closes highway" is about "Storm closes highway". Stripped
     * in a loop ({@link #withoutReplyPrefixes}), as a repeated group recurses once per repeat.
     */
    private static final Pattern REPLY_PREFIX = Pattern.compile("(?i)(?:re|fwd?|fw|aw|wg)\\s*+:\\s*+");
    /** {@code "Morning Brief" <brief@example.com>}: the display name, then the address. */
    private static final Pattern SENDER = Pattern.compile("^\"?([^\"<]*?)\"?\\s*<([^>]*)>$");
    /** {@code jsmith@example.edu (John Smith)}: the older form, the address, then the name in brackets. */
    private static final Pattern SENDER_AFTER = Pattern.compile("^(\\S+@\\S+)\\s+\\(([^)]*)\\)$");
    /** The line that introduces a quote from another message: "… writes:", "… wrote:". */
    private static final Pattern ATTRIBUTION = Pattern.compile("(?i).*\\b(?:writes|wrote)\\s*:$");
    /**
     * The line a mail program puts over a message it forwards or replies to: "-----Original Message-----",
     * "---------- Forwarded message ---------", "Begin forwarded message:".
     */
    private static final Pattern EARLIER_MESSAGE = Pattern.compile(
            "(?i)^-{2,}\\s*(?:original message|forwarded message)\\s*-{2,}$|^begin forwarded message:?$");
    /** Two line ends with nothing but white space between them. */
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[\\s&&[^\\n]]*\\r?\\n");
    /** The line mail programs put before a signature ("-- ", which {@link ArticleParser.Line} reads as "--"). */
    private static final String SIGNATURE_RULE = "--";
    /**
     * Lines a signature may have after its rule: custom asks for four at most, and a few more are allowed for
     * address blocks. A rule with more under it, or with a sentence under it, parts the text instead.
     */
    private static final int MAX_SIGNATURE_LINES = 6;
    /** A line of a signature is short; one of this many words or more is text. */
    private static final int MAX_SIGNATURE_WORDS = 12;

    /** The block that opens {@code lines}, or null when they open with none. */
    static FrontMatter read(String source, List<ArticleParser.Line> lines, DateOrder order) {
        if (lines.isEmpty()) {
            return null;
        }
        String rule = lines.getFirst().text();
        if (!rule.equals(RULE) && !rule.equals(TOML_RULE)) {
            FrontMatter mail = mailHeader(source, lines, order);
            return mail != null ? mail : fieldBlock(source, lines, order);
        }
        Fields fields = new Fields(order);
        for (int i = 1; i < Math.min(lines.size(), MAX_LINES + 2); i++) {
            ArticleParser.Line line = lines.get(i);
            if (line.text().equals(rule)) {
                return i == 1 ? null : fields.block(line.end());
            }
            Matcher field = FIELD.matcher(line.text());
            if (field.matches()) {
                fields.take(MetadataField.of(field.group(1)), unquoted(field.group(2)));
            }
        }
        return null;
    }

    /**
     * The header of a saved e-mail that opens {@code lines}, or null when they open with none. It ends at the first
     * blank line, as a mail header does, so that a body opening with "Summary: …" keeps that line.
     */
    private static FrontMatter mailHeader(String source, List<ArticleParser.Line> lines, DateOrder order) {
        String subject = null;
        String sender = null;
        LocalDate date = null;
        int end = -1;
        for (ArticleParser.Line line : lines) {
            if (end >= 0 && BLANK_LINE.matcher(source.substring(end, line.start())).find()) {
                break;
            }
            Matcher field = MAIL_FIELD.matcher(line.plain());
            String key = field.matches() ? field.group(1).toLowerCase(Locale.ROOT) : "";
            if (!MAIL_FIELDS.contains(key) && !key.startsWith("x-")) {
                break;
            }
            end = line.end();
            String value = field.group(2) == null ? "" : field.group(2).strip();
            switch (key) {
                case "subject" -> subject = subject == null ? withoutReplyPrefixes(value) : subject;
                case "from" -> sender = sender == null ? value : sender;
                case "date", "sent" -> date = date == null ? PublicationDate.dateIn(value, order) : date;
                default -> { }
            }
        }
        if (subject == null || sender == null) {
            return null;
        }
        Matcher before = SENDER.matcher(sender);
        Matcher after = SENDER_AFTER.matcher(sender);
        String name = "";
        String address = sender;
        if (before.matches()) {
            name = before.group(1).strip();
            address = before.group(2);
        } else if (after.matches()) {
            name = after.group(2).strip();
            address = after.group(1);
        }
        int at = address.lastIndexOf('@');
        String domain = at < 0 ? null : address.substring(at + 1).strip();
        return new FrontMatter(end, signatureStart(lines, end), subject.isEmpty() ? null : subject, date,
                name.isEmpty() ? null : name, domain == null || domain.isEmpty() ? null : domain, true);
    }

    /**
     * A block of labelled fields that opens {@code lines}, or null when they open with none: two lines or more up to
     * the first blank line, each a field of {@link MetadataField} or of {@link #OTHER_FIELDS}, a title or a date
     * among them. Every key must be a known one, so that a text opening "WASHINGTON: The Senate …" keeps its line.
     * It was read only when the title came first, and then every other field ("Author: …", "Tags: …") was text.
     */
    private static FrontMatter fieldBlock(String source, List<ArticleParser.Line> lines, DateOrder order) {
        Fields fields = new Fields(order);
        int end = -1;
        int count = 0;
        for (ArticleParser.Line line : lines) {
            if (end >= 0 && BLANK_LINE.matcher(source.substring(end, line.start())).find()) {
                break;
            }
            Matcher field = LABELLED_FIELD.matcher(line.plain());
            if (!field.matches()) {
                return null;
            }
            String key = field.group(1);
            MetadataField kind = MetadataField.of(key.replace(" ", ""));
            if (kind == MetadataField.TEXT || kind == MetadataField.SUMMARY
                    || kind == null && !OTHER_FIELDS.contains(key.toLowerCase(Locale.ROOT))) {
                return null;
            }
            String value = field.group(2).strip();
            if (Boilerplate.endsLikeSentence(value) && Boilerplate.wordCount(value) >= MAX_FIELD_WORDS) {
                // "Reporter: What did you see when the water came in?": a transcript's speaker, not a field.
                return null;
            }
            fields.take(kind, value);
            end = line.end();
            count++;
        }
        return count >= 2 && (fields.title != null || fields.date != null) ? fields.block(end) : null;
    }

    /** The fields a block gives, each its first value. */
    private static final class Fields {
        private final DateOrder order;
        String title;
        LocalDate date;
        String outlet;
        String site;

        Fields(DateOrder order) {
            this.order = order;
        }

        void take(MetadataField kind, String value) {
            if (kind == null || value.isEmpty()) {
                return;
            }
            switch (kind) {
                case TITLE -> title = title == null ? value : title;
                case DATE -> date = date == null ? PublicationDate.dateIn(value, order) : date;
                case OUTLET -> outlet = outlet == null ? value : outlet;
                case LINK -> site = site == null ? MetadataField.host(value) : site;
                default -> { }
            }
        }

        /** The block, ending at {@code end}, with the fields read. */
        FrontMatter block(int end) {
            return new FrontMatter(end, Integer.MAX_VALUE, title, date, outlet, site, false);
        }
    }

    /**
     * The lines after the block that are the file's own text: a mail's body, moreover, stops at its signature
     * and leaves out what it quotes from another message ("> …", "&gt;&gt; …") and the line that introduces the
     * quote ("In article &lt;…&gt; … writes:", "On Monday, Ann wrote:"), which are another author's words, unless
     * nothing else is left, as in a forward that is all quote.
     */
    List<ArticleParser.Line> body(String source, List<ArticleParser.Line> lines) {
        List<ArticleParser.Line> body = lines.stream()
                .filter(line -> line.start() >= end && line.start() < textEnd).toList();
        if (!mail) {
            return body;
        }
        boolean[] quoted = new boolean[body.size() + 1];
        for (int i = 0; i < body.size(); i++) {
            quoted[i] = isQuoted(source, body.get(i));
            if (EARLIER_MESSAGE.matcher(body.get(i).plain()).matches()) {
                quoted[i] = true;
            }
            // The header of an earlier message the body forwards or replies to: its fields are no one's words. A
            // header names its sender and its sending or subject; lines that merely open so ("Date: Saturday",
            // "Summary: …") are text.
            Set<String> keys = new HashSet<>();
            int fields = 0;
            while (i + fields < body.size() && isMailField(body.get(i + fields).plain())) {
                keys.add(mailKey(body.get(i + fields).plain()));
                fields++;
            }
            if (fields >= 2 && keys.contains("from") && (keys.contains("sent") || keys.contains("subject"))) {
                java.util.Arrays.fill(quoted, i, i + fields, true);
                i += fields - 1;
            }
        }
        List<ArticleParser.Line> kept = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            boolean introducesQuote = quoted[i + 1] && ATTRIBUTION.matcher(body.get(i).plain()).matches();
            if (!quoted[i] && !introducesQuote) {
                kept.add(body.get(i));
            }
        }
        return kept.stream().anyMatch(ArticleParser.Line::hasWords) ? kept : body;
    }

    /** A field of a mail header, as {@link #mailHeader} reads them. */
    private static boolean isMailField(String line) {
        return MAIL_FIELDS.contains(mailKey(line));
    }

    /** The key of a line that reads as a mail field, lower case; empty for any other line. */
    private static String mailKey(String line) {
        Matcher field = MAIL_FIELD.matcher(line);
        return field.matches() ? field.group(1).toLowerCase(Locale.ROOT) : "";
    }

    /** Whether the line opens with a quote mark: before its text, which a single one is, or in it ("&gt;&gt;"). */
    private static boolean isQuoted(String source, ArticleParser.Line line) {
        int begin = source.lastIndexOf('\n', line.start() - 1) + 1;
        return (source.substring(begin, line.start()) + line.text()).strip().startsWith(">");
    }

    /**
     * Where a signature opens: a "-- " line with at most {@link #MAX_SIGNATURE_LINES} short lines under it and
     * text above it; the end of the file when there is none.
     */
    private static int signatureStart(List<ArticleParser.Line> lines, int headerEnd) {
        for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - 1 - MAX_SIGNATURE_LINES); i--) {
            ArticleParser.Line line = lines.get(i);
            if (line.start() < headerEnd || Boilerplate.wordCount(line.text()) >= MAX_SIGNATURE_WORDS) {
                break;
            }
            if (line.text().equals(SIGNATURE_RULE)) {
                boolean textAbove = lines.stream().anyMatch(l -> l.start() >= headerEnd && l.start() < line.start()
                        && l.hasWords());
                return textAbove ? line.start() : Integer.MAX_VALUE;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static String unquoted(String value) {
        Matcher quoted = QUOTES.matcher(value.strip());
        return quoted.matches() ? quoted.group(2).strip() : value.strip();
    }

    /** "Re: Fwd: Budget" is "Budget". */
    static String withoutReplyPrefixes(String subject) {
        Matcher prefix = REPLY_PREFIX.matcher(subject);
        int start = 0;
        while (prefix.region(start, subject.length()).lookingAt()) {
            start = prefix.end();
        }
        return subject.substring(start);
    }
}
