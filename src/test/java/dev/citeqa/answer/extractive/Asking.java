package dev.citeqa.answer.extractive;

import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.answer.Answer;
import dev.citeqa.answer.AnswerRequest;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.search.PassageHit;
import dev.citeqa.search.PassageSearcher;
import java.util.List;

/** A question asked as the service asks it: the 8 passages retrieval finds, then the answerer on them. */
final class Asking {

    private Asking() {}

    /** The answer; meanings are compared unless {@code mode} is {@code bm25}. */
    static Answer ask(CorpusIndex index, PassageSearcher searcher, ExtractiveAnswerer answerer, String question,
            RetrievalMode mode) {
        List<PassageHit> hits = searcher.searchForAnswering(index, QuestionAnalysis.of(question), 8, mode);
        return answerer.answer(AnswerRequest.single(question, hits, index, mode != RetrievalMode.bm25));
    }
}
