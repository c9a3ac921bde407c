package dev.citeqa.collection;

import java.util.Random;

/**
 * Text files built at random from the pieces news files are made of (headlines, dates of every form the reader knows
 * and some it must refuse, bylines, datelines, labels, markup, escape sequences, debris), joined by every kind of
 * line end: for tests that no file can stop a build.
 */
public final class RandomNewsFiles {

    private static final String[] PIECES = {
        "Storm closes the coast road", "FED HOLDS RATES", "Council approves budget.", "Is it over? Not yet.",
        "A storm closed the coast road on Friday, the county said.", "Crews expect to reopen it by Monday.",
        "2024/01/05", "01/01/2024", "12/12/2023", "45/67/2024", "05/13/2024", "13/05/2024", "1/1/2024",
        "2024-01-05T10:24:00Z", "05.01.2024", "Jan. 5, 2024", "5 January 2024", "January 5, 2024 10:24 AM EST",
        "Fri, 05 Jan 2024 10:24:00 GMT", "5 janvier 2024", "Published:", "Updated 10:24 AM EST", "Last updated",
        "Posted on Friday,", "By Jane Smith", "By Staff Writer |", "WASHINGTON (AP) —",
        "NEW YORK, Jan 5 (Reuters) -", "(CNN) --", "Source: Example News", "© 2024 The Ledger. All rights reserved.",
        "https://example.com/2024/01/05/x", "Title:", "Date:", "---", "+++", "title: Storm", "<p>", "</p>",
        "<div class=\"article-body\">", "{\"title\": ", "# ", "- ", "* ", "• ", "|", "...", "…", "—", ",", ";", "\"",
        "“", "(", ")", "\u200B", "\u00A0", "\uFEFF", "\u202E", "\u0081", "\u001B[31m", "\uD83C\uDF89", "Read also:",
        "Skip to content", "@highlight", "By . Jane . PUBLISHED: .",
        "Από", "中文新闻", "x".repeat(300), "On Jan. 5, 2024, the court ruled.",
    };

    private static final String[] BREAKS = {" ", " ", " ", "\n", "\n\n", "\r\n", "\r", "\u2028", "\u0085", "\t", ""};

    private RandomNewsFiles() {}

    /** One file's text, of 1 to 14 pieces. */
    public static String text(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(14);
        for (int p = 0; p < pieces; p++) {
            text.append(PIECES[random.nextInt(PIECES.length)]).append(BREAKS[random.nextInt(BREAKS.length)]);
        }
        return text.toString();
    }
}
