package dev.citeqa.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.citeqa.collection.ArticleParser;
import dev.citeqa.config.CiteQaConfig;
import dev.citeqa.collection.DateOrder;
import dev.citeqa.collection.NewsCollection;
import dev.citeqa.collection.Passage;
import dev.citeqa.collection.PassageChunker;
import dev.citeqa.embed.EmbeddingModels;
import dev.citeqa.index.IndexGenerator;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw speed of the embedding model, with none of the pipeline around it: the floor that indexing and
 * hybrid questions are measured against.
 *
 * <pre>
 * ModelSpeed texts   --corpus DIR --out FILE [--model bge-small-en-v1.5-q] [--session citeqa|stock] [--articles N]
 * ModelSpeed queries --questions FILE --out FILE [--model ...] [--session ...] [--clients 1,8,32] [--seconds 10]
 * </pre>
 *
 * <p>{@code --session stock} runs LangChain4j's own model class (ONNX Runtime's default threading) instead of
 * the session the application opens, so that the report can show what that choice is worth.
 *
 * <p>{@code texts} embeds what indexing the corpus embeds (each passage, with the default chunking, with its
 * title; at most {@code --articles} articles), in batches of the same size, and times only the model calls. {@code queries} times single
 * distinct questions one after another (the per-question floor of hybrid retrieval), then the throughput of
 * as many threads as clients embedding distinct questions back to back.
 */
public final class ModelSpeed {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** As the application's Embedder batches index-time text. */
    private static final int BATCH = 32;

    private ModelSpeed() {}

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "";
        Args a = new Args(Arrays.copyOfRange(args, 1, args.length));
        EmbeddingModels choice = EmbeddingModels.named(a.get("model", EmbeddingModels.BGE_SMALL_EN_V15_Q.id()));
        String session = a.get("session", "citeqa");
        EmbeddingModel model = switch (session) {
            case "citeqa" -> choice.load();
            case "stock" -> choice.loadStock();
            default -> throw new IllegalArgumentException("--session must be citeqa or stock, not " + session);
        };
        ObjectNode out = JSON.createObjectNode().put("model", choice.id()).put("session", session);
        switch (command) {
            case "texts" -> texts(model, Path.of(a.get("corpus", null)), Integer.parseInt(a.get("articles", "1000000")),
                    out);
            case "queries" -> queries(model, Questions.read(Path.of(a.get("questions", null))), a.ints("clients", "1,8,32"),
                    Long.parseLong(a.get("seconds", "10")), out);
            default -> throw new IllegalArgumentException("usage: ModelSpeed texts|queries --name value ...");
        }
        Files.writeString(Path.of(a.get("out", null)), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        System.err.println(out);
    }

    private static void texts(EmbeddingModel model, Path corpus, int maxArticles, ObjectNode out) throws Exception {
        LinkedHashSet<String> passages = new LinkedHashSet<>();
        int articles = 0;
        PassageChunker chunker = PassageChunker.of(CiteQaConfig.defaults().chunk());
        for (NewsCollection.SourceFile file : NewsCollection.scan(corpus, 2_000_000).files()) {
            Optional<ArticleParser.Parsed> parsed = ArticleParser.read(file.id(), file.text(), DateOrder.UNKNOWN);
            if (parsed.isEmpty()) {
                continue;
            }
            if (++articles > maxArticles) {
                articles--;
                break;
            }
            for (Passage p : chunker.chunk(file.id(), parsed.get().sentences())) {
                passages.add(IndexGenerator.embeddingText(parsed.get().article().title(), p));
            }
        }
        model.embed("warm-up");
        long passageNanos = embedInBatches(model, new ArrayList<>(passages));
        double seconds = passageNanos / 1e9;
        // Sentences are no longer embedded; the field stays for the report's older results.
        out.put("articles", articles).put("passageTexts", passages.size()).put("sentenceTexts", 0)
                .put("passageSeconds", seconds).put("sentenceSeconds", 0)
                .put("seconds", seconds).put("textsPerSecond", passages.size() / seconds)
                .put("articlesPerSecond", articles / seconds);
    }

    private static long embedInBatches(EmbeddingModel model, List<String> texts) {
        long started = System.nanoTime();
        for (int from = 0; from < texts.size(); from += BATCH) {
            model.embedAll(texts.subList(from, Math.min(from + BATCH, texts.size())).stream().map(TextSegment::from)
                    .toList());
        }
        return System.nanoTime() - started;
    }

    private static void queries(EmbeddingModel model, List<String> questions, int[] clients, long seconds,
            ObjectNode out) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        for (int i = 0; i < 20; i++) {
            model.embed(questions.get((int) (next.getAndIncrement() % questions.size())));
        }
        int singles = Math.min(200, questions.size() / 2);
        double[] ms = new double[singles];
        for (int i = 0; i < singles; i++) {
            String q = questions.get((int) (next.getAndIncrement() % questions.size()));
            long started = System.nanoTime();
            model.embed(q);
            ms[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(ms);
        out.put("singleQueryP50Ms", ms[singles / 2]).put("singleQueryP90Ms", ms[(int) (singles * 0.9)]);
        ObjectNode throughput = out.putObject("throughputByClients");
        for (int c : clients) {
            AtomicLong done = new AtomicLong();
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            long started = System.nanoTime();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < c; t++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    while (System.nanoTime() < deadline) {
                        model.embed(questions.get((int) (next.getAndIncrement() % questions.size())));
                        done.incrementAndGet();
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            throughput.put(String.valueOf(c), done.get() / ((System.nanoTime() - started) / 1e9));
        }
        out.put("questionsUsed", next.get()).put("questions", questions.size());
    }
}
