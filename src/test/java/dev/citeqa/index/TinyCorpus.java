package dev.citeqa.index;

import dev.citeqa.collection.PassageChunker;
import dev.citeqa.embed.Embedder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A handful of articles written for the retrieval and answering tests. Each one exists to pin down one
 * behaviour; the comments say which.
 */
public final class TinyCorpus {

    /** File name without .txt → text. */
    public static final Map<String, String> ARTICLES = new LinkedHashMap<>();

    static {
        // Near-duplicates that differ only by year and amount: an answer must match the year asked.
        ARTICLES.put("roads_2019", """
                Springfield council approves road repairs

                Springfield Gazette - 12 March 2019

                In 2019, the Springfield city council approved a budget of $4.2 million for road repairs. \
                Mayor Ana Lopez said the work would start in the spring.
                """);
        ARTICLES.put("roads_2021", """
                Springfield council approves road repairs

                Springfield Gazette - 09 March 2021

                In 2021, the Springfield city council approved a budget of $5.8 million for road repairs. \
                Mayor Ana Lopez said crews would resurface the main avenues first.
                """);
        // Published in 2021 but about 2022, in the words of "set aside ... in 2021?": its date must not stand
        // for the year its title contradicts.
        ARTICLES.put("roads_2022", """
                Springfield sets aside road money for 2022

                Springfield Gazette - 14 December 2021

                The Springfield city council set aside $6.1 million for road repairs in the coming year.
                """);
        // Shares no content word with "Which medicine did the doctor give for the illness?": only dense
        // retrieval can find it.
        ARTICLES.put("clinic", """
                Rural clinic reopens

                The physician prescribed antibiotics to treat the infection. Nurses at the rural clinic \
                reported fewer patients this winter.
                """);
        // One long story about a single topic: without per-article diversification its passages would fill
        // every top rank for a harbour question.
        StringBuilder harbour = new StringBuilder("Harbour expansion moves ahead\n\n");
        for (int i = 1; i <= 12; i++) {
            harbour.append("Phase ").append(i).append(" of the harbour expansion added new berths for cargo ships. ");
        }
        ARTICLES.put("harbour_long", harbour.toString());
        // A short second harbour story, which diversification must lift into the top results.
        ARTICLES.put("harbour_short", """
                Fishermen welcome harbour expansion

                Local fishermen said the harbour expansion will bring new berths for their boats.
                """);
        // A person described by apposition, for "Who is X?" questions.
        ARTICLES.put("profile", """
                New envoy named

                Date 2024-02-01 The government named Clara Voss, a veteran diplomat, as its envoy to the \
                water summit in Lisbon. Voss will lead a delegation of 14 officials.
                """);
        // Three stories name the museum's director: two agree, and the third, phrased as the closest match
        // to "Who is the director of the Riverside Museum?", names someone else. The answer most articles
        // give must win. Neither "two hours" nor "$12" answers "How many visitors ...?".
        ARTICLES.put("museum_wing", """
                Museum wing opens

                Date 2024-05-10 Helena Marsh, the director of the Riverside Museum, opened the new wing on \
                Saturday with a ribbon cutting attended by the arts council and hundreds of local families. \
                Visitors queued for two hours to see the collection, and tickets cost $12 each.
                """);
        ARTICLES.put("museum_board", """
                Museum board meets

                Date 2024-03-04 The Riverside Museum board said its director, Helena Marsh, would oversee the \
                building of the new wing and the hiring of its staff until the opening in May.
                """);
        ARTICLES.put("museum_cafe", """
                Visitors praise museum café

                Date 2024-06-01 The director of the Riverside Museum is Tom Beck. Visitors praised the new café.
                """);
    }

    private TinyCorpus() {}

    /** Writes the corpus under {@code root}/corpus and opens its index under {@code root}/data. */
    public static CorpusIndex openIndex(Path root, Embedder embedder) throws IOException {
        return openIndex(root, write(root.resolve("corpus")), embedder);
    }

    /** Opens the index of any {@code corpus} folder under {@code root}/data, with the tiny corpus's settings. */
    public static CorpusIndex openIndex(Path root, Path corpus, Embedder embedder) throws IOException {
        return new IndexManager(root.resolve("data"), corpus, 1_000_000, "test",
                new IndexGenerator(PassageChunker.ofSentences(3, 1), embedder)).openOrBuild().index();
    }

    public static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : ARTICLES.entrySet()) {
            Files.writeString(dir.resolve(e.getKey() + ".txt"), e.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }
}
