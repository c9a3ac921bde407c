package dev.citeqa.api;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Reads a request URI's raw UTF-8 bytes as UTF-8. curl sends {@code ?q=Türkiye} as typed, unescaped, and the
 * resources would otherwise see "TÃ¼rkiye" and find nothing; escaped here, before the request is matched to a
 * resource, they are decoded as any percent-escape is. Bytes that are not UTF-8 never get here: {@link ApiGate}
 * refuses them. Not a reroute of the Vert.x request, which would log the request twice.
 */
public class RawBytesFilter {

    @ServerRequestFilter(preMatching = true)
    void escapeRawBytes(ContainerRequestContext context, HttpServerRequest request) {
        String uri = request.uri();
        String escaped = RoutedPath.escapeRawBytes(uri);
        if (escaped != null && !escaped.equals(uri)) {
            context.setRequestUri(URI.create(request.scheme() + "://" + request.authority() + escaped));
        }
    }
}
