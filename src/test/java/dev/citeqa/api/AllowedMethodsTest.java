package dev.citeqa.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AllowedMethodsTest {

    @Test
    void eachPathTakesTheMethodsItsResourceDeclares() {
        assertEquals(Set.of("POST", "OPTIONS"), AllowedMethods.of("/api/ask"));
        assertEquals(Set.of("POST", "OPTIONS"), AllowedMethods.of("/api/ask/stream/"));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), AllowedMethods.of("/api/articles"));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), AllowedMethods.of("/api/articles/some%20id"));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), AllowedMethods.of("/v1/models/citeqa"));
        assertEquals(Set.of(), AllowedMethods.of("/api/articles/a/b"), "one segment for an ID");
        assertEquals(Set.of(), AllowedMethods.of("/api/nothing"));
        // The page's files and the platform's endpoints are read only.
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), AllowedMethods.of("/"));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), AllowedMethods.of("/js/chat.js"));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), AllowedMethods.of("/q/health/ready"));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), AllowedMethods.of("/q/metrics"));
        assertEquals(Set.of(), AllowedMethods.of("/chat"));
        assertEquals("This method is not allowed here; /q/metrics takes GET.",
                AllowedMethods.refusal("/q/metrics", AllowedMethods.of("/q/metrics")));
        assertEquals("POST", AllowedMethods.takes(AllowedMethods.of("/api/admin/reindex")));
        assertEquals("GET", AllowedMethods.takes(AllowedMethods.of("/api/status")));
    }

    @Test
    void everyResourceOfTheApiIsListed() throws IOException, ClassNotFoundException {
        java.nio.file.Path classes = Paths.get("target", "classes");
        try (Stream<java.nio.file.Path> files = Files.walk(classes.resolve("dev/citeqa/api"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (type.isAnnotationPresent(Path.class)) {
                    assertTrue(AllowedMethods.RESOURCES.contains(type), name + " is missing from AllowedMethods");
                }
            }
        }
        assertEquals(8, AllowedMethods.RESOURCES.size(), List.copyOf(AllowedMethods.RESOURCES).toString());
    }
}
