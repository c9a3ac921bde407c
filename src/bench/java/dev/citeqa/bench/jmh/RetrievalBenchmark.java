package dev.citeqa.bench.jmh;

import dev.citeqa.analysis.QuestionAnalysis;
import dev.citeqa.answer.Answer;
import dev.citeqa.answer.AnswerRequest;
import dev.citeqa.answer.extractive.ExtractiveAnswerer;
import dev.citeqa.config.CiteQaConfig.RetrievalMode;
import dev.citeqa.search.PassageHit;
import dev.citeqa.analysis.QuestionRewriter;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot paths of one question, in process: embedding it, ranking passages (BM25 alone, and hybrid) and the
 * extractive answerer scoring the sentences of the passages it reads, with and without embedding similarity.
 * Questions cycle through the corpus's headlines. Their vectors are computed in set-up, so that the hybrid
 * benchmarks measure everything but the model, and {@code embedQuestion} measures the model alone on text it
 * has not seen: the two add up to a hybrid question's cost. Run by bench/run.sh; by hand:
 * {@code java -cp <test classpath> -Dbench.corpus=DIR org.openjdk.jmh.Main RetrievalBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RetrievalBenchmark {

    private Pipeline pipeline;
    private ExtractiveAnswerer answerer;
    private List<List<PassageHit>> passages;
    private int next;
    private long distinct;

    @Setup
    public void setUp() throws IOException {
        pipeline = new Pipeline();
        answerer = new ExtractiveAnswerer(pipeline.embedder);
        passages = pipeline.questions.stream()
                .map(q -> pipeline.searcher.searchForAnswering(pipeline.index, QuestionAnalysis.of(q), 8, RetrievalMode.bm25)).toList();
        pipeline.questions.forEach(q -> pipeline.embedder.embed(QuestionRewriter.normalise(q)));
    }

    @TearDown
    public void tearDown() throws IOException {
        pipeline.index.close();
    }

    private int nextQuestion() {
        next = (next + 1) % pipeline.questions.size();
        return next;
    }

    /** The model on one question it has not embedded before (a counter makes each text new). */
    @Benchmark
    public float[] embedQuestion() {
        return pipeline.model.embed(pipeline.questions.get(nextQuestion()) + " " + distinct++).content().vector();
    }

    @Benchmark
    public List<PassageHit> bm25Search() {
        return pipeline.searcher.search(pipeline.index, pipeline.questions.get(nextQuestion()), 8, RetrievalMode.bm25);
    }

    @Benchmark
    public List<PassageHit> hybridSearch() {
        return pipeline.searcher.search(pipeline.index, pipeline.questions.get(nextQuestion()), 8, RetrievalMode.hybrid);
    }

    /** Sentence scoring on already retrieved passages, on words alone as in BM25 mode. */
    @Benchmark
    public Answer answerBm25() {
        return answer(false);
    }

    /** Sentence scoring with embedding similarity, as in hybrid mode, the question's vector already made. */
    @Benchmark
    public Answer answerHybrid() {
        return answer(true);
    }

    private Answer answer(boolean semantic) {
        int i = nextQuestion();
        String question = pipeline.questions.get(i);
        return answerer.answer(AnswerRequest.single(question, passages.get(i), pipeline.index, semantic));
    }
}
