package dev.citeqa.index;

import dev.citeqa.collection.NewsCollection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jboss.logging.Logger;

/**
 * Keeps the on-disk index in step with the corpus folder.
 *
 * <p>An index lives in {@code <data>/index-<millis>} and records in its commit the fingerprint of the corpus
 * and settings it was built from. At start-up the newest index is reused when its fingerprint matches;
 * otherwise a new one is written in {@code <data>/.building-<millis>}, committed, and only then renamed into
 * place. A crash or failure mid-build therefore leaves at most a {@code .building-*} folder, which is never
 * served and is removed on the next start.
 */
public final class IndexManager {

    private static final Logger LOG = Logger.getLogger(IndexManager.class);
    private static final String INDEX_PREFIX = "index-";
    private static final String BUILDING_PREFIX = ".building-";

    private final Path dataDir;
    private final Path corpusDir;
    private final long maxFileBytes;
    private final String settings;
    private final IndexGenerator generator;

    /**
     * @param settings everything besides the corpus that changes what is indexed (chunking, embedding
     *     model); a change rebuilds the index like a corpus edit does
     */
    public IndexManager(Path dataDir, Path corpusDir, long maxFileBytes, String settings, IndexGenerator generator) {
        this.dataDir = dataDir;
        this.corpusDir = corpusDir;
        this.maxFileBytes = maxFileBytes;
        this.settings = settings;
        this.generator = generator;
    }

    /** How the index came to be open, for logs and tests. */
    public enum Outcome {
        REUSED,
        BUILT,
        STALE_AFTER_FAILED_BUILD
    }

    public record Opened(CorpusIndex index, Outcome outcome) {}

    public Opened openOrBuild() throws IOException {
        Files.createDirectories(dataDir);
        // One builder per data folder: a second process waits here instead of racing on the same files.
        try (FileChannel lockFile = FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock ignored = lockFile.lock()) {
            removeUnfinishedBuilds();
            NewsCollection.Scan scan = NewsCollection.scan(corpusDir, maxFileBytes);
            String fingerprint = fingerprint(scan.fingerprint());
            Optional<Path> newest = newestIndex();
            if (newest.isPresent() && fingerprint.equals(fingerprintOf(newest.get()))) {
                CorpusIndex index = CorpusIndex.open(newest.get());
                LOG.infof("Reusing index %s: corpus folder %s unchanged (%d articles, %d passages)", newest.get(),
                        corpusDir, index.articleCount(), index.passageCount());
                return new Opened(index, Outcome.REUSED);
            }
            LOG.infof("Building index for %s (%s)", corpusDir,
                    newest.isPresent() ? "corpus or settings changed" : "no index yet");
            try {
                Path built = build(scan, fingerprint);
                CorpusIndex index = CorpusIndex.open(built);
                removeIndexesExcept(built);
                return new Opened(index, Outcome.BUILT);
            } catch (IOException | RuntimeException e) {
                if (newest.isEmpty()) {
                    throw e;
                }
                LOG.errorf(e, "Index build failed; still serving the previous index %s, which does not match the "
                        + "current corpus", newest.get());
                return new Opened(CorpusIndex.open(newest.get()), Outcome.STALE_AFTER_FAILED_BUILD);
            }
        }
    }

    private Path build(NewsCollection.Scan scan, String fingerprint) throws IOException {
        long started = System.nanoTime();
        String stamp = String.format("%015d", System.currentTimeMillis());
        Path building = dataDir.resolve(BUILDING_PREFIX + stamp);
        Path target = dataDir.resolve(INDEX_PREFIX + stamp);
        try {
            IndexGenerator.Stats stats = generator.build(scan, building, fingerprint);
            Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.infof("Built index %s in %d ms: %d articles, %d passages, %d files skipped", target,
                    (System.nanoTime() - started) / 1_000_000, stats.articles(), stats.passages(), stats.skipped());
            return target;
        } finally {
            deleteTree(building);
        }
    }

    private String fingerprint(String corpusFingerprint) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(corpusFingerprint.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(settings.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String fingerprintOf(Path index) {
        try (Directory dir = FSDirectory.open(index)) {
            return SegmentInfos.readLatestCommit(dir).getUserData().get(IndexConstants.COMMIT_FINGERPRINT);
        } catch (IOException e) {
            LOG.warnf("Index %s is unreadable (%s); it will be rebuilt", index, e.getMessage());
            return null;
        }
    }

    private Optional<Path> newestIndex() throws IOException {
        return list(INDEX_PREFIX).stream().max(Comparator.comparing(p -> p.getFileName().toString()));
    }

    private void removeUnfinishedBuilds() throws IOException {
        for (Path path : list(BUILDING_PREFIX)) {
            LOG.infof("Removing unfinished build %s", path);
            deleteTree(path);
        }
    }

    private void removeIndexesExcept(Path keep) throws IOException {
        for (Path path : list(INDEX_PREFIX)) {
            if (!path.equals(keep)) {
                deleteTree(path);
            }
        }
    }

    private List<Path> list(String prefix) throws IOException {
        try (Stream<Path> children = Files.list(dataDir)) {
            return children.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p))
                    .toList();
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
