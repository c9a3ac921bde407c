package dev.citeqa.api;

import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The path as routing sees it, for decisions about access: dot segments removed, repeated slashes collapsed,
 * percent-escapes decoded ("/%61pi/ask" is routed like "/api/ask"). Lower-cased for the comparisons here, so a
 * case the router might fold cannot slip past them.
 */
final class RoutedPath {

    private RoutedPath() {}

    /** The page's own files and the health probes: open to anyone, with or without a key. */
    private static final Pattern OPEN = Pattern.compile("/|/index\\.html|/favicon\\.svg|/(css|js)/[^/]+"
            + "|/q/health(/(live|ready|started))?/?");

    /** @return the canonical path, or null when its percent-escapes are not valid UTF-8 */
    static String of(RoutingContext context) {
        String path = context.normalizedPath();
        if (path == null) {
            return "";
        }
        try {
            // "+" is a plain character in a path, not a space.
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return path.replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
    }

    static boolean open(String path) {
        return OPEN.matcher(path).matches();
    }

    /** Quarkus's own endpoints (metrics, OpenAPI, Swagger UI): keyed when a key is set, not rate limited. */
    static boolean platform(String path) {
        return path.equals("/q") || path.startsWith("/q/");
    }

    static boolean admin(String path) {
        return path.equals("/api/admin") || path.startsWith("/api/admin/");
    }
}
