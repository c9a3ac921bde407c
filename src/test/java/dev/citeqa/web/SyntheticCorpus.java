package dev.citeqa.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A corpus of a few thousand small made-up articles, for checking that the page stays bounded on a corpus of
 * real size. Every seventh article is undated; one in 25 has "Lighthouse" in its title.
 */
final class SyntheticCorpus {

    static final int SIZE = 3000;
    static final String LIGHTHOUSE = "Lighthouse";
    static final int LIGHTHOUSE_TITLES = SIZE / 25;

    private static final String[] PLACES = {"Harbour", "Valley", "Riverside", "Hillcrest", "Market", "Station",
        "Bridgeton", "Garden", "Airfield", "Museum"};
    private static final String[] TOPICS = {"council", "festival", "budget", "school", "storm", "election",
        "market", "library", "transit", "clinic"};
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** An article as the list shows it; a null date for the undated. */
    record Entry(String id, String title, LocalDate date) {}

    private SyntheticCorpus() {}

    static List<Entry> entries() {
        List<Entry> entries = new ArrayList<>(SIZE);
        for (int i = 0; i < SIZE; i++) {
            String title = PLACES[i % PLACES.length] + " " + TOPICS[i / PLACES.length % TOPICS.length] + " report "
                    + i + (i % 25 == 0 ? " from the " + LIGHTHOUSE : "");
            LocalDate date = i % 7 == 0 ? null : LocalDate.of(2015, 1, 1).plusDays(i * 37L % 3650);
            entries.add(new Entry(String.format(Locale.ROOT, "syn_%05d", i), title, date));
        }
        return entries;
    }

    /** Newest first, one day's articles and then the undated ones by ID: the order the list must show. */
    static List<Entry> newestFirst(List<Entry> entries) {
        return entries.stream().sorted(Comparator.comparing(Entry::date,
                Comparator.nullsLast(Comparator.<LocalDate>reverseOrder())).thenComparing(Entry::id)).toList();
    }

    /** Writes the corpus into {@code dir}, leaving files that already hold the same text untouched. */
    static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Entry e : entries()) {
            String text = e.title() + "\n\n" + (e.date() == null ? "" : "Synthetic Gazette - " + DATE.format(e.date())
                    + "\n\n") + "Residents heard the " + e.title().toLowerCase(Locale.ROOT) + " on Monday evening. "
                    + "Officials said the plan would take several months to complete and cost more than expected.\n";
            Path file = dir.resolve(e.id() + ".txt");
            if (!Files.exists(file) || !Files.readString(file).equals(text)) {
                Files.writeString(file, text);
            }
        }
    }
}
