package dev.citeqa.collection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the text of a saved news page into an {@link Article}: title, publication date and outlet from the
 * header, and the body paragraphs without page furniture.
 *
 * <p>Each non-blank line is a paragraph. Offsets always point into the original text, so that whatever is
 * dropped here, a passage can still be highlighted in the file it came from.
 */
public final class ArticleParser {

    /** Lines examined for a title and date before the body starts. */
    private static final int HEADER_LINES = 8;

    /** A body paragraph is a long line that ends like a sentence; the header is what comes before it. */
    private static final int BODY_MIN_WORDS = 12;

    /** Words that introduce a date rather than name an outlet ("date 2025-05-13", "Published: ..."). */
    private static final Pattern DATE_LABEL =
            Pattern.compile("(?i)\\b(date|dated|published|updated|posted|on|at|last|modified)\\b[:.]?");

    /** What separates a leading date (and time) from the text after it. */
    private static final Pattern REST_AFTER_DATE =
            Pattern.compile("(?:[\\s,]*\\d{1,2}:\\d{2}(?:\\s*[AaPp][Mm])?)?[\\s\\-–—|:,]*");

    private static final Pattern TRAILING_SOURCE = Pattern.compile("(?i)^sources?\\s*:\\s*(.{2,60})$");

    private static final Pattern INITIAL_QUOTES = Pattern.compile("^[\"'“”‘’«»]+|[\"'“”‘’«»]+$");

    private static final int MAX_TITLE_CHARS = 300;

    private ArticleParser() {}

    /** The cleaned article, or empty when no text is left after cleaning. */
    public static Optional<Article> parse(String id, String source) {
        List<Line> lines = new ArrayList<>();
        String trailingOutlet = null;
        for (Line line : Line.split(source)) {
            Matcher src = TRAILING_SOURCE.matcher(line.text());
            if (src.matches()) {
                trailingOutlet = src.group(1).strip();
            } else if (!Boilerplate.isBoilerplate(line.text())) {
                lines.add(line);
            }
        }

        Header header = Header.read(lines);
        List<Paragraph> paragraphs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (header.title != null) {
            seen.add(Boilerplate.normalise(header.title));
        }
        for (Line original : lines) {
            Line line = header.trimmed.getOrDefault(original, original);
            // Image captions and pull quotes repeat lines verbatim; a repeat adds nothing to read or search.
            if (header.meta.contains(line) || isLabel(line.text()) || !seen.add(Boilerplate.normalise(line.text()))) {
                continue;
            }
            paragraphs.add(new Paragraph(line.text(), line.start(), line.end()));
        }
        if (paragraphs.isEmpty()) {
            return Optional.empty();
        }
        String title = header.title != null ? header.title : titleFromBody(paragraphs.getFirst().text());
        String outlet = header.outlet != null ? header.outlet : trailingOutlet;
        String date = header.date == null ? null : header.date.toString();
        return Optional.of(new Article(id, title, date, outlet, paragraphs));
    }

    /** A section label or dateline such as "GENERAL" or "ANKARA": short and all capitals. */
    static boolean isLabel(String text) {
        return text.length() <= 40 && Boilerplate.wordCount(text) <= 3 && text.chars().anyMatch(Character::isLetter)
                && text.chars().noneMatch(Character::isLowerCase);
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

    /** The first line of a page may be a two-word headline ("Talks collapse"); later, that is a caption. */
    private static boolean isShortHeadline(String text) {
        return Boilerplate.wordCount(text) == 2 && !Boilerplate.endsLikeSentence(text);
    }

    private static String cleanTitle(String text) {
        String title = INITIAL_QUOTES.matcher(text.strip()).replaceAll("").strip().replaceAll("\\s+", " ");
        return shorten(title);
    }

    private static String titleFromBody(String firstParagraph) {
        List<Sentence> first = SentenceSplitter.split(firstParagraph, List.of(new Paragraph(firstParagraph, 0,
                firstParagraph.length())));
        return shorten(first.isEmpty() ? firstParagraph : first.getFirst().text());
    }

    private static String shorten(String title) {
        if (title.length() <= MAX_TITLE_CHARS) {
            return title;
        }
        int cut = title.lastIndexOf(' ', MAX_TITLE_CHARS);
        return title.substring(0, cut > 0 ? cut : MAX_TITLE_CHARS) + "…";
    }

    /** What the lines before the body say about the article, and which lines said it. */
    private static final class Header {
        String title;
        java.time.LocalDate date;
        String outlet;
        final Set<Line> meta = new HashSet<>();
        /** Lines that open with the date and go on with body text: the text without the date. */
        final Map<Line, Line> trimmed = new HashMap<>();

        static Header read(List<Line> lines) {
            Header header = new Header();
            for (int i = 0; i < Math.min(lines.size(), HEADER_LINES); i++) {
                Line line = lines.get(i);
                String text = line.text();
                if (header.date == null && header.readLeadingDate(line)) {
                    continue;
                }
                if (isBody(text)) {
                    break;
                }
                if (isLabel(text)) {
                    header.meta.add(line);
                } else if (header.date == null && header.readDateLine(text)) {
                    header.meta.add(line);
                } else if (header.title == null && (isHeadline(text) || i == 0 && isShortHeadline(text))) {
                    header.title = cleanTitle(text);
                    header.meta.add(line);
                }
            }
            return header;
        }

        /**
         * "date 2025-05-13 The talks began ...": a line that opens with the date and continues with a
         * headline or body text. The date becomes metadata and the rest stays as title or paragraph.
         */
        private boolean readLeadingDate(Line line) {
            Optional<PublicationDate> found = PublicationDate.find(line.text());
            if (found.isEmpty() || Boilerplate.wordCount(
                    DATE_LABEL.matcher(line.text().substring(0, found.get().start())).replaceAll(" ")) > 0) {
                return false;
            }
            Matcher rest = REST_AFTER_DATE.matcher(line.text()).region(found.get().end(), line.text().length());
            String after = line.text().substring(rest.lookingAt() ? rest.end() : line.text().length());
            if (!Boilerplate.endsLikeSentence(after) || Boilerplate.wordCount(after) < 5) {
                return false;
            }
            date = found.get().date();
            trimmed.put(line, new Line(after, line.end() - after.length(), line.end()));
            return true;
        }

        /**
         * A date line carries the date plus at most a few words of outlet or reading statistics
         * ("Chas Pravdy - 09 June 2025 06:24"), or opens with the date and continues with the headline
         * ("date 2025-05-13 Türkiye gears up ...").
         */
        private boolean readDateLine(String text) {
            Optional<PublicationDate> found = PublicationDate.find(text);
            if (found.isEmpty()) {
                return false;
            }
            PublicationDate pd = found.get();
            String before = DATE_LABEL.matcher(text.substring(0, pd.start())).replaceAll(" ").strip();
            String after = text.substring(pd.end()).replaceFirst("^[\\s,]*\\d{1,2}:\\d{2}(\\s*[AaPp][Mm])?", "").strip();
            boolean dateFirst = Boilerplate.wordCount(before) == 0;
            boolean shortRest = Boilerplate.wordCount(before) <= 5 && Boilerplate.wordCount(after) <= 6;
            if (!dateFirst && !shortRest) {
                return false;
            }
            date = pd.date();
            String name = before.replaceAll("[\\s\\-–—|·•:,/]+$", "").strip();
            if (!name.isEmpty() && Boilerplate.wordCount(name) <= 5) {
                outlet = name;
            }
            if (title == null && looksLikeWords(after) && isHeadline(after)) {
                title = cleanTitle(after);
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

    /** A non-blank line with the offsets of its first and last visible character. */
    record Line(String text, int start, int end) {

        static List<Line> split(String source) {
            List<Line> lines = new ArrayList<>();
            int pos = 0;
            while (pos <= source.length()) {
                int newline = source.indexOf('\n', pos);
                int lineEnd = newline < 0 ? source.length() : newline;
                int s = pos;
                int e = lineEnd;
                while (s < e && isBlank(source.charAt(s))) {
                    s++;
                }
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

        private static boolean isBlank(char c) {
            return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
        }
    }
}
