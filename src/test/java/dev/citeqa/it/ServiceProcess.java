package dev.citeqa.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The packaged service as a process of its own, as the integration tests run it: each test gets a folder under
 * target/ with a corpus folder and a data folder, and the process is killed after the test if still running.
 */
abstract class ServiceProcess {

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    protected final ObjectMapper json = new ObjectMapper();
    private final String folder;
    protected Path root;
    protected Path corpus;
    protected Path data;
    protected Process service;
    protected int port;
    protected int run;
    /** When the last {@link #start} was asked for. */
    protected long startedNanos;

    /** @param folder the test's folder under target/ */
    ServiceProcess(String folder) {
        this.folder = folder;
    }

    @BeforeEach
    void makeFolders() throws IOException {
        root = Path.of("target", folder).toAbsolutePath();
        deleteTree(root);
        corpus = Files.createDirectories(root.resolve("corpus"));
        data = root.resolve("data");
    }

    @AfterEach
    void killService() {
        if (service != null) {
            service.destroyForcibly();
        }
    }

    /** Starts the service with these {@code -D} options on a new port; its output goes to service-N.log. */
    void start(List<String> options) throws IOException {
        port = freePort();
        startedNanos = System.nanoTime();
        service = start(root, port, options, log(++run));
    }

    Path log(int run) {
        return root.resolve("service-" + run + ".log");
    }

    /**
     * Starts {@code target/quarkus-app/quarkus-run.jar} with half a gigabyte of heap, on loopback at
     * {@code port}, with the given {@code -D} options, its output in {@code log}. Its working folder is
     * {@code root}, so that no application.properties of the repository is read.
     */
    static Process start(Path root, int port, List<String> options, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        assertTrue(Files.exists(jar), "package the service first: " + jar);
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1"));
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.directory(root.toFile());
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        return builder.start();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
