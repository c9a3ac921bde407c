package dev.citeqa.embed;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.BufferedInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Embeddings by SHA-256 of the embedded text, in an append-only file beside the index. Rebuilding the index
 * after a corpus edit then only runs the model on text it has not seen, which is what makes re-indexing
 * cheap on a CPU. A record cut short by a crash is ignored on load and simply recomputed.
 *
 * <p>The vectors are read into memory only when indexing asks for them, and {@link #release()} drops them
 * afterwards: a served index carries its own vectors, and holding every passage's and sentence's vector on
 * the heap as well would double the service's memory for nothing.
 */
public final class EmbeddingCache {

    private static final Logger LOG = Logger.getLogger(EmbeddingCache.class);
    private static final int MAGIC = 0x43514543; // "CQEC"
    private static final int KEY_BYTES = 32;

    private final Path file;
    private final int dimension;
    private Map<String, float[]> vectors;

    private EmbeddingCache(Path file, int dimension) {
        this.file = file;
        this.dimension = dimension;
    }

    /** Opens the cache at {@code file}, creating it when missing or when it was written for another size. */
    public static EmbeddingCache open(Path file, int dimension) throws IOException {
        EmbeddingCache cache = new EmbeddingCache(file, dimension);
        if (Files.exists(file) && !cache.headerMatches()) {
            LOG.warnf("Embedding cache %s was written for another model; starting a new one", file);
            Files.delete(file);
        }
        cache.createIfMissing();
        return cache;
    }

    private void createIfMissing() throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ByteBuffer header = ByteBuffer.allocate(8).putInt(MAGIC).putInt(dimension).flip();
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(header);
            }
        }
    }

    public synchronized float[] get(String text) {
        return loaded().get(key(text));
    }

    public synchronized int size() {
        return loaded().size();
    }

    /** Records in the file, whether or not they are in memory: its length says, without reading it. */
    public synchronized long records() throws IOException {
        createIfMissing();
        return (Files.size(file) - 8) / recordBytes();
    }

    /**
     * Rewrites the file with the vectors of {@code live} texts alone, and returns how many records it dropped. The
     * file is append-only, so a folder whose stories come and go (a feed that keeps a month of news) would grow
     * it without end, and every build reads it whole into memory. The new file is written beside the old and
     * renamed over it, so a crash leaves one or the other, never a mix.
     */
    public synchronized long retainOnly(Set<String> live) throws IOException {
        Set<String> keys = new HashSet<>();
        live.forEach(text -> keys.add(key(text)));
        Map<String, float[]> all = loaded();
        Path temporary = file.resolveSibling(file.getFileName() + ".compacting");
        long kept = 0;
        try {
            try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.allocate(Math.max(1 << 16, 8 + recordBytes()));
                buffer.putInt(MAGIC).putInt(dimension);
                for (Map.Entry<String, float[]> e : all.entrySet()) {
                    if (!keys.contains(e.getKey())) {
                        continue;
                    }
                    if (buffer.remaining() < recordBytes()) {
                        drain(buffer, out);
                    }
                    buffer.put(HexFormat.of().parseHex(e.getKey()));
                    for (float f : e.getValue()) {
                        buffer.putFloat(f);
                    }
                    kept++;
                }
                drain(buffer, out);
                out.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // A full disk, most likely: the old file stays whole, and the half-written copy must not use the space.
            Files.deleteIfExists(temporary);
            throw e;
        }
        long dropped = all.size() - kept;
        all.keySet().retainAll(keys);
        return dropped;
    }

    /** Writes what {@code buffer} holds, all of it, and empties it for more. */
    private static void drain(ByteBuffer buffer, FileChannel out) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
    }

    private int recordBytes() {
        return KEY_BYTES + 4 * dimension;
    }

    /** Drops the vectors from memory; the next lookup reads them back from the file. */
    public synchronized void release() {
        vectors = null;
    }

    private Map<String, float[]> loaded() {
        if (vectors == null) {
            vectors = new HashMap<>();
            try {
                load();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the embedding cache " + file, e);
            }
        }
        return vectors;
    }

    /** Adds new vectors, in memory and on disk. */
    public synchronized void putAll(Map<String, float[]> byText) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(byText.size() * recordBytes());
        for (Map.Entry<String, float[]> e : byText.entrySet()) {
            String key = key(e.getKey());
            if (e.getValue().length != dimension || loaded().putIfAbsent(key, e.getValue()) != null) {
                continue;
            }
            buffer.put(HexFormat.of().parseHex(key));
            for (float f : e.getValue()) {
                buffer.putFloat(f);
            }
        }
        // The data folder may have been deleted under the service: the vectors are still worth keeping.
        createIfMissing();
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            drain(buffer, out);
        }
    }

    private boolean headerMatches() throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            return in.readInt() == MAGIC && in.readInt() == dimension;
        } catch (EOFException tooShort) {
            return false;
        }
    }

    private void load() throws IOException {
        long records = 0;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            in.skipNBytes(8); // the header, checked by open
            byte[] key = new byte[KEY_BYTES];
            while (true) {
                float[] vector = new float[dimension];
                try {
                    in.readFully(key);
                    for (int i = 0; i < dimension; i++) {
                        vector[i] = in.readFloat();
                    }
                } catch (EOFException end) {
                    break;
                }
                vectors.put(HexFormat.of().formatHex(key), vector);
                records++;
            }
        }
        // Cut a record left half-written by a crash, so that appends stay aligned.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(8 + records * (long) recordBytes());
        }
    }

    static String key(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
