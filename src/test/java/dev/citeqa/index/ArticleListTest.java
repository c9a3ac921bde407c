package dev.citeqa.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeqa.embed.Embedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The article list: newest first with the undated last, title search by word prefix, and paging. */
class ArticleListTest {

    private static final String BODY = "The council met on the matter for several hours and then agreed on the"
            + " plan that had been put forward earlier in the week by the committee.";

    /** ID → title and date line (null for an undated article). */
    private static final Map<String, String[]> ARTICLES = Map.of(
            "b_middle", new String[] {"Harbour expansion moves ahead", "Gazette - 12 March 2021"},
            "a_newest", new String[] {"Türkiye hosts peace talks", "Gazette - 09 June 2025"},
            "c_oldest", new String[] {"U.S. budget passes the Senate", "Gazette - 01 February 2019"},
            "e_undated", new String[] {"Harbor pilots strike", null},
            "d_undated", new String[] {"Peace prize announced", null},
            "f_same_day", new String[] {"Harbour fees rise", "Gazette - 12 March 2021"});

    @TempDir
    static Path root;

    private static CorpusIndex index;

    @BeforeAll
    static void build() throws IOException {
        Path corpus = Files.createDirectories(root.resolve("corpus"));
        for (var article : ARTICLES.entrySet()) {
            String[] parts = article.getValue();
            String header = parts[1] == null ? parts[0] : parts[0] + "\n\n" + parts[1];
            Files.writeString(corpus.resolve(article.getKey() + ".txt"), header + "\n\n" + BODY + "\n");
        }
        index = TinyCorpus.openIndex(root, corpus, Embedder.none());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static List<String> ids(CorpusIndex.ArticlePage page) {
        return page.articles().stream().map(ArticleHeader::id).toList();
    }

    @Test
    void newestFirstThenOneDayByIdThenTheUndatedById() {
        CorpusIndex.ArticlePage all = index.articles("", 0, 100);
        assertEquals(6, all.count());
        assertEquals(List.of("a_newest", "b_middle", "f_same_day", "c_oldest", "d_undated", "e_undated"), ids(all));
        assertEquals("2025-06-09", all.articles().getFirst().date());
        assertEquals("Türkiye hosts peace talks", all.articles().getFirst().title());
    }

    @Test
    void pagesFollowTheSameOrder() {
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 6; offset += 4) {
            CorpusIndex.ArticlePage page = index.articles(null, offset, 4);
            assertEquals(6, page.count());
            paged.addAll(ids(page));
        }
        assertEquals(ids(index.articles("", 0, 6)), paged);
        assertEquals(List.of("f_same_day", "c_oldest"), ids(index.articles("", 2, 2)));
        assertEquals(List.of(), ids(index.articles("", 6, 10)));
        assertEquals(6, index.articles("", 600, 10).count());
    }

    @Test
    void searchMatchesTheStartOfEveryWordOfTheTitle() {
        assertEquals(List.of("b_middle", "f_same_day"), ids(index.articles("harbour", 0, 10)));
        assertEquals(List.of("b_middle", "f_same_day", "e_undated"), ids(index.articles("harb", 0, 10)));
        assertEquals(List.of("a_newest", "d_undated"), ids(index.articles("PEACE", 0, 10)));
        assertEquals(List.of("a_newest"), ids(index.articles("pea tal", 0, 10)), "every word must match");
        assertEquals(List.of(), ids(index.articles("peace harbour", 0, 10)));
        assertEquals(List.of("a_newest"), ids(index.articles("turkiye", 0, 10)), "accents folded");
        assertEquals(List.of("a_newest"), ids(index.articles("Türk", 0, 10)));
        assertEquals(List.of("c_oldest"), ids(index.articles("us", 0, 10)), "U.S. is a word");
        assertEquals(List.of("c_oldest"), ids(index.articles("U.S. senate", 0, 10)));
        assertEquals(List.of("b_middle"), ids(index.articles("moves-ahead?", 0, 10)), "punctuation splits words");
        assertEquals(List.of("b_middle"), ids(index.articles("harb", 0, 1)));
        assertEquals(3, index.articles("harb", 0, 1).count());
    }

    @Test
    void aSearchWithoutWordsFindsNothing() {
        assertEquals(0, index.articles("!!! ??", 0, 10).count());
        assertEquals(List.of(), ids(index.articles("—", 0, 10)));
    }

    @Test
    void titleTermsAreFoldedWholeWords() {
        assertEquals(List.of("u", "s", "budget"), TitleTerms.of("U S budget"));
        assertEquals(List.of("us", "budget", "passes"), TitleTerms.of("U.S. budget passes, budget"));
        assertEquals(List.of("turkiye", "erdogan's", "visit"), TitleTerms.of("Türkiye: Erdoğan's visit"));
        assertEquals(List.of(), TitleTerms.of(" -- "));
    }
}
