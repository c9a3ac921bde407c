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
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * HTTP load on a running service, in the manner of wrk2, for latency that coordinated omission cannot hide.
 *
 * <pre>
 * LoadGenerator --base URL --questions FILE --out FILE [--endpoints live,search,ask] [--clients 1,8,32]
 *               [--warmup-seconds 5] [--capacity-seconds 10] [--seconds 20] [--load 0.6] [--runs 1]
 * </pre>
 *
 * <p>For each number of clients, endpoint after endpoint (so that the ratio of two endpoints compares runs a
 * few seconds apart):
 * <ol>
 *   <li>capacity: each client sends its next request as soon as the previous answer arrives (closed loop);
 *       completed requests per second is the most the service sustains at that concurrency;
 *   <li>latency at a fixed rate of {@code load} × capacity: each client has its own schedule of intended
 *       send times (rate / clients apart, staggered between clients). A late answer delays the client's next
 *       send, and that request's latency counts from when it should have been sent, not when it was. A
 *       closed-loop tool (wrk, ab) instead waits, sends fewer requests while the service stalls and
 *       reports the stall once rather than for every request it held back.
 * </ol>
 *
 * <p>Every search and ask takes the next question of the file (shared across clients, endpoints and runs),
 * so that no cache in the service sees a question twice; if the file runs out it starts again, and the
 * report says so (a question then comes back only after every other one). Java's
 * HttpClient rather than wrk2 because Debian ships only the closed-loop wrk; HdrHistogram records latencies
 * to three significant digits without keeping every sample.
 */
public final class LoadGenerator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_MICROS = Duration.ofMinutes(2).toNanos() / 1000;

    private final String base;
    private final List<String> questions;
    private final AtomicLong nextQuestion = new AtomicLong();

    LoadGenerator(String base, List<String> questions) {
        this.base = base;
        this.questions = questions;
    }

    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        LoadGenerator load = new LoadGenerator(a.get("base", null), Questions.read(Path.of(a.get("questions", null))));
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
                            latency.percentileMs(50), latency.percentileMs(99), latency.errors + capacity.errors);
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
                boolean ok = send(client, endpoint);
                histogram.record(System.nanoTime() - start, ok);
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
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                boolean ok = send(client, endpoint);
                histogram.record(System.nanoTime() - intended, ok);
            }
        }, time);
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
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
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
        long errors = 0;
        for (Recorder r : recorders) {
            all.add(r.histogram);
            errors += r.errors;
        }
        return new Result(all, errors, seconds);
    }

    private String nextQuestion() {
        return questions.get((int) (nextQuestion.getAndIncrement() % questions.size()));
    }

    private boolean send(HttpClient client, String endpoint) throws InterruptedException {
        HttpRequest.Builder request = switch (endpoint) {
            case "live" -> HttpRequest.newBuilder(URI.create(base + "/q/health/live"));
            case "search" -> HttpRequest.newBuilder(URI.create(base + "/api/search?k=10&q="
                    + URLEncoder.encode(nextQuestion(), StandardCharsets.UTF_8)));
            case "ask" -> HttpRequest.newBuilder(URI.create(base + "/api/ask"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("question", nextQuestion())
                            .toString()));
            default -> throw new IllegalArgumentException("unknown endpoint " + endpoint + " (live, search, ask)");
        };
        try {
            HttpResponse<Void> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** One client's latencies, in microseconds. */
    private static final class Recorder {
        final Histogram histogram = new Histogram(MAX_MICROS, 3);
        long errors;

        void record(long nanos, boolean ok) {
            histogram.recordValue(Math.min(MAX_MICROS, Math.max(1, nanos / 1000)));
            if (!ok) {
                errors++;
            }
        }
    }

    record Result(Histogram histogram, long errors, double seconds) {

        double throughput() {
            return histogram.getTotalCount() / seconds;
        }

        double percentileMs(double p) {
            return histogram.getValueAtPercentile(p) / 1000.0;
        }

        ObjectNode write(ObjectNode node) {
            node.put("requests", histogram.getTotalCount()).put("errors", errors).put("seconds", seconds)
                    .put("throughput", throughput()).put("p50Ms", percentileMs(50)).put("p95Ms", percentileMs(95))
                    .put("p99Ms", percentileMs(99)).put("maxMs", histogram.getMaxValue() / 1000.0)
                    .put("meanMs", histogram.getMean() / 1000.0);
            return node;
        }
    }
}
