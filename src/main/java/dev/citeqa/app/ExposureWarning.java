package dev.citeqa.app;

import dev.citeqa.config.CiteQaConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Warns at start-up when the service listens beyond this machine with no API key: then anyone on the network
 * can ask questions and read the whole corpus. Reads the address the HTTP server really binds
 * ({@code quarkus.http.host}, which {@code citeqa.http.host} sets unless it is overridden directly).
 */
@ApplicationScoped
public class ExposureWarning {

    private static final Logger LOG = Logger.getLogger(ExposureWarning.class);

    @ConfigProperty(name = "quarkus.http.host")
    String host;

    @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true")
    boolean listening;

    void check(@Observes StartupEvent event, CiteQaConfig config) {
        boolean keyed = config.apiKey().filter(k -> !k.isBlank()).isPresent();
        if (listening && !keyed && !loopback(host)) {
            LOG.warnf("Listening on %s, beyond this machine, with no API key: anyone who can reach it can ask "
                    + "questions and read the corpus. Set citeqa.api-key, or citeqa.http.host=127.0.0.1 to serve "
                    + "this machine only.", host);
        }
    }

    /** Whether {@code host} is this machine only: a name or address all of whose addresses are loopback. */
    public static boolean loopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            return addresses.length > 0 && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
