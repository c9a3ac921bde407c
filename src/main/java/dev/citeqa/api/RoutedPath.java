package dev.citeqa.api;

import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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

    private static final Pattern SLASHES = Pattern.compile("/{2,}");

    /** Where a request keeps its canonical path once worked out: the gate and the method check both ask for it. */
    private static final String ROUTED = "citeqa.routed-path";

    /** A canonical path, and the normalised path it was worked out from (a request routed again has another). */
    private record Routed(String from, String path) {}

    /** @return the canonical path, or null when its percent-escapes are malformed or not valid UTF-8 */
    static String of(RoutingContext context) {
        String normalized;
        try {
            normalized = context.normalizedPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (normalized == null) {
            return "";
        }
        Routed routed = context.get(ROUTED);
        if (routed == null || !routed.from().equals(normalized)) {
            String decoded = decode(normalized);
            routed = new Routed(normalized,
                    decoded == null ? null : SLASHES.matcher(decoded).replaceAll("/").toLowerCase(Locale.ROOT));
            context.put(ROUTED, routed);
        }
        return routed.path();
    }

    /**
     * The request URI with its raw non-ASCII bytes percent-escaped ("?q=Türkiye" typed into curl, which sends
     * the bytes as they are), the URI itself when it has none, or null when those bytes are not UTF-8. Netty
     * reads each byte of the request line as one ISO-8859-1 character, so left alone they would be read as
     * "TÃ¼rkiye" and match nothing; escaped, they are decoded as UTF-8 like any percent-escape.
     */
    static String escapeRawBytes(String uri) {
        int first = 0;
        while (first < uri.length() && uri.charAt(first) < 0x80) {
            first++;
        }
        if (first == uri.length()) {
            return uri;
        }
        byte[] raw = new byte[uri.length()];
        for (int i = 0; i < raw.length; i++) {
            char c = uri.charAt(i);
            if (c > 0xFF) {
                return null; // not a byte off the wire
            }
            raw[i] = (byte) c;
        }
        if (strictUtf8(raw) == null) {
            return null;
        }
        StringBuilder escaped = new StringBuilder(uri.length() * 2).append(uri, 0, first);
        for (int i = first; i < raw.length; i++) {
            int b = raw[i] & 0xFF;
            if (b < 0x80) {
                escaped.append((char) b);
            } else {
                escaped.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return escaped.toString();
    }

    /** Whether a query string's percent-escapes are well formed and spell UTF-8, as its path's must. */
    static boolean validQuery(String query) {
        return query == null || decode(query) != null;
    }

    /**
     * Percent-escapes decoded as strict UTF-8: an overlong form ("%c0%af" for "/") or a lone byte is refused,
     * where {@code URLDecoder} would quietly make it U+FFFD. "+" stays a plus: in a path it is no space.
     */
    private static String decode(String path) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length());
        byte[] raw = path.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '%') {
                bytes.write(raw[i]);
            } else if (i + 2 < raw.length && hex(raw[i + 1]) >= 0 && hex(raw[i + 2]) >= 0) {
                bytes.write(hex(raw[i + 1]) * 16 + hex(raw[i + 2]));
                i += 2;
            } else {
                return null;
            }
        }
        return strictUtf8(bytes.toByteArray());
    }

    /** The bytes as UTF-8, or null when they are not: no U+FFFD for a stray byte or an overlong form. */
    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    static boolean open(String path) {
        return OPEN.matcher(path).matches();
    }

    /** Quarkus's own endpoints (metrics, OpenAPI, Swagger UI): keyed when a key is set, not rate limited. */
    static boolean platform(String path) {
        return path.equals("/q") || path.startsWith("/q/");
    }

    /**
     * Whether the rate limit passes the path over: the platform's endpoints, and the status the page polls
     * while an index builds (cheap, and a monitor that polls it must not be told 429).
     */
    static boolean unlimited(String path) {
        return platform(path) || path.equals("/api/status");
    }

    static boolean admin(String path) {
        return path.equals("/api/admin") || path.startsWith("/api/admin/");
    }
}
