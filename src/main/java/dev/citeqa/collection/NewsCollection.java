package dev.citeqa.collection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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

    /**
     * A readable article file.
     *
     * @param hash SHA-256 of the file's bytes, which tells an incremental reindex whether the file changed
     */
    public record SourceFile(String id, String text, String hash) {}

    /**
     * @param fingerprint changes whenever a file is added, removed, renamed or edited
     * @param listing the folder's {@link #listingFingerprint} taken before the files were read
     */
    public record Scan(List<SourceFile> files, List<String> skipped, String fingerprint, String listing) {}

    /**
     * A fingerprint of the folder's listing alone: names, sizes, modification times and file identities,
     * read without opening a file. It changes with any edit a person or a copy tool makes (the test make and
     * rsync rely on), which lets a restart skip reading and hashing a large unchanged corpus.
     */
    public static String listingFingerprint(Path dir) {
        return listingFingerprint(CorpusWatcher.listing(dir));
    }

    /** The fingerprint of a listing already taken with {@link CorpusWatcher#listing}. */
    public static String listingFingerprint(List<String> listing) {
        MessageDigest digest = sha256();
        for (String line : listing) {
            digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private NewsCollection() {}

    public static Scan scan(Path dir, long maxFileBytes) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("citeqa.corpus.dir: '" + dir.toAbsolutePath() + "' is not a folder");
        }
        String listing = listingFingerprint(dir);
        List<Path> paths = articleFiles(dir);
        MessageDigest corpusDigest = sha256();
        List<SourceFile> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path path : paths) {
            String name = path.getFileName().toString();
            String id = name.substring(0, name.length() - ".txt".length());
            long size = Files.size(path);
            corpusDigest.update((name + "\u0000" + size + "\u0000").getBytes(StandardCharsets.UTF_8));
            String problem = null;
            if (!isArticleId(id)) {
                problem = "its name is not a usable article ID (letters, digits, '_', '-', '.')";
            } else if (size == 0) {
                problem = "it is empty";
            } else if (size > maxFileBytes) {
                problem = "it is larger than citeqa.corpus.max-file-bytes (" + size + " > " + maxFileBytes + ")";
            } else {
                byte[] bytes = Files.readAllBytes(path);
                byte[] hash = sha256().digest(bytes);
                corpusDigest.update(hash);
                try {
                    String text = decodeUtf8(bytes);
                    if (text.replace("\uFEFF", "").isBlank()) {
                        problem = "it holds only whitespace";
                    } else {
                        files.add(new SourceFile(id, text, HexFormat.of().formatHex(hash)));
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
        return new Scan(files, skipped, HexFormat.of().formatHex(corpusDigest.digest()), listing);
    }

    /**
     * The {@code *.txt} files of the corpus folder, sorted. A symbolic link counts only when its target is a
     * regular file inside the folder: a link to anywhere else would let a corpus editor publish any file the
     * service can read.
     */
    public static List<Path> articleFiles(Path dir) throws IOException {
        Path root = dir.toRealPath();
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> listing = Files.list(dir)) {
            for (Path p : listing.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                if (!Files.isSymbolicLink(p)) {
                    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                        paths.add(p);
                    }
                } else if (insideFolder(p, root)) {
                    paths.add(p);
                } else {
                    LOG.warnf("Skipping %s: it links to a file outside the corpus folder", p);
                }
            }
        }
        return paths;
    }

    private static boolean insideFolder(Path link, Path root) {
        try {
            Path target = link.toRealPath();
            return target.startsWith(root) && Files.isRegularFile(target);
        } catch (IOException e) {
            return false; // a dangling link
        }
    }

    /** Whether {@code id} could name an article: the alphabet of IDs has no slash, and no leading dot. */
    public static boolean isArticleId(String id) {
        return ID.matcher(id).matches();
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
