import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Open-loop load on POST /api/ask: one request every 1/rate seconds whatever the service's speed (a closed loop
 * would slow down with the service and hide queueing), questions taken in turn from a question file. Prints
 * status counts, p50/p90/p99/max latency, and the service's heap (from /q/metrics) every 10 s.
 *
 *   java bench/LoadClient.java BASE_URL RATE_PER_SECOND SECONDS [QUESTIONS.jsonl]
 *
 * Single-file program (JDK 21+), no dependencies: run by bench/load.sh.
 */
public class LoadClient {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        double rate = Double.parseDouble(args[1]);
        int seconds = Integer.parseInt(args[2]);
        List<String> questions = questions(Path.of(args.length > 3 ? args[3] : "eval/questions.jsonl"));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        List<Long> latencies = new CopyOnWriteArrayList<>();
        ConcurrentHashMap<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        List<String> heap = new ArrayList<>();
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long nextSample = start;
        for (long i = 0; ; i++) {
            long due = start + i * intervalNanos;
            if (due >= end) {
                break;
            }
            while (System.nanoTime() < due) {
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000), 0);
            }
            if (System.nanoTime() >= nextSample) {
                heap.add(String.format("%3ds heap %s MiB", (System.nanoTime() - start) / 1_000_000_000L,
                        heapMiB(client, base)));
                nextSample += 10_000_000_000L;
            }
            String question = questions.get((int) (i % questions.size())).replace("\\", "\\\\").replace("\"", "\\\"");
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/ask"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"" + question + "\"}"))
                    .build();
            long sent = System.nanoTime();
            pending.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
                latencies.add(System.nanoTime() - sent);
                String key = error != null ? "error " + error.getClass().getSimpleName() : "" + response.statusCode();
                statuses.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                return null;
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        heap.add(String.format("end  heap %s MiB", heapMiB(client, base)));

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        long fiveHundreds = statuses.entrySet().stream().filter(e -> e.getKey().startsWith("5"))
                .mapToLong(e -> e.getValue().get()).sum();
        System.out.printf("requests %d at %.1f/s for %d s; statuses %s; 5xx %d%n", sorted.size(), rate, seconds,
                statuses, fiveHundreds);
        System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", pct(sorted, 50), pct(sorted, 90),
                pct(sorted, 99), sorted.getLast() / 1e6);
        heap.forEach(System.out::println);
        System.exit(fiveHundreds == 0 && statuses.keySet().stream().noneMatch(k -> k.startsWith("error")) ? 0 : 1);
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    /** Heap in use, summed over the JVM's heap pools, as the service's Prometheus endpoint reports it. */
    private static String heapMiB(HttpClient client, String base) {
        try {
            String metrics = client.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$").matcher(metrics);
            double bytes = 0;
            while (m.find()) {
                bytes += Double.parseDouble(m.group(1));
            }
            return String.format("%.0f", bytes / (1 << 20));
        } catch (Exception e) {
            return "? (" + e.getMessage() + ")";
        }
    }

    private static List<String> questions(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"question\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(Files.readString(file));
        while (m.find()) {
            out.add(m.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
        }
        return out;
    }
}
