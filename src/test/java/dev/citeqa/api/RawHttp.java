package dev.citeqa.api;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange over a plain socket, with the request line exactly as given: HTTP clients normalise
 * paths ("/./", "%61"), and the point of the tests using this is that the server sees them raw.
 */
public final class RawHttp {

    public record Response(int status, String head, String body) {}

    private RawHttp() {}

    public static Response send(String method, String rawPath, Map<String, String> headers, String body)
            throws IOException {
        StringBuilder request = new StringBuilder(method + " " + rawPath + " HTTP/1.1\r\n");
        request.append("Host: 127.0.0.1\r\nConnection: close\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Length: ").append(payload.length).append("\r\n");
        }
        request.append("\r\n");
        return exchange(request.toString(), payload);
    }

    /** Sends {@code request} (request line and headers, ending in a blank line) as written, then {@code payload}. */
    public static Response exchange(String request, byte[] payload) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            byte[] bytes = socket.getInputStream().readAllBytes();
            int split = indexOf(bytes, 0);
            String head = new String(bytes, 0, split < 0 ? bytes.length : split, StandardCharsets.ISO_8859_1);
            byte[] rest = split < 0 ? new byte[0] : Arrays.copyOfRange(bytes, split + 4, bytes.length);
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            boolean chunked = head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked");
            return new Response(status, head, new String(chunked ? dechunk(rest) : rest, StandardCharsets.UTF_8));
        }
    }

    /** The spellings of {@code path} that a router may treat as the same resource. */
    public static List<String> spellings(String path) {
        int second = path.indexOf('/', 1);
        String first = path.substring(1, second);
        String rest = path.substring(second);
        List<String> out = new ArrayList<>();
        out.add("/" + first + ";" + rest);
        out.add("/" + first + ";x=1" + rest);
        out.add(path + ";x");
        out.add("/%" + Integer.toHexString(first.charAt(0)) + first.substring(1) + rest);
        out.add("/" + first + "/%" + Integer.toHexString(rest.charAt(1)) + rest.substring(2));
        out.add("/" + path);
        out.add("/./" + path.substring(1));
        out.add("/" + first + "/x/.." + rest);
        out.add(path.toUpperCase(Locale.ROOT));
        out.add("/" + Character.toUpperCase(first.charAt(0)) + first.substring(1) + rest);
        return out;
    }

    /** Where the blank line (CRLF CRLF) that ends the head starts, or -1. */
    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 3 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = at;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
            if (size == 0 || lineEnd + 2 + size > chunked.length) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
