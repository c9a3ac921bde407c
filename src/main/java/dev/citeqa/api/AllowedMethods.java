package dev.citeqa.api;

import dev.citeqa.api.openai.ChatCompletionsResource;
import dev.citeqa.api.openai.ModelsResource;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods each path takes, for the {@code Allow} header a 405 must carry (RFC 9110, 15.5.6), its message, and
 * the answer to OPTIONS: the router that refuses a method does not say which it would take, and the REST layer's own
 * OPTIONS listed HEAD for paths that refuse it. An API path's are read from the resources' JAX-RS annotations; the
 * page's files and Quarkus's endpoints under {@code /q/} (health, metrics, OpenAPI) are read only. A GET path takes
 * HEAD too, as JAX-RS answers it; every path takes OPTIONS.
 */
final class AllowedMethods {

    /** What the page's files and the platform's endpoints take. */
    private static final Set<String> READ_ONLY = Collections.unmodifiableSet(new TreeSet<>(
            List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS)));

    /** Every resource class; {@code AllowedMethodsTest} checks that none of the package's is missing. */
    static final List<Class<?>> RESOURCES = List.of(AdminResource.class, ArticleResource.class, AskResource.class,
            SearchResource.class, StatusResource.class, SuggestionResource.class, ChatCompletionsResource.class,
            ModelsResource.class);

    private static final Map<Pattern, TreeSet<String>> BY_PATH = table();

    private AllowedMethods() {}

    /** The methods {@code path} takes, in alphabetical order; none when nothing here has the path. */
    static Set<String> of(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Map.Entry<Pattern, TreeSet<String>> e : BY_PATH.entrySet()) {
            if (e.getKey().matcher(trimmed).matches()) {
                return Collections.unmodifiableSet(e.getValue());
            }
        }
        return RoutedPath.open(path) || RoutedPath.platform(path) ? READ_ONLY : Set.of();
    }

    /** The message of a 405 for {@code path}, which takes {@code allowed}. */
    static String refusal(String path, Set<String> allowed) {
        return "This method is not allowed here; " + path + " takes " + takes(allowed) + ".";
    }

    /**
     * What a client should send instead, for a message: "GET", "POST", "GET or POST"; HEAD and OPTIONS go without
     * saying.
     */
    static String takes(Set<String> allowed) {
        return String.join(" or ", allowed.stream()
                .filter(m -> !m.equals(HttpMethod.HEAD) && !m.equals(HttpMethod.OPTIONS)).toList());
    }

    private static Map<Pattern, TreeSet<String>> table() {
        Map<String, TreeSet<String>> byTemplate = new LinkedHashMap<>();
        for (Class<?> resource : RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String template = sub == null ? base
                        : base.replaceAll("/$", "") + "/" + sub.value().replaceAll("^/", "");
                TreeSet<String> methods = byTemplate.computeIfAbsent(template, t -> new TreeSet<>(List.of("OPTIONS")));
                methods.add(verb);
                if (verb.equals(HttpMethod.GET)) {
                    methods.add(HttpMethod.HEAD);
                }
            }
        }
        Map<Pattern, TreeSet<String>> table = new LinkedHashMap<>();
        // Fixed paths first: "/v1/models" before "/v1/models/{id}" could match it.
        List<String> templates = new ArrayList<>(byTemplate.keySet());
        templates.sort((a, b) -> Boolean.compare(a.contains("{"), b.contains("{")));
        for (String template : templates) {
            table.put(Pattern.compile(Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")),
                    byTemplate.get(template));
        }
        return table;
    }

    private static String verb(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }
}
