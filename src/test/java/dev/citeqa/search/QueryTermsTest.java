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
import java.util.List;
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

    private static final QueryTerms.Boosts BOTH_DOUBLED = new QueryTerms.Boosts(2f, 2f);
    /** Names, figures and other words each at a weight of their own, so that a mix-up shows. */
    private static final QueryTerms.Boosts NAMES_AND_FIGURES = new QueryTerms.Boosts(1.5f, 3f);

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
                .query(IndexConstants.BODY, BOTH_DOUBLED);
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
        Set<String> kept = terms(QueryTerms.of(index, QuestionAnalysis.of(question.toString()))
                .query(IndexConstants.BODY, BOTH_DOUBLED));
        assertEquals(QueryTerms.MAX_TERMS, kept.size());
        assertTrue(kept.containsAll(Set.of("springfield", "repair")), kept.toString());
        // Unknown words tie on frequency; the earliest win.
        assertTrue(kept.contains("zq0") && !kept.contains("zq299"), kept.toString());
    }

    @Test
    void noSearchableTermGivesNoQuery() {
        assertEquals(null, QueryTerms.of(index, QuestionAnalysis.of("who is the one?"))
                .query(IndexConstants.BODY, BOTH_DOUBLED));
    }

    @Test
    void anchorsWeighMoreThanOtherWords() {
        BooleanQuery query = bodyQuery("What did Springfield approve?", BOTH_DOUBLED);
        assertTrue(query.clauses().stream().anyMatch(c -> c.query() instanceof BoostQuery b && b.getBoost() == 2f
                && terms(b).equals(Set.of("springfield"))), query.toString());
    }

    @Test
    void namesAndFiguresWeighAsTheirOwnBoostsSay() {
        BooleanQuery query = bodyQuery("What did Springfield City Council approve in 2019?", NAMES_AND_FIGURES);
        assertEquals(1.5f, boostOf(query, Set.of("springfield")));
        assertEquals(3f, boostOf(query, Set.of("2019")));
        assertEquals(1f, boostOf(query, Set.of("approv")));
        // The name as a phrase, at the names' weight.
        assertEquals(1.5f, boostOf(query, Set.of("springfield", "citi", "council")));
    }

    @Test
    void aCapitalisedOrdinalOfASequenceWeighsAsAFigure() {
        BooleanQuery query = bodyQuery("Who won the Final Round of the Springfield cup?", NAMES_AND_FIGURES);
        assertEquals(3f, boostOf(query, Set.of("final")));
        assertEquals(1.5f, boostOf(query, Set.of("springfield")));
    }

    private static BooleanQuery bodyQuery(String question, QueryTerms.Boosts boosts) {
        return (BooleanQuery) QueryTerms.of(index, QuestionAnalysis.of(question)).query(IndexConstants.BODY, boosts);
    }

    /** The boost of the one clause over exactly {@code terms}; 1 for a clause that is not a BoostQuery. */
    private static float boostOf(BooleanQuery query, Set<String> terms) {
        List<Float> boosts = query.clauses().stream().map(BooleanClause::query).filter(q -> terms(q).equals(terms))
                .map(q -> q instanceof BoostQuery b ? b.getBoost() : 1f).toList();
        assertEquals(1, boosts.size(), query.toString());
        return boosts.get(0);
    }
}
