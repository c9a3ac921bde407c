package dev.citeqa.collection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The corpus folder: every {@code *.txt} file is one article, named by its ID. Files that cannot be an
 * article (not UTF-8, empty, too large, or a name that cannot be cited) are skipped with a warning so that
 * one bad file never stops the others from being indexed.
 */
public final class NewsCollection {

    private static final Logger LOG = Logger.getLogger(NewsCollection.class);

    /** IDs appear inside "[...]" citation markers and URLs, so they are kept to a safe alphabet. */
    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.\\-]{0,127}");

    /** A readable article file. */
    public record SourceFile(String id, String text) {}

    /**
     * @param fingerprint changes whenever a file is added, removed, renamed or edited
     */
    public record Scan(List<SourceFile> files, List<String> skipped, String fingerprint) {}

    private NewsCollection() {}

    public static Scan scan(Path dir, long maxFileBytes) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("citeqa.corpus.dir: '" + dir.toAbsolutePath() + "' is not a folder");
        }
        List<Path> paths;
        try (Stream<Path> listing = Files.list(dir)) {
            paths = listing.filter(p -> p.getFileName().toString().endsWith(".txt") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
        MessageDigest corpusDigest = sha256();
        List<SourceFile> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path path : paths) {
            String name = path.getFileName().toString();
            String id = name.substring(0, name.length() - ".txt".length());
            long size = Files.size(path);
            corpusDigest.update((name + "\u0000" + size + "\u0000").getBytes(StandardCharsets.UTF_8));
            String problem = null;
            if (!ID.matcher(id).matches()) {
                problem = "its name is not a usable article ID (letters, digits, '_', '-', '.')";
            } else if (size == 0) {
                problem = "it is empty";
            } else if (size > maxFileBytes) {
                problem = "it is larger than citeqa.corpus.max-file-bytes (" + size + " > " + maxFileBytes + ")";
            } else {
                byte[] bytes = Files.readAllBytes(path);
                corpusDigest.update(sha256().digest(bytes));
                try {
                    String text = decodeUtf8(bytes);
                    if (text.replace("\uFEFF", "").isBlank()) {
                        problem = "it holds only whitespace";
                    } else {
                        files.add(new SourceFile(id, text));
                    }
                } catch (CharacterCodingException e) {
                    problem = "it is not valid UTF-8";
                }
            }
            if (problem != null) {
                LOG.warnf("Skipping %s: %s", path, problem);
                skipped.add(name);
            }
        }
        return new Scan(files, skipped, HexFormat.of().formatHex(corpusDigest.digest()));
    }

    /**
     * Strict decoding: a replacement character would silently corrupt text and offsets. A byte-order mark
     * stays in the text (the parser treats it as blank), so offsets count every decoded character.
     */
    static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
