package dev.citeqa.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.citeqa.app.ExposureWarning;
import dev.citeqa.config.CiteQaConfig;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Admission. For every request, on loopback without a key: a Host header that names this machine. Then for
 * everything but the chat page's own files and the health probes ({@link RoutedPath#open}): the per-client rate
 * limit, then the API key when one is set. The limit comes first so that guessing keys costs tokens too; platform
 * endpoints under {@code /q/} (metrics, OpenAPI) and {@code /api/status} are not limited, but need the key, and a
 * wrong key costs a token there too. The admin endpoints ({@code /api/admin/}) always need the key, and do not
 * exist (404) when none is configured. Runs as a Vert.x route handler, before the request body is read.
 */
@ApplicationScoped
public class ApiGate {

    private static final String BEARER = "bearer ";

    @Inject
    CiteQaConfig config;

    @Inject
    MeterRegistry registry;

    /** The address the server binds, which {@code citeqa.http.host} sets unless overridden directly. */
    @ConfigProperty(name = "quarkus.http.host", defaultValue = "127.0.0.1")
    String bindHost;

    /** Any address of 127.0.0.0/8, compiled once: the Host check runs on every request. */
    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    /** Host header names accepted, or null when any is (a key is set, or the service listens beyond loopback). */
    private Set<String> localNames;

    /** Token buckets by client. One idle for a whole period is full again, so forgetting it loses nothing. */
    private Cache<String, Bucket> buckets;
    private Counter limited;
    private byte[] keyDigest;

    void install(@Observes Router router) {
        CiteQaConfig.RateLimit limit = config.http().rateLimit();
        if (limit.requests() < 0 || limit.period().isNegative() || limit.period().isZero()) {
            throw new IllegalArgumentException(
                    "citeqa.http.rate-limit.requests must be 0 or more and citeqa.http.rate-limit.period positive");
        }
        buckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(limit.period()).build();
        limited = Counter.builder("citeqa.rate.limited").description("Requests refused by the per-client rate limit")
                .register(registry);
        keyDigest = config.apiKey().filter(k -> !k.isBlank()).map(ApiGate::digest).orElse(null);
        if (keyDigest == null && ExposureWarning.loopback(bindHost)) {
            localNames = new HashSet<>(List.of("localhost", "127.0.0.1", "::1"));
            config.http().allowedHosts().orElse(List.of()).forEach(h -> localNames.add(hostName(h)));
        }
        router.route().order(HttpOrder.GATE).handler(this::admit);
        router.route().order(HttpOrder.GATE).failureHandler(context -> {
            // Vert.x fails an HTTP/1.1 request without a Host header, or with one that is not host[:port], before
            // any handler runs; Quarkus's last resort would answer in plain text and log it as a server error.
            if (!context.response().headWritten() && context.statusCode() == 400
                    && context.request().authority() == null && context.request().version() != HttpVersion.HTTP_1_0) {
                HttpErrors.send(context, 400, INVALID_HOST, "invalid_host");
            } else {
                context.next();
            }
        });
    }

    private static final String INVALID_HOST = "The Host header must be given once, as host or host:port.";

    private void admit(RoutingContext context) {
        if (context.request().headers().getAll(HttpHeaders.HOST).size() > 1) {
            // RFC 9112, 3.2: two Host headers are refused, as a proxy and this service could each read another.
            HttpErrors.send(context, 400, INVALID_HOST, "invalid_host");
            return;
        }
        String foreign = localNames == null ? null : foreignHost(context);
        if (foreign != null) {
            // DNS rebinding: a page of evil.example whose name now resolves to 127.0.0.1 is same-origin with this
            // service in the browser, and could read the corpus; its requests still name evil.example.
            HttpErrors.send(context, 403, "This service answers requests for localhost only, not for \""
                    + foreign + "\"; citeqa.http.allowed-hosts can add a name.", "invalid_host");
            return;
        }
        // The REST layer drops matrix parameters (";x") before routing, so a path prefix check on the raw path
        // would let "/api;x/ask" past the gate. No resource here takes them: refuse them outright.
        if (context.request().path() != null && context.request().path().indexOf(';') >= 0) {
            HttpErrors.send(context, 400, "Matrix parameters (';' in the path) are not accepted.", "invalid_path");
            return;
        }
        String path = RoutedPath.of(context);
        if (path == null) {
            HttpErrors.send(context, 400, "The path is not valid percent-encoded UTF-8.", "invalid_path");
            return;
        }
        if (!RoutedPath.validQuery(context.request().query())) {
            // Decoded leniently further on, a stray byte would become U+FFFD and search for nothing.
            HttpErrors.send(context, 400, "The query string is not valid percent-encoded UTF-8.", "invalid_query");
            return;
        }
        if (RoutedPath.open(path)) {
            context.next();
            return;
        }
        // Everything that is not the page or a health probe is gated (deny by default), so a spelling of a
        // path that routing accepts but this check does not foresee still meets the key.
        if (!RoutedPath.unlimited(path) && !withinRate(context)) {
            return;
        }
        if (keyDigest == null) {
            if (RoutedPath.admin(path)) {
                HttpErrors.send(context, 404, "No such resource.", "not_found");
            } else {
                context.next();
            }
            return;
        }
        String given = presentedKey(context);
        // Digests of equal length, compared in constant time: neither the key's length nor a matching prefix
        // shows in the response time.
        boolean wrong = given != null && !MessageDigest.isEqual(keyDigest, digest(given));
        if (wrong && RoutedPath.unlimited(path) && !withinRate(context)) {
            // Paths that cost nothing to answer are not rate-limited, but a wrong key costs a token on any path:
            // else /api/status would take guesses as fast as a client can send them.
            return;
        }
        if (given == null || wrong) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            HttpErrors.send(context, 401, given == null
                    ? "An API key is required: send \"Authorization: Bearer <key>\" or \"X-API-Key: <key>\"."
                    : "The API key is not valid.", "invalid_api_key");
            return;
        }
        context.next();
    }

    private boolean withinRate(RoutingContext context) {
        CiteQaConfig.RateLimit limit = config.http().rateLimit();
        if (limit.requests() == 0) {
            return true;
        }
        Bucket bucket = buckets.get(client(context), key -> Bucket.builder()
                .addLimit(l -> l.capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return true;
        }
        limited.increment();
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999));
        context.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        HttpErrors.send(context, 429, "Too many requests; retry after " + seconds + " s.", "rate_limit_exceeded");
        return false;
    }

    /**
     * The host a request names that is neither this machine nor a name allowed, or null; a request that names none
     * (HTTP/1.0 without Host) is let by. A request target in absolute form ("GET http://evil.example/api/status")
     * names its host as surely as the Host header, and RFC 9112 (3.2.2) has a server read the target's: both are
     * checked.
     */
    private String foreignHost(RoutingContext context) {
        Matcher absolute = ABSOLUTE_TARGET.matcher(context.request().uri());
        if (absolute.lookingAt() && !local(hostName(absolute.group(1)))) {
            return hostName(absolute.group(1));
        }
        var authority = context.request().authority();
        if (authority == null || authority.host() == null) {
            return null;
        }
        return local(hostName(authority.host())) ? null : authority.host();
    }

    private boolean local(String host) {
        // All of 127.0.0.0/8 is loopback, and a browser resolves "*.localhost" to loopback itself.
        return localNames.contains(host) || LOOPBACK_V4.matcher(host).matches() || host.endsWith(".localhost");
    }

    /** A request target in absolute form: its host and port (group 1), after any user information. */
    private static final Pattern ABSOLUTE_TARGET = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://(?:[^/?#@]*@)?([^/?#]*)");

    /**
     * A host name as compared: lower case, without IPv6 brackets, a trailing dot or a port ("News.example.org:443"
     * in the allowed names is "news.example.org").
     */
    static String hostName(String host) {
        String name = host.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            int close = name.indexOf(']');
            name = close > 0 ? name.substring(1, close) : name.substring(1);
        } else if (name.indexOf(':') == name.lastIndexOf(':') && name.indexOf(':') > 0) {
            name = name.substring(0, name.indexOf(':')); // one colon: a port; more: an IPv6 address
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    /** The remote address; behind a proxy, Quarkus's forwarding settings decide what that is. */
    static String client(RoutingContext context) {
        SocketAddress remote = context.request().remoteAddress();
        return remote == null || remote.host() == null ? "unknown" : remote.host();
    }

    private static String presentedKey(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).strip();
        }
        return context.request().getHeader("X-API-Key");
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
