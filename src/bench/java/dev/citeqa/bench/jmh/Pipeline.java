package dev.citeqa.bench.jmh;

import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.collection.PassageChunker;
import dev.citeqa.embed.Embedder;
import dev.citeqa.embed.EmbeddingCache;
import dev.citeqa.embed.EmbeddingModels;
import dev.citeqa.eval.EvalQuestion;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.IndexGenerator;
import dev.citeqa.index.IndexManager;
import dev.citeqa.search.PassageSearcher;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The retrieval pipeline the microbenchmarks measure, built as the service builds it with its default
 * settings, over the corpus in system property {@code bench.corpus} (default: the seed corpus). Its index is
 * kept in {@code bench.data} (default {@code target/bench/jmh-data}) and reused while the corpus is unchanged,
 * so that a large corpus is embedded once, not once per fork. The questions are the single-turn questions of
 * the eval files in {@code bench.questions} (comma-separated), or else the corpus's headlines.
 */
final class Pipeline {

    final EmbeddingModel model;
    final Embedder embedder;
    final PassageSearcher searcher;
    final CorpusIndex index;
    final List<String> questions;

    Pipeline() throws IOException {
        // The service logs at INFO (Quarkus sets the levels). A fork's unconfigured log manager enables every
        // level, so code guarded by isDebugEnabled (the answerer's listing of its candidate windows) would run,
        // its output dropped by the handler, and be charged to the benchmark.
        Logger.getLogger("").setLevel(Level.INFO);
        Path corpus = Path.of(System.getProperty("bench.corpus", "corpus"));
        Path data = Path.of(System.getProperty("bench.data", "target/bench/jmh-data"));
        EmbeddingModels choice = EmbeddingModels.BGE_SMALL_EN_V15_Q;
        model = choice.load();
        embedder = new Embedder(model, EmbeddingCache.open(data.resolve("embeddings-" + choice.id() + ".bin"),
                model.dimension()));
        searcher = new PassageSearcher(embedder, PassageSearcher.Settings.of(CiteQaConfig.defaults().retrieval()));
        PassageChunker chunker = PassageChunker.of(CiteQaConfig.defaults().chunk());
        index = new IndexManager(data, corpus, 2_000_000, "jmh;" + choice.id() + ";" + chunker.settings(),
                new IndexGenerator(chunker, embedder)).openOrBuild().index();
        String files = System.getProperty("bench.questions", "");
        questions = files.isBlank() ? headlines(corpus) : asked(files);
    }

    private static List<String> asked(String files) throws IOException {
        List<String> asked = new ArrayList<>();
        for (String file : files.split(",")) {
            EvalQuestion.read(Path.of(file.strip())).stream().filter(q -> q.turns().size() == 1)
                    .forEach(q -> asked.add(q.lastTurn()));
        }
        return asked;
    }

    /** Headlines as questions: varied, and each has an article that answers it. */
    private static List<String> headlines(Path corpus) throws IOException {
        try (Stream<Path> files = Files.list(corpus)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().limit(256).map(p -> {
                try {
                    return Files.readAllLines(p).getFirst().strip();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(line -> !line.isEmpty()).toList();
        }
    }
}
