package dev.citeqa.search;

import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.IndexConstants;
import java.io.IOException;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;

/**
 * Where the two ranked lists come from: the embedded Lucene index, or a search cluster
 * ({@code citeqa.retrieval.backend}). Either way the hits name documents of the local index and carry Lucene's
 * scores, so that fusion, diversification and reading passages back are the same code for every backend.
 */
public interface Ranker {

    /** The best {@code depth} passages for a BM25 query, best first. */
    TopDocs lexical(CorpusIndex index, Query query, int depth) throws IOException;

    /** The {@code depth} passages nearest to a unit vector, scored (1 + cosine) / 2 as Lucene does. */
    TopDocs nearest(CorpusIndex index, float[] vector, int depth) throws IOException;

    /** The embedded index itself. */
    Ranker LUCENE = new Ranker() {
        @Override
        public TopDocs lexical(CorpusIndex index, Query query, int depth) throws IOException {
            return index.searcher().search(query, depth);
        }

        @Override
        public TopDocs nearest(CorpusIndex index, float[] vector, int depth) throws IOException {
            return index.searcher().search(new KnnFloatVectorQuery(IndexConstants.VECTOR, vector, depth), depth);
        }

        @Override
        public String toString() {
            return "lucene";
        }
    };
}
