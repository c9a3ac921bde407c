package dev.citeqa.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {

    @TempDir
    Path dir;

    @Test
    void vectorsSurviveAReopen() throws IOException {
        Path file = dir.resolve("cache.bin");
        EmbeddingCache cache = EmbeddingCache.open(file, 3);
        cache.putAll(Map.of("alpha", new float[] {1, 0, 0}, "beta", new float[] {0, 1, 0}));

        EmbeddingCache reopened = EmbeddingCache.open(file, 3);
        assertEquals(2, reopened.size());
        assertArrayEquals(new float[] {0, 1, 0}, reopened.get("beta"));
        assertNull(reopened.get("gamma"));
    }

    @Test
    void releasedVectorsAreReadBackFromTheFileWhenNeededAgain() throws IOException {
        EmbeddingCache cache = EmbeddingCache.open(dir.resolve("cache.bin"), 3);
        cache.putAll(Map.of("alpha", new float[] {1, 0, 0}));
        cache.release();
        cache.putAll(Map.of("beta", new float[] {0, 1, 0}));
        assertEquals(2, cache.size());
        assertArrayEquals(new float[] {1, 0, 0}, cache.get("alpha"));
        assertEquals(2, EmbeddingCache.open(dir.resolve("cache.bin"), 3).size());
    }

    @Test
    void aRecordCutShortByACrashIsDroppedAndAppendsStayAligned() throws IOException {
        Path file = dir.resolve("cache.bin");
        EmbeddingCache.open(file, 3).putAll(Map.of("alpha", new float[] {1, 2, 3}));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(java.nio.ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5}));
        }
        EmbeddingCache repaired = EmbeddingCache.open(file, 3);
        assertEquals(1, repaired.size());
        repaired.putAll(Map.of("beta", new float[] {4, 5, 6}));

        EmbeddingCache reopened = EmbeddingCache.open(file, 3);
        assertArrayEquals(new float[] {1, 2, 3}, reopened.get("alpha"));
        assertArrayEquals(new float[] {4, 5, 6}, reopened.get("beta"));
    }

    @Test
    void aCacheForAnotherModelSizeStartsOver() throws IOException {
        Path file = dir.resolve("cache.bin");
        EmbeddingCache.open(file, 3).putAll(Map.of("alpha", new float[] {1, 2, 3}));
        EmbeddingCache other = EmbeddingCache.open(file, 4);
        assertEquals(0, other.size());
        other.putAll(Map.of("alpha", new float[] {1, 2, 3, 4}));
        assertEquals(1, EmbeddingCache.open(file, 4).size());
    }

    @Test
    void retainingTheLiveTextsRewritesTheFileWithThemAlone() throws IOException {
        Path file = dir.resolve("cache.bin");
        EmbeddingCache cache = EmbeddingCache.open(file, 3);
        cache.putAll(Map.of("alpha", new float[] {1, 0, 0}, "beta", new float[] {0, 1, 0},
                "gamma", new float[] {0, 0, 1}));
        long before = java.nio.file.Files.size(file);

        assertEquals(2, cache.retainOnly(java.util.Set.of("beta", "delta")));

        assertEquals(1, cache.records());
        assertEquals(8 + (before - 8) / 3, java.nio.file.Files.size(file), "header and one record");
        assertNull(cache.get("alpha"));
        cache.putAll(Map.of("delta", new float[] {1, 1, 0}));
        EmbeddingCache reopened = EmbeddingCache.open(file, 3);
        assertEquals(2, reopened.size());
        assertArrayEquals(new float[] {0, 1, 0}, reopened.get("beta"));
        assertArrayEquals(new float[] {1, 1, 0}, reopened.get("delta"), "appends after a rewrite stay aligned");
        assertNull(reopened.get("gamma"));
    }
}
