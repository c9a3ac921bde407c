package dev.citeqa.collection;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises lines that belong to the web page around an article rather than to the article.
 *
 * <p>The general rule: page furniture is a short line without sentence punctuation. Such a line is dropped
 * when it starts with one of the {@link #PHRASES} (navigation, teasers, ads), when it is a breadcrumb trail,
 * or when it is a photo credit. Requiring shortness keeps real sentences that happen to start with the same
 * words ("Source close to the talks said ...").
 */
final class Boilerplate {

    /** Longest line, in words, that can be page furniture. */
    private static final int MAX_WORDS = 6;

    /**
     * Line openings used by news sites for navigation and teasers, lower-case. Extend this list, not the
     * parser, when a new site shows up.
     */
    static final List<String> PHRASES = List.of(
            "skip to content", "skip to main content", "jump to",
            "read also", "also read", "read more", "see also", "more on this", "more from",
            "others are reading now", "most read", "trending", "recommended", "you may also like",
            "related post", "related posts", "related articles", "related", "latest", "latest news",
            "ads by", "advertisement", "sponsored", "sponsored content", "back to top", "leave a comment",
            "leave a reply", "add a comment", "view comments", "show comments",
            "source", "sources",
            "share", "share this", "share on", "follow us", "subscribe", "sign up", "click here", "comments",
            "print", "email",
            // A newsletter's furniture, above and below its stories.
            "view this email in your browser", "view in browser", "view online", "unsubscribe",
            "update your preferences", "manage your preferences", "manage preferences", "forward to a friend");

    /** Teasers introduced by a colon are link titles of any length ("Read also: Why the talks ..."). */
    private static final Pattern TEASER =
            Pattern.compile("(?i)^(read also|also read|read more|see also|related|more on this)\\s*:.*");

    /** "Homepage News Title that was cut…" or "Home > World > Europe". */
    private static final Pattern BREADCRUMB =
            Pattern.compile("(?i)^home(page)?\\b.*(\\.\\.\\.|…|\\s[>›»/|]\\s.*)$");

    /**
     * "Name / Shutterstock", "Photo: Reuters", and in brackets on a line of its own "(Photo: Kevin Marsh/AP)", "[Image
     * by Jo Lee]": an image caption credit, not text.
     */
    private static final Pattern PHOTO_CREDIT = Pattern.compile(
            "(?i)^((photo|image|picture|credit)s?(\\s+credits?)?\\s*:.*"
                    + "|(photo|image|picture)s?\\s+(by|courtesy of)\\s[^.!?,]{1,60}\\s(on|via)\\s[^\\s.!?]+$"
                    + "|[(\\[](photo|image|picture|credit)s?(\\s*:|\\s+by\\s)[^()\\[\\]]{1,80}[)\\]]"
                    + "|.{1,60}\\s/\\s(shutterstock|getty images|reuters|ap|afp|epa|"
                    + "alamy|depositphotos|istock|wikimedia commons|unsplash)\\b.*)$");

    /**
     * Share buttons, one per line ("Facebook", "Copy link"): only as the whole line, since a short line that
     * opens with the same name ("Facebook shares fall") is a subheading. Not "X", which is as often a numeral.
     */
    private static final List<String> SHARE_BUTTONS = List.of("facebook", "twitter", "linkedin", "whatsapp",
            "pinterest", "reddit", "telegram", "flipboard", "copy link", "tweet");

    /**
     * A line of share buttons and nothing else, perhaps after its label: "Facebook Twitter LinkedIn Email", "Share
     * this article: Facebook | Twitter | Email". The buttons are {@link #SHARE_BUTTONS} and these.
     */
    private static final List<String> MORE_BUTTONS = List.of("email", "e-mail", "print", "copy", "link", "x", "sms");
    private static final Pattern SHARE_LABEL = Pattern.compile("(?i)^share(\\s+(this|the))?(\\s+(article|story|post))?"
            + "\\s*(on)?\\s*:?\\s*");
    private static final Pattern BUTTON_SEPARATORS = Pattern.compile("[\\s|·•,/]+");

    /**
     * A newsletter's or a site's own promotion ("Sign up for our newsletter to get the latest news delivered to your
     * inbox."), how the site files the story ("Filed under: Politics, Courts", "Tags: ferries"), a comment count
     * ("3 comments"), and the marks that end a press release ("###", "-30-"): furniture, at any length a line of it
     * runs to (at most {@link #MAX_NOTICE_WORDS} words). Not a sentence that reports a sign-up ("…, the mayor
     * urged"), nor a label before a sentence ("Topics: immigration and the economy dominated the debate.").
     */
    private static final Pattern PROMOTION = Pattern.compile("(?i)^(?:sign up|subscribe)(?:\\s+now)?\\s+(?:for|to)\\b"
            + "(?!.*,\\s+(?:the\\s+)?\\p{L}+(?:\\s+\\p{L}+)?\\s+(?:said|says|urged|told|added)\\b)"
            + ".{0,160}\\b(?:newsletters?|inbox)\\b.*"
            + "|^(?:filed under|tags|tagged|topics|categories)\\s*:(?!.*[.!?][\"'”’)]*$).*"
            + "|^\\d+\\s+comments?$"
            + "|^(?:###|# # #|-30-|- 30 -)$");

    /**
     * "@highlight", the line before each summary point of a story file in the CNN and Daily Mail collections: a
     * marker for the file's reader, not text. The points after it are the story's own summary, and stay.
     */
    private static final String HIGHLIGHT_MARKER = "@highlight";

    /** How a copyright notice opens: the sign or the word (or both) and a year, "© Copyright 2024". */
    static final String COPYRIGHT_OPENING = "(?:(?:©|\\(c\\)|copyright)\\s*){1,2}\\d{4}";

    /**
     * "Copyright 2024 The Associated Press. All rights reserved. ...", "© Copyright 2024, Des Moines Register":
     * a notice, when it opens with the copyright sign or word and a year, or ends by reserving all rights.
     */
    private static final Pattern COPYRIGHT = Pattern.compile("(?i)^" + COPYRIGHT_OPENING + "\\b.*"
            + "|.*\\ball rights reserved\\.?$|^this material may not be published\\b.*");

    /** A notice that reserves rights is a line of a page footer, not a paragraph: at most this many words. */
    private static final int MAX_NOTICE_WORDS = 40;

    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

    private Boilerplate() {}

    static boolean isBoilerplate(String line) {
        String text = line.strip();
        if (text.equalsIgnoreCase(HIGHLIGHT_MARKER) || TEASER.matcher(text).matches()
                || BREADCRUMB.matcher(text).matches() || PHOTO_CREDIT.matcher(text).matches()) {
            return true;
        }
        int words = wordCount(text);
        if (words <= MAX_NOTICE_WORDS && (COPYRIGHT.matcher(text).matches() || PROMOTION.matcher(text).matches()
                || isButtonRow(text))) {
            return true;
        }
        if (words > MAX_WORDS || endsLikeSentence(text)) {
            return false;
        }
        String key = normalise(text);
        if (SHARE_BUTTONS.contains(key)) {
            return true;
        }
        for (String phrase : PHRASES) {
            if (key.equals(phrase) || key.startsWith(phrase + " ")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the line is share buttons alone ({@link #MORE_BUTTONS}), two or more, after a label or none. */
    private static boolean isButtonRow(String text) {
        String[] buttons = BUTTON_SEPARATORS.split(SHARE_LABEL.matcher(text).replaceFirst("").toLowerCase(Locale.ROOT)
                .strip());
        return buttons.length >= 2 && Arrays.stream(buttons)
                .allMatch(b -> SHARE_BUTTONS.contains(b) || MORE_BUTTONS.contains(b));
    }

    static boolean endsLikeSentence(String text) {
        return text.matches("(?s).*[.!?…][\"'”’»)]*$") && !text.endsWith("...");
    }

    /** Words separated by white space, no-break spaces included. */
    static int wordCount(String text) {
        String stripped = SPACES.matcher(text).replaceAll(" ").strip();
        return stripped.isEmpty() ? 0 : stripped.split(" ").length;
    }

    /** Lower case, accents folded, punctuation turned into spaces: the form used to compare lines. */
    static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
