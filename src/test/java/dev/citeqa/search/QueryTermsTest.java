package dev.citeqa.search;

import dev.citeqa.analysis.QuestionAnalysis;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.TestModels;
import dev.citeqa.embed.Embedder;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.IndexConstants;
import dev.citeqa.index.TinyCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueryTermsTest {

    private static CorpusIndex index;

    @BeforeAll
    static void buildIndex() throws IOException {
        Path root = Files.createTempDirectory("citeqa-terms");
        Embedder embedder = TestModels.embedder(root.resolve("data"));
        index = TinyCorpus.openIndex(root, embedder);
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static Set<String> terms(Query query) {
        Set<String> terms = new HashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... found) {
                for (Term t : found) {
                    terms.add(t.text());
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return terms;
    }

    @Test
    void aShortQuestionKeepsEveryTerm() {
        Query query = QueryTerms.of(index, QuestionAnalysis.of("How much did Springfield approve for road repairs?"))
                .query(IndexConstants.BODY, 2f);
        assertEquals(Set.of("springfield", "approv", "road", "repair"), terms(query));
    }

    @Test
    void aQuestionOfManyDistinctWordsKeepsTheRarestUpToTheBound() {
        StringBuilder question = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            question.append("zq").append(i).append(' ');
        }
        // Two words the corpus has, among 300 it does not: the known ones are kept, being the informative ones.
        question.append("springfield repairs");
        Set<String> kept = terms(QueryTerms.of(index, QuestionAnalysis.of(question.toString())).query(IndexConstants.BODY, 2f));
        assertEquals(QueryTerms.MAX_TERMS, kept.size());
        assertTrue(kept.containsAll(Set.of("springfield", "repair")), kept.toString());
        // Unknown words tie on frequency; the earliest win.
        assertTrue(kept.contains("zq0") && !kept.contains("zq299"), kept.toString());
    }

    @Test
    void noSearchableTermGivesNoQuery() {
        assertEquals(null, QueryTerms.of(index, QuestionAnalysis.of("who is the one?")).query(IndexConstants.BODY, 2f));
    }

    @Test
    void anchorsWeighMoreThanOtherWords() {
        BooleanQuery query = (BooleanQuery) QueryTerms.of(index, QuestionAnalysis.of("What did Springfield approve?"))
                .query(IndexConstants.BODY, 2f);
        assertTrue(query.clauses().stream().anyMatch(c -> c.query() instanceof BoostQuery b && b.getBoost() == 2f
                && terms(b).equals(Set.of("springfield"))), query.toString());
    }
}
