package dev.citeqa.app;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A service told to listen on every interface ({@code citeqa.http.host=0.0.0.0}) with no API key: it does, and
 * its start-up log says that anyone who can reach it can use it. (That it listens on this machine only by
 * default, ListenAddressTest checks.)
 */
@QuarkusTest
@TestProfile(ExposureWarningTest.Profile.class)
class ExposureWarningTest {

    /** The start-up log, written to a file of this test run's own: LogCapture would start after start-up. */
    static final Path LOG = Path.of("target", "exposure-warning-" + ProcessHandle.current().pid() + ".log");

    public static final class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("citeqa.http.host", "0.0.0.0", "quarkus.log.file.enabled", "true",
                    "quarkus.log.file.path", LOG.toString());
        }
    }

    @Test
    void listeningBeyondThisMachineWithoutAKeyIsWarnedOf() throws IOException {
        String warning = "Listening on 0.0.0.0, beyond this machine, with no API key: anyone who can reach it can "
                + "ask questions and read the corpus. Set citeqa.api-key, or citeqa.http.host=127.0.0.1 to serve "
                + "this machine only.";
        List<String> lines = Files.readAllLines(LOG).stream().filter(line -> line.endsWith(warning)).toList();
        assertEquals(1, lines.size(), Files.readString(LOG));
        assertTrue(lines.getFirst().contains(" WARN "), lines.getFirst());
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void itIsReachableOnTheMachinesOtherAddresses() throws IOException {
        InetAddress other = ListenAddressTest.nonLoopbackAddress();
        Assumptions.assumeTrue(other != null, "this machine has no address but loopback");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(other, RestAssured.port), 5000);
        }
    }

    @Test
    void loopbackMeansThisMachineOnly() {
        for (String host : List.of("127.0.0.1", "::1", "localhost")) {
            assertTrue(ExposureWarning.loopback(host), host);
        }
        for (String host : List.of("0.0.0.0", "::", "no-such-host.invalid")) {
            assertFalse(ExposureWarning.loopback(host), host);
        }
    }
}
