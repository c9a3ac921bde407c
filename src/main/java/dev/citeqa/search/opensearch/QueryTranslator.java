package dev.citeqa.search.opensearch;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.opensearch.client.opensearch._types.FieldValue;

/**
 * Spells the BM25 query that {@code PassageSearcher} builds for the local index in OpenSearch's query DSL, so
 * that both backends run one query: the cluster turns each clause back into the same Lucene query. Terms are
 * already analysed, so they go out as {@code term} queries; a phrase goes out as {@code match_phrase} with the
 * whitespace analyzer, which rebuilds the same terms at consecutive positions.
 */
final class QueryTranslator {

    private QueryTranslator() {}

    static org.opensearch.client.opensearch._types.query_dsl.Query translate(Query query) {
        return translate(query, 1f);
    }

    private static org.opensearch.client.opensearch._types.query_dsl.Query translate(Query query, float boost) {
        if (query instanceof BoostQuery boosted) {
            return translate(boosted.getQuery(), boost * boosted.getBoost());
        }
        if (query instanceof TermQuery term) {
            Term t = term.getTerm();
            return org.opensearch.client.opensearch._types.query_dsl.Query.of(q -> q.term(
                    x -> x.field(t.field()).value(FieldValue.of(t.text())).boost(boost)));
        }
        if (query instanceof PhraseQuery phrase && isConsecutive(phrase)) {
            String words = Arrays.stream(phrase.getTerms()).map(Term::text).collect(Collectors.joining(" "));
            return org.opensearch.client.opensearch._types.query_dsl.Query.of(q -> q.matchPhrase(
                    x -> x.field(phrase.getField()).query(words).slop(phrase.getSlop()).analyzer("whitespace")
                            .boost(boost)));
        }
        if (query instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0) {
            return org.opensearch.client.opensearch._types.query_dsl.Query.of(q -> q.bool(b -> {
                for (BooleanClause clause : bool.clauses()) {
                    var translated = translate(clause.query());
                    switch (clause.occur()) {
                        case SHOULD -> b.should(translated);
                        case MUST -> b.must(translated);
                        case FILTER -> b.filter(translated);
                        case MUST_NOT -> b.mustNot(translated);
                    }
                }
                return b.boost(boost);
            }));
        }
        throw new IllegalArgumentException("no OpenSearch form for " + query.getClass().getSimpleName() + ": " + query);
    }

    private static boolean isConsecutive(PhraseQuery phrase) {
        int[] positions = phrase.getPositions();
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] != i) {
                return false;
            }
        }
        return true;
    }
}
