package dev.citeqa.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.embed.Embedder;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.TinyCorpus;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A year the question names raises that year's stories, on three stories of one subject, by words alone. */
class AskedYearRankerTest {

    private static CorpusIndex index;
    private static final PassageSearcher.Settings DEFAULTS =
            PassageSearcher.Settings.of(CiteQaConfig.defaults().retrieval());

    @BeforeAll
    static void buildIndex() throws IOException {
        Path root = Files.createTempDirectory("citeqa-asked-year");
        Path corpus = Files.createDirectories(root.resolve("corpus"));
        // Last year's story matches the question's words best; this year's says less of them.
        Files.writeString(corpus.resolve("cookie_2023.txt"), """
                Oreo launches a new limited-edition cookie
                2023-03-28

                Oreo launched a new limited-edition cookie, Blackout Cake, on Tuesday. The limited-edition cookie \
                has chocolate cake creme.
                """);
        Files.writeString(corpus.resolve("cookie_2024.txt"), """
                Space Dunk Oreos are here
                2024-01-23

                The new cookies have blue and pink creme and a crunchy shell, and were launched on Monday in shops \
                across the country, the company said. Each is a limited-edition cookie.
                """);
        Files.writeString(corpus.resolve("cookie_sales.txt"), """
                Cookie sales rise

                Sales of Oreo cookies rose in the last quarter, the company said. New flavours helped.
                """);
        index = TinyCorpus.openIndex(root, corpus, Embedder.none());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    /** The default settings with {@code citeqa.retrieval.asked-year-boost} set, as a service would read them. */
    private static List<PassageHit> search(String question, float boost) {
        CiteQaConfig config = new SmallRyeConfigBuilder().withMapping(CiteQaConfig.class)
                .withDefaultValue("citeqa.retrieval.asked-year-boost", Float.toString(boost)).build()
                .getConfigMapping(CiteQaConfig.class);
        PassageSearcher searcher = new PassageSearcher(Embedder.none(), PassageSearcher.Settings.of(config.retrieval()));
        return searcher.search(index, question, 3, RetrievalMode.bm25);
    }

    private static List<String> ids(List<PassageHit> hits) {
        return hits.stream().map(h -> h.stored().article().id()).toList();
    }

    @Test
    void theStoryOfTheYearAskedComesFirst() {
        String question = "Which limited-edition Oreo cookie was launched in 2024?";
        List<PassageHit> byWords = search(question, 0);
        assertEquals(List.of("cookie_2023", "cookie_2024", "cookie_sales"), ids(byWords));
        List<PassageHit> asked = search(question, DEFAULTS.askedYearBoost());
        assertEquals(List.of("cookie_2024", "cookie_2023", "cookie_sales"), ids(asked));
        // Its score is raised by the share, and the others' scores are left alone.
        assertEquals(byWords.get(1).score() * (1 + DEFAULTS.askedYearBoost()), asked.get(0).score(), 1e-6);
        assertEquals(byWords.get(0).score(), asked.get(1).score(), 0);
        assertEquals(byWords.get(2).score(), asked.get(2).score(), 0);
    }

    @Test
    void anArticlesDateIsReadWithoutReadingTheArticle() {
        assertEquals(Optional.of(LocalDate.of(2024, 1, 23)), index.articleDate("cookie_2024"));
        assertEquals(Optional.empty(), index.articleDate("cookie_sales"));
        assertEquals(Optional.empty(), index.articleDate("no_such_article"));
    }

    @Test
    void aYearNoStoryIsDatedInOrNoYearAtAllChangesNothing() {
        for (String question : List.of("Which limited-edition Oreo cookie was launched in 2019?",
                "Which limited-edition Oreo cookie was launched?")) {
            List<PassageHit> byWords = search(question, 0);
            List<PassageHit> asked = search(question, DEFAULTS.askedYearBoost());
            assertEquals(ids(byWords), ids(asked), question);
            assertEquals(byWords.stream().map(PassageHit::score).toList(),
                    asked.stream().map(PassageHit::score).toList(), question);
        }
    }

    @Test
    void aBetterStoryOfAnotherYearStillWins() {
        // The share does not make up for a story that says far less of the question: sales are not a launch.
        List<String> asked = ids(search("Which limited-edition Oreo cookie was launched in Tuesday's event, "
                + "with Blackout Cake creme, in 2024?", DEFAULTS.askedYearBoost()));
        assertEquals("cookie_2023", asked.getFirst());
    }
}
