package dev.citeqa.search.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A two-node OpenSearch cluster on loopback ports, run from the distribution the build unpacked into
 * {@code target/opensearch} (system properties {@code opensearch.home} and {@code opensearch.knn.zip}, set by
 * the failsafe configuration).
 *
 * <p>Node 0 is cluster manager and data node, node 1 a data node only: stopping node 1 then leaves a working
 * cluster, which is the failure the tests simulate. Nodes are child processes rather than something a Maven
 * plugin starts, because the tests stop one mid-run, and because a child process dies with a test JVM that
 * fails or is killed (shutdown hook) instead of outliving the build.
 *
 * <p>OpenSearch refuses to run as root, and CI runs as root: there the node runs in a user namespace that
 * maps root to an ordinary user ID, so the server sees an ordinary user while it still owns its files.
 */
final class OpenSearchCluster implements AutoCloseable {

    private static final String HEAP = "-Xms256m -Xmx512m";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Path home;
    private final Path work;
    private final int[] httpPorts;
    private final int[] transportPorts;
    private final List<Process> nodes = new ArrayList<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private OpenSearchCluster(Path home, Path work, int size) {
        this.home = home;
        this.work = work;
        this.httpPorts = freePorts(19200, size);
        this.transportPorts = freePorts(19300, size);
    }

    /** Installs the k-NN plugin if needed, starts both nodes, and waits for a green cluster of two. */
    static OpenSearchCluster start(Path work) throws IOException, InterruptedException {
        Path home = Path.of(required("opensearch.home"));
        installKnn(home, Path.of(required("opensearch.knn.zip")));
        createKeystore(home);
        OpenSearchCluster cluster = new OpenSearchCluster(home, work, 2);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
        for (int i = 0; i < 2; i++) {
            cluster.nodes.add(cluster.launch(i));
        }
        cluster.awaitHealth("green", 2);
        return cluster;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException(property + " is not set; run the integration tests through Maven "
                    + "(./mvnw verify), which unpacks OpenSearch");
        }
        return value;
    }

    /** The unpacked distribution is reused between builds, so the plugin is installed once. */
    private static synchronized void installKnn(Path home, Path zip) throws IOException, InterruptedException {
        if (Files.isDirectory(home.resolve("plugins/opensearch-knn"))) {
            return;
        }
        ProcessBuilder install = new ProcessBuilder(home.resolve("bin/opensearch-plugin").toString(), "install",
                "--batch", zip.toUri().toString())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("knn-install.log").toFile());
        install.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
        if (install.start().waitFor() != 0) {
            throw new IOException("installing the k-NN plugin failed; see " + home.resolve("knn-install.log"));
        }
    }

    /**
     * Both nodes share the distribution's config folder, and a node creates the keystore there when it is
     * missing: on a fresh unpack two nodes starting together race on it and one dies. So it is made first.
     */
    private static synchronized void createKeystore(Path home) throws IOException, InterruptedException {
        if (Files.exists(home.resolve("config/opensearch.keystore"))) {
            return;
        }
        List<String> command = asOrdinaryUser();
        command.addAll(List.of(home.resolve("bin/opensearch-keystore").toString(), "create"));
        ProcessBuilder create = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("keystore-create.log").toFile());
        create.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
        if (create.start().waitFor() != 0) {
            throw new IOException("creating the keystore failed; see " + home.resolve("keystore-create.log"));
        }
    }

    /** OpenSearch refuses to run as root; as root, it runs in a user namespace mapping root to an ordinary ID. */
    private static List<String> asOrdinaryUser() {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "--user", "--map-user=1000", "--map-group=1000"));
        }
        return command;
    }

    private Process launch(int node) throws IOException {
        Path dir = work.resolve("node-" + node);
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of("nice", "-n", "10"));
        command.addAll(asOrdinaryUser());
        command.add(home.resolve("bin/opensearch").toString());
        String seeds = Arrays.stream(transportPorts).mapToObj(p -> "127.0.0.1:" + p)
                .collect(Collectors.joining(","));
        List<String> settings = List.of(
                "cluster.name=citeqa-it",
                "node.name=node-" + node,
                "node.roles=" + (node == 0 ? "cluster_manager,data,ingest" : "data,ingest"),
                "network.host=127.0.0.1",
                "http.port=" + httpPorts[node],
                "transport.port=" + transportPorts[node],
                "discovery.seed_hosts=" + seeds,
                "cluster.initial_cluster_manager_nodes=node-0",
                "path.data=" + dir.resolve("data"),
                "path.logs=" + dir.resolve("logs"),
                // A shared build machine's disk may be fuller than the default watermarks allow.
                "cluster.routing.allocation.disk.threshold_enabled=false");
        settings.forEach(s -> command.addAll(List.of("-E", s)));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("console.log").toFile());
        builder.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("OPENSEARCH_JAVA_OPTS", HEAP);
        return builder.start();
    }

    /** Base URLs of the nodes, node 0 first. */
    List<String> hosts() {
        return Arrays.stream(httpPorts).mapToObj(p -> "http://127.0.0.1:" + p).toList();
    }

    /** The terms the cluster's {@code analyzer} of {@code index} makes of {@code text}. */
    List<String> analyze(String index, String analyzer, String text) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("analyzer", analyzer, "text", text));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(hosts().getFirst() + "/" + index
                        + "/_analyze")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("_analyze answered " + response.statusCode() + ": " + response.body());
        }
        List<String> terms = new ArrayList<>();
        JSON.readTree(response.body()).path("tokens").forEach(t -> terms.add(t.path("token").asText()));
        return terms;
    }

    /** Stops one node as an operator or a crash would, without telling the cluster first. */
    void stop(int node) throws InterruptedException {
        Process process = nodes.get(node);
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Waits until node 0 reports at least {@code status} with exactly {@code nodes} nodes. */
    void awaitHealth(String status, int nodeCount) throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < nodes.size(); i++) {
                if (!nodes.get(i).isAlive() && i < nodeCount) {
                    throw new IllegalStateException("OpenSearch node " + i + " exited; see "
                            + work.resolve("node-" + i).resolve("console.log"));
                }
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(hosts().getFirst()
                                + "/_cluster/health?wait_for_status=" + status + "&wait_for_nodes=" + nodeCount
                                + "&timeout=5s")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                last = health.body();
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("OpenSearch did not become " + status + " with " + nodeCount
                + " nodes: " + last);
    }

    @Override
    public void close() {
        for (Process node : nodes) {
            node.destroy();
        }
        for (Process node : nodes) {
            try {
                if (!node.waitFor(60, TimeUnit.SECONDS)) {
                    node.destroyForcibly();
                }
            } catch (InterruptedException e) {
                node.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Ports free right now from {@code from} up, within the range of 100 this project's tests may use. */
    private static int[] freePorts(int from, int count) {
        int[] ports = new int[count];
        int found = 0;
        for (int port = from; port < from + 100 && found < count; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                ports[found++] = port;
            } catch (IOException e) {
                // taken; try the next
            }
        }
        if (found < count) {
            throw new UncheckedIOException(new IOException("no free ports from " + from));
        }
        return ports;
    }
}
