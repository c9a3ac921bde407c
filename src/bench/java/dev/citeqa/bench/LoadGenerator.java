package dev.citeqa.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The HTTP load client of the benchmarks, in three modes. Run it with {@code bench/java.sh
 * dev.citeqa.bench.LoadGenerator ...}. Questions come from a JSON-lines file (default eval/questions.jsonl).
 *
 * <pre>
 * --mode capacity (the default; bench/run.sh, JSON for bench/report.py):
 *   --base URL --out FILE [--questions FILE] [--endpoints live,search,ask] [--clients 1,8,32]
 *   [--warmup-seconds 5] [--capacity-seconds 10] [--seconds 20] [--load 0.6] [--runs 1]
 * --mode open (bench/load.sh; exits 1 on any 5xx or connection error):
 *   --base URL [--questions FILE] [--rate 5] [--seconds 60]
 * --mode compare (bench/modes.sh, bench/opensearch.sh; a Markdown table):
 *   --base NAME=URL --base NAME=URL ... [--questions FILE] [--runs 10]
 * </pre>
 *
 * <p><b>capacity</b>, in the manner of wrk2, for latency that coordinated omission cannot hide. For each number
 * of clients, endpoint after endpoint (so that the ratio of two endpoints compares runs a few seconds apart):
 * <ol>
 *   <li>capacity: each client sends its next request as soon as the previous answer arrives (closed loop);
 *       completed requests per second is the most the service sustains at that concurrency;
 *   <li>latency at a fixed rate of {@code load} × capacity: each client has its own schedule of intended
 *       send times (rate / clients apart, staggered between clients). A late answer delays the client's next
 *       send, and that request's latency counts from when it should have been sent, not when it was. A
 *       closed-loop tool (wrk, ab) instead waits, sends fewer requests while the service stalls and
 *       reports the stall once rather than for every request it held back.
 * </ol>
 * Every search and ask takes the next question of the file (shared across clients, endpoints and runs),
 * so that no cache in the service sees a question twice; if the file runs out it starts again, and the
 * report says so (a question then comes back only after every other one).
 *
 * <p><b>open</b>: one {@code POST /api/ask} every 1/rate seconds whatever the service's speed, with no bound on
 * requests in flight, so that requests queue up in the service as they would from many users (a client that
 * waits slows down with the service and hides the queue). Prints the status counts, p50/p90/p99/max latency
 * and the service's heap (from /q/metrics) every 10 s.
 *
 * <p><b>compare</b>: asks every question (follow-ups in their conversation) of every service, alternating between
 * services question by question, so that load from elsewhere on a shared machine hits them alike; one untimed
 * pass warms them up first. Prints, per service, the medians of {@link Comparison}.
 *
 * <p>Java's HttpClient rather than wrk2 because Debian ships only the closed-loop wrk; HdrHistogram records
 * latencies to three significant digits without keeping every sample.
 */
public final class LoadGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_MICROS = Duration.ofMinutes(2).toNanos() / 1000;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern HEAP =
            Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$");

    private final String base;
    private final List<String> questions;
    private final AtomicLong nextQuestion = new AtomicLong();

    LoadGenerator(String base, List<String> questions) {
        this.base = base;
        this.questions = questions;
    }

    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        Path questions = Path.of(a.get("questions", "eval/questions.jsonl"));
        switch (a.get("mode", "capacity")) {
            case "capacity" -> capacity(a, new LoadGenerator(a.get("base", null), Questions.read(questions)));
            case "open" -> {
                LoadGenerator load = new LoadGenerator(a.get("base", null), Questions.read(questions));
                Result result = load.openLoop(Double.parseDouble(a.get("rate", "5")),
                        Duration.ofSeconds(Long.parseLong(a.get("seconds", "60"))));
                System.exit(result.failed() ? 1 : 0);
            }
            case "compare" -> compare(a.all("base"), Questions.conversations(questions),
                    Integer.parseInt(a.get("runs", "10")));
            default -> throw new IllegalArgumentException("--mode is capacity, open or compare");
        }
    }

    private static void capacity(Args a, LoadGenerator load) throws Exception {
        List<String> endpoints = List.of(a.get("endpoints", "live,search,ask").split(","));
        int[] clients = a.ints("clients", "1,8,32");
        double loadFactor = Double.parseDouble(a.get("load", "0.6"));
        Duration warmup = Duration.ofSeconds(Long.parseLong(a.get("warmup-seconds", "5")));
        Duration capacityTime = Duration.ofSeconds(Long.parseLong(a.get("capacity-seconds", "10")));
        Duration latencyTime = Duration.ofSeconds(Long.parseLong(a.get("seconds", "20")));
        int runs = Integer.parseInt(a.get("runs", "1"));

        ObjectNode out = JSON.createObjectNode();
        out.put("base", load.base);
        out.put("load", loadFactor);
        out.put("capacitySeconds", capacityTime.toSeconds());
        out.put("latencySeconds", latencyTime.toSeconds());
        ArrayNode cells = out.putArray("cells");
        for (String endpoint : endpoints) {
            load.closedLoop(endpoint, 2, warmup);
        }
        for (int run = 1; run <= runs; run++) {
            for (int c : clients) {
                for (String endpoint : endpoints) {
                    Result capacity = load.closedLoop(endpoint, c, capacityTime);
                    double rate = Math.max(0.5, loadFactor * capacity.throughput());
                    Result latency = load.fixedRate(endpoint, c, rate, latencyTime);
                    ObjectNode cell = cells.addObject();
                    cell.put("run", run).put("endpoint", endpoint).put("clients", c);
                    capacity.write(cell.putObject("capacity"));
                    latency.write(cell.putObject("fixedRate")).put("targetRate", rate);
                    System.err.printf("run %d %-6s clients=%-2d capacity %.1f/s | at %.1f/s p50 %.1f p99 %.1f ms"
                                    + " (%d errors)%n", run, endpoint, c, capacity.throughput(), rate,
                            latency.percentileMs(50), latency.percentileMs(99), latency.errors() + capacity.errors());
                }
            }
        }
        out.put("questions", load.questions.size());
        out.put("questionsUsed", load.nextQuestion.get());
        Files.writeString(Path.of(a.get("out", null)), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
    }

    /** Each client sends back to back for {@code time}. */
    Result closedLoop(String endpoint, int clients, Duration time) throws InterruptedException {
        return run(clients, (client, histogram, deadline) -> {
            while (System.nanoTime() < deadline) {
                long start = System.nanoTime();
                String status = send(client, endpoint);
                histogram.record(System.nanoTime() - start, status);
            }
        }, time);
    }

    /** Requests at {@code rate} per second in all, each client on its own schedule; latency from intended start. */
    Result fixedRate(String endpoint, int clients, double rate, Duration time) throws InterruptedException {
        long interval = (long) (clients * 1e9 / rate);
        long begin = System.nanoTime() + 50_000_000L;
        int[] ids = {0};
        return run(clients, (client, histogram, deadline) -> {
            int id;
            synchronized (ids) {
                id = ids[0]++;
            }
            for (long intended = begin + id * interval / clients; intended < deadline; intended += interval) {
                waitUntil(intended);
                String status = send(client, endpoint);
                histogram.record(System.nanoTime() - intended, status);
            }
        }, time);
    }

    /** Asks at {@code rate} per second without waiting for answers; prints the summary and the heap over time. */
    Result openLoop(double rate, Duration time) throws InterruptedException {
        HttpClient client = newClient();
        Recorder recorder = new Recorder();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        List<String> heap = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        long start = System.nanoTime();
        // Its own thread, so that a slow /q/metrics never holds back a request.
        Thread sampler = Thread.ofPlatform().start(() -> {
            try {
                do {
                    heap.add(String.format("%3ds heap %s MiB", (System.nanoTime() - start) / 1_000_000_000L,
                            heapMiB(client)));
                } while (!done.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long interval = (long) (1e9 / rate);
        for (long intended = start; intended < start + time.toNanos(); intended += interval) {
            waitUntil(intended);
            long from = intended;
            pending.add(client.sendAsync(request("ask"), HttpResponse.BodyHandlers.discarding())
                    .handle((response, error) -> {
                        synchronized (recorder) {
                            recorder.record(System.nanoTime() - from, status(response, error));
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        done.countDown();
        sampler.join();
        heap.add(String.format("end  heap %s MiB", heapMiB(client)));

        Result result = new Result(recorder.histogram, recorder.statuses, (System.nanoTime() - start) / 1e9);
        long fiveHundreds = result.statuses().entrySet().stream().filter(e -> e.getKey().startsWith("5"))
                .mapToLong(Map.Entry::getValue).sum();
        System.out.printf("requests %d at %.1f/s for %d s; statuses %s; 5xx %d%n", result.histogram().getTotalCount(),
                rate, time.toSeconds(), result.statuses(), fiveHundreds);
        System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", result.percentileMs(50),
                result.percentileMs(90), result.percentileMs(99), result.histogram().getMaxValue() / 1000.0);
        heap.forEach(System.out::println);
        return result;
    }

    /** Services ({@code NAME=URL}) asked in turn, question by question, {@code runs} times; prints the table. */
    static void compare(List<String> bases, List<List<String>> conversations, int runs) throws Exception {
        Map<String, LoadGenerator> services = new LinkedHashMap<>();
        for (String b : bases) {
            String[] nameUrl = b.split("=", 2);
            services.put(nameUrl[0], new LoadGenerator(nameUrl[1], List.of()));
        }
        Comparison comparison = new Comparison(List.copyOf(services.keySet()));
        try (HttpClient client = newClient()) {
            for (int run = 0; run <= runs; run++) { // run 0 warms the services up and is not counted
                Map<String, List<Double>> times = new TreeMap<>();
                for (List<String> turns : conversations) {
                    for (var service : services.entrySet()) {
                        times.computeIfAbsent(service.getKey(), k -> new ArrayList<>())
                                .addAll(service.getValue().converse(client, turns));
                    }
                }
                if (run > 0) {
                    times.forEach(comparison::add);
                }
            }
        }
        System.out.printf("%d questions x %d runs%n%s", conversations.size(), runs, comparison.table());
    }

    /** Asks the turns of one question in one conversation; the time of each turn in ms. */
    List<Double> converse(HttpClient client, List<String> turns) throws IOException, InterruptedException {
        List<Double> times = new ArrayList<>();
        String conversation = null;
        for (String turn : turns) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(ask(turn, conversation), HttpResponse.BodyHandlers.ofString());
            times.add((System.nanoTime() - start) / 1e6);
            if (response.statusCode() != 200) {
                throw new IOException(base + " answered " + response.statusCode() + ": " + response.body());
            }
            conversation = JSON.readTree(response.body()).get("conversationId").asText();
        }
        return times;
    }

    private interface Loop {
        void run(HttpClient client, Recorder histogram, long deadline) throws Exception;
    }

    private Result run(int clients, Loop loop, Duration time) throws InterruptedException {
        List<Recorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        long deadline = started + time.toNanos();
        for (int i = 0; i < clients; i++) {
            Recorder recorder = new Recorder();
            recorders.add(recorder);
            // One client per connection, like a wrk connection: its own HttpClient keeps its own socket.
            HttpClient client = newClient();
            threads.add(Thread.ofPlatform().name("client-" + i).start(() -> {
                try (client) {
                    loop.run(client, recorder, deadline);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Histogram all = new Histogram(MAX_MICROS, 3);
        Map<String, Long> statuses = new TreeMap<>();
        for (Recorder r : recorders) {
            all.add(r.histogram);
            r.statuses.forEach((status, n) -> statuses.merge(status, n, Long::sum));
        }
        return new Result(all, statuses, seconds);
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private static void waitUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private String nextQuestion() {
        return questions.get((int) (nextQuestion.getAndIncrement() % questions.size()));
    }

    private HttpRequest request(String endpoint) {
        return switch (endpoint) {
            case "live" -> HttpRequest.newBuilder(URI.create(base + "/q/health/live")).timeout(TIMEOUT).build();
            case "search" -> HttpRequest.newBuilder(URI.create(base + "/api/search?k=10&q="
                    + URLEncoder.encode(nextQuestion(), StandardCharsets.UTF_8))).timeout(TIMEOUT).build();
            case "ask" -> ask(nextQuestion(), null);
            default -> throw new IllegalArgumentException("unknown endpoint " + endpoint + " (live, search, ask)");
        };
    }

    private HttpRequest ask(String question, String conversationId) {
        ObjectNode body = JSON.createObjectNode().put("question", question);
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        return HttpRequest.newBuilder(URI.create(base + "/api/ask")).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    /** The status code, or "error" and the exception's name when no response came. */
    private String send(HttpClient client, String endpoint) throws InterruptedException {
        try {
            return status(client.send(request(endpoint), HttpResponse.BodyHandlers.discarding()), null);
        } catch (IOException e) {
            return status(null, e);
        }
    }

    private static String status(HttpResponse<?> response, Throwable error) {
        if (error instanceof CompletionException && error.getCause() != null) {
            error = error.getCause();
        }
        return error != null ? "error " + error.getClass().getSimpleName() : String.valueOf(response.statusCode());
    }

    /** Heap in use, summed over the JVM's heap pools, as the service's Prometheus endpoint reports it. */
    private String heapMiB(HttpClient client) {
        try {
            String metrics = client.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).timeout(TIMEOUT)
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = HEAP.matcher(metrics);
            double bytes = 0;
            while (m.find()) {
                bytes += Double.parseDouble(m.group(1));
            }
            return String.format("%.0f", bytes / (1 << 20));
        } catch (Exception e) {
            return "? (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** One client's latencies, in microseconds, and how many requests came to each status. */
    private static final class Recorder {
        final Histogram histogram = new Histogram(MAX_MICROS, 3);
        final Map<String, Long> statuses = new TreeMap<>();

        void record(long nanos, String status) {
            histogram.recordValue(Math.min(MAX_MICROS, Math.max(1, nanos / 1000)));
            statuses.merge(status, 1L, Long::sum);
        }
    }

    record Result(Histogram histogram, Map<String, Long> statuses, double seconds) {

        /** Requests not answered 200. */
        long errors() {
            return statuses.entrySet().stream().filter(e -> !e.getKey().equals("200")).mapToLong(Map.Entry::getValue)
                    .sum();
        }

        /** A 5xx or a connection error: the service failed, where a 4xx (such as 429) is its choice. */
        boolean failed() {
            return statuses.keySet().stream().anyMatch(s -> s.startsWith("5") || s.startsWith("error"));
        }

        double throughput() {
            return histogram.getTotalCount() / seconds;
        }

        double percentileMs(double p) {
            return histogram.getValueAtPercentile(p) / 1000.0;
        }

        ObjectNode write(ObjectNode node) {
            node.put("requests", histogram.getTotalCount()).put("errors", errors()).put("seconds", seconds)
                    .put("throughput", throughput()).put("p50Ms", percentileMs(50)).put("p95Ms", percentileMs(95))
                    .put("p99Ms", percentileMs(99)).put("maxMs", histogram.getMaxValue() / 1000.0)
                    .put("meanMs", histogram.getMean() / 1000.0);
            node.set("statuses", JSON.valueToTree(statuses));
            return node;
        }
    }
}
