package dev.citeqa.search;

import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.index.CorpusIndex;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import java.util.List;
import java.util.function.Function;

/** LangChain4j's view of the Lucene index: the passages an answer is drawn from, in the configured mode. */
public final class LucenePassageRetriever implements ContentRetriever {

    private final CorpusIndex index;
    private final PassageSearcher searcher;
    private final int maxResults;
    private final RetrievalMode mode;
    private final Function<String, QuestionAnalysis> analyse;

    /** @param analyse analyses the query's text, the question as it stands once the conversation is resolved */
    public LucenePassageRetriever(CorpusIndex index, PassageSearcher searcher, int maxResults, RetrievalMode mode,
            Function<String, QuestionAnalysis> analyse) {
        this.index = index;
        this.searcher = searcher;
        this.maxResults = maxResults;
        this.mode = mode;
        this.analyse = analyse;
    }

    @Override
    public List<Content> retrieve(Query query) {
        return searcher.searchForAnswering(index, analyse.apply(query.text()), maxResults, mode).stream()
                .map(PassageContents::toContent)
                .toList();
    }

    @Override
    public String toString() {
        return "LucenePassageRetriever[" + mode + ", top " + maxResults + "]";
    }
}
