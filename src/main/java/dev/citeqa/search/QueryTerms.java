package dev.citeqa.search;

import dev.citeqa.index.CorpusIndex;
import dev.citeqa.analysis.Anchors;
import dev.citeqa.analysis.NewsAnalyzer;
import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.analysis.TermStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * The analysed terms of a question that its BM25 queries are built from. A question may be 2,000 characters of
 * distinct words, and a query of thousands of clauses is both refused by Lucene ({@code TooManyClauses}) and
 * slow, so only the {@link #MAX_TERMS} most informative distinct terms are kept: the rarest in the passages
 * (highest IDF), then the earliest. A term no passage has is kept last, as it cannot match anything.
 */
final class QueryTerms {

    /**
     * Distinct terms kept. News questions have 5 to 20; three fields (passage, title, article) of this many
     * terms plus their name phrases stay well under Lucene's 1,024 clauses.
     */
    static final int MAX_TERMS = 64;

    private final String question;
    private final List<NewsAnalyzer.Token> tokens;

    private QueryTerms(String question, List<NewsAnalyzer.Token> tokens) {
        this.question = question;
        this.tokens = tokens;
    }

    /** The question's terms, bounded by their document frequency in {@code index}'s passages. */
    static QueryTerms of(CorpusIndex index, QuestionAnalysis analysis) {
        String question = analysis.text();
        List<NewsAnalyzer.Token> tokens = analysis.tokens();
        Set<String> distinct = new HashSet<>();
        tokens.forEach(t -> distinct.add(t.term()));
        if (distinct.size() <= MAX_TERMS) {
            return new QueryTerms(question, tokens);
        }
        Map<String, Integer> firstSeen = new HashMap<>();
        tokens.forEach(t -> firstSeen.putIfAbsent(t.term(), firstSeen.size()));
        TermStats stats = index.termStats();
        Map<String, Integer> docFreq = new HashMap<>();
        for (String term : distinct) {
            int df = stats.docFreq(term);
            docFreq.put(term, df == 0 ? Integer.MAX_VALUE : df);
        }
        Set<String> kept = new HashSet<>(distinct.stream()
                .sorted(Comparator.comparing((String t) -> docFreq.get(t)).thenComparing(firstSeen::get))
                .limit(MAX_TERMS).toList());
        return new QueryTerms(question, tokens.stream().filter(t -> kept.contains(t.term())).toList());
    }

    boolean isEmpty() {
        return tokens.isEmpty();
    }

    /**
     * The weights of the question's names and of its figures and ordinal events ({@link Anchors}) against its
     * other words, in the query's scores (BM25 for passages, F2EXP for whole articles).
     */
    record Boosts(float name, float figure) {}

    /**
     * The question over one field, scored as the index's searcher scores it (BM25, or F2EXP for whole articles,
     * {@code CorpusIndex}). The question's names and its figures weigh as {@code boosts} says, and a multi-word
     * name also scores as a phrase, at the names' weight: among near-identical stories, "the 2013-14 Western
     * Counties League" must beat "the 2013-14 Eastern Counties League". Null when the question has no
     * searchable term.
     */
    Query query(String field, Boosts boosts) {
        if (tokens.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        Set<String> added = new HashSet<>();
        List<String> name = new ArrayList<>();
        for (NewsAnalyzer.Token token : tokens) {
            if (added.add(token.term())) {
                Query term = new TermQuery(new Term(field, token.term()));
                float boost = Anchors.isFigureOrEvent(question, token) ? boosts.figure()
                        : Anchors.isName(token) ? boosts.name() : 1;
                query.add(boost == 1 ? term : new BoostQuery(term, boost), BooleanClause.Occur.SHOULD);
            }
            if (Anchors.isName(token)) {
                name.add(token.term());
            } else {
                addPhrase(query, field, name, boosts.name());
            }
        }
        addPhrase(query, field, name, boosts.name());
        return query.build();
    }

    /** A run of two or more capitalised words, matched as a phrase (one word of slack for "of", "the"). */
    private static void addPhrase(BooleanQuery.Builder query, String field, List<String> words, float boost) {
        if (words.size() >= 2) {
            query.add(new BoostQuery(new PhraseQuery(1, field, words.toArray(String[]::new)), boost),
                    BooleanClause.Occur.SHOULD);
        }
        words.clear();
    }
}
