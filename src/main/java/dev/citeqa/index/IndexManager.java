package dev.citeqa.index;

import dev.citeqa.collection.NewsCollection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.jboss.logging.Logger;

/**
 * Keeps the on-disk index in step with the corpus folder.
 *
 * <p>Each index generation lives in its own folder, {@code <data>/index-<stamp>}, and records in its commit
 * the fingerprint of the corpus and settings it was built from, and each article's file hash. A new
 * generation is written in {@code <data>/.building-<stamp>}, committed, and only then renamed into place, so
 * a crash or failure at any point leaves at most a {@code .building-*} folder, which is never served and is
 * removed on the next start. When only some files changed, the new generation starts as hard links to the
 * current one's files (Lucene never rewrites a file it has written), deletes the changed articles and adds
 * them again: the cost follows the change, not the corpus.
 */
public final class IndexManager {

    /** Left in the data folder by a clean stop, and removed at start-up. */
    private static final String CLEAN_STOP = ".clean-stop";
    /** In an index folder: the fingerprint of the corpus folder listing the index matches. */
    private static final String LISTING_FILE = "citeqa-listing";
    /** In the commit: the order of day and month the corpus's slash dates were read in. */
    private static final String COMMIT_DATE_ORDER = "citeqa.dateOrder";

    private static final Logger LOG = Logger.getLogger(IndexManager.class);
    private static final String INDEX_PREFIX = "index-";
    private static final String BUILDING_PREFIX = ".building-";

    private final Path dataDir;
    private final Path corpusDir;
    private final NewsCollection.Rules rules;
    private final String settings;
    private final IndexGenerator generator;

    /**
     * @param settings everything besides the corpus and this code's {@link IndexConstants#SCHEMA_VERSION} that
     *     changes what is indexed (chunking, embedding model); a change rebuilds the index from scratch, where a
     *     corpus edit only updates it
     */
    public IndexManager(Path dataDir, Path corpusDir, long maxFileBytes, String settings, IndexGenerator generator) {
        this(dataDir, corpusDir, new NewsCollection.Rules(maxFileBytes, false), settings, generator);
    }

    /** @param rules which corpus files may be read; a change must change {@code settings} too */
    public IndexManager(Path dataDir, Path corpusDir, NewsCollection.Rules rules, String settings,
            IndexGenerator generator) {
        this.dataDir = dataDir;
        this.corpusDir = corpusDir;
        this.rules = rules;
        // Every caller's index (the service's, the trainer's, the tests') is rebuilt when the layout changes.
        this.settings = "schema=" + IndexConstants.SCHEMA_VERSION + ";" + settings;
        this.generator = generator;
    }

    /** How the index came to be open, for logs, metrics and tests. */
    public enum Outcome {
        /** The corpus had not changed; the same index serves. */
        REUSED,
        /** Only the changed files were re-indexed, in a new generation. */
        UPDATED,
        /** A new generation was built from every file. */
        BUILT,
        /** At start-up the update failed, so an index that does not match the corpus serves. */
        STALE_AFTER_FAILED_BUILD,
        /** The same articles, now with the vectors that the previous generation left for later. */
        VECTORS_ADDED
    }

    /** @param written what this run parsed and indexed; zero when the index was reused */
    public record Opened(CorpusIndex index, Outcome outcome, IndexGenerator.Stats written) {}

    /**
     * At start-up: opens the newest intact index and brings it up to date, or builds one. A damaged index is
     * deleted and, like a missing one, rebuilt from the corpus.
     */
    public Opened openOrBuild() throws IOException {
        return openOrBuild(NewsCollection.listingFingerprint(corpusDir));
    }

    /** How far the build running now has got, and where to ask it to stop. */
    public BuildProgress progress() {
        return generator.progress();
    }

    /** As {@link #openOrBuild()}, with the corpus folder's listing fingerprint already taken. */
    public Opened openOrBuild(String listing) throws IOException {
        return openOrBuild(listing, null);
    }

    /**
     * As {@link #openOrBuild(String)}, handing {@code meanwhile} the index the last run left, when its settings
     * still hold, before it is brought up to date: it can answer while the changed files are read, where a restart
     * after copying in a few hundred files answered nothing for as long as the update took. The caller then owns
     * that index, and must {@link #discard} it once the one returned (if another) replaces it.
     */
    public Opened openOrBuild(String listing, Consumer<CorpusIndex> meanwhile) throws IOException {
        return locked(() -> {
            progress().phase(BuildProgress.Phase.LISTING, 0);
            removeUnfinishedBuilds();
            Optional<CorpusIndex> newest = openNewestIntact();
            if (newest.isEmpty()) {
                LOG.infof("Building index for %s (no usable index yet)", corpusDir);
                NewsCollection.Scan scan = scan();
                return recordListing(build(null, scan), scan);
            }
            CorpusIndex old = newest.get();
            if (fingerprint(listing).equals(recordedListing(old))) {
                // Start-up time must not grow with the corpus: reading and hashing 100,000 files takes seconds.
                return reused(old);
            }
            boolean serving = meanwhile != null
                    && settingsFingerprint().equals(old.commitData(IndexConstants.COMMIT_SETTINGS));
            if (serving) {
                meanwhile.accept(old);
            }
            Opened opened;
            try {
                opened = refreshLocked(old);
            } catch (java.util.concurrent.CancellationException stopped) {
                // Asked to stop (the service is shutting down): nothing failed, and nothing will serve.
                if (!serving) {
                    old.close();
                }
                throw stopped;
            } catch (IOException | RuntimeException e) {
                LOG.errorf(e, "Index update failed; still serving the previous index %s, which does not match the "
                        + "current corpus", old.path());
                return new Opened(old, Outcome.STALE_AFTER_FAILED_BUILD, nothingWritten());
            }
            if (opened.index() != old && !serving) {
                discard(old);
            }
            return opened;
        });
    }

    /**
     * While serving: a new generation matching the corpus, or {@code current} itself when nothing changed.
     * On failure it throws and leaves {@code current} untouched; the caller keeps serving it, and must
     * {@link #discard} it once a new one has replaced it and no request holds it.
     */
    public Opened refresh(CorpusIndex current) throws IOException {
        return locked(() -> refreshLocked(current));
    }

    /**
     * A new generation of {@code current} in which the articles it left without vectors have them. Throws
     * {@link java.util.concurrent.CancellationException} when asked to stop; what the model embedded until then
     * stays in the embedding cache.
     */
    public Opened addVectors(CorpusIndex current) throws IOException {
        return locked(() -> {
            Map<String, String> commitData = new HashMap<>();
            for (String key : List.of(IndexConstants.COMMIT_FINGERPRINT, IndexConstants.COMMIT_SETTINGS,
                    COMMIT_DATE_ORDER)) {
                commitData.put(key, current.commitData(key));
            }
            commitData.put(IndexConstants.COMMIT_GENERATION, Long.toString(current.generation() + 1));
            Opened opened = write(current, null, building -> {
                linkCommit(current.path(), building);
                return generator.addVectors(building, current, commitData);
            }, Outcome.VECTORS_ADDED);
            // Same articles, same corpus: the listing the words were known to match still holds.
            String listing = recordedListing(current);
            if (listing != null) {
                Files.writeString(opened.index().path().resolve(LISTING_FILE), listing);
            }
            return opened;
        });
    }

    /** Closes a replaced index and deletes its folder. */
    public void discard(CorpusIndex index) throws IOException {
        index.close();
        deleteTree(index.path());
    }

    private Opened refreshLocked(CorpusIndex current) throws IOException {
        progress().phase(BuildProgress.Phase.LISTING, 0);
        NewsCollection.Scan scan = scan();
        if (!Files.isDirectory(current.path())) {
            // Deleted under the service (a temp cleaner, "rm -rf data"): an update links the serving index's
            // files, and even an unchanged corpus records its listing there; both would fail at every try until a
            // restart. Requests still read the open files meanwhile.
            LOG.warnf("The serving index's folder %s is gone; building the index anew", current.path());
            return recordListing(build(current, scan), scan);
        }
        if (fingerprint(scan.fingerprint()).equals(current.commitData(IndexConstants.COMMIT_FINGERPRINT))) {
            // Same content under a new listing (files touched, or the folder copied): remember the new listing.
            return recordListing(reused(current), scan);
        }
        if (!settingsFingerprint().equals(current.commitData(IndexConstants.COMMIT_SETTINGS))) {
            LOG.infof("Building index for %s (settings changed)", corpusDir);
            return recordListing(build(current, scan), scan);
        }
        return recordListing(update(current, scan), scan);
    }

    /**
     * Notes, in a file of the index folder, the corpus listing the index is known to match. The listing was
     * taken before the files were read, so a change during the scan makes it stale and the next start reads
     * the files again. Lucene leaves files alone that are not named like its own.
     */
    private Opened recordListing(Opened opened, NewsCollection.Scan scan) throws IOException {
        Path file = opened.index().path().resolve(LISTING_FILE);
        Path temporary = file.resolveSibling(LISTING_FILE + ".tmp");
        Files.writeString(temporary, fingerprint(scan.listing()));
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return opened;
    }

    private static String recordedListing(CorpusIndex index) throws IOException {
        Path file = index.path().resolve(LISTING_FILE);
        return Files.exists(file) ? Files.readString(file) : null;
    }

    private Opened reused(CorpusIndex current) {
        LOG.infof("Reusing index %s: corpus folder %s unchanged (%d articles, %d passages)", current.path(),
                corpusDir, current.articleCount(), current.passageCount());
        return new Opened(current, Outcome.REUSED, nothingWritten());
    }

    private Opened build(CorpusIndex previous, NewsCollection.Scan scan) throws IOException {
        if (previous != null && previous.pendingArticles() > 0) {
            LOG.infof("The serving index still lacks vectors for %d articles; the new one starts over",
                    previous.pendingArticles());
        }
        return write(previous, scan, building -> generator.build(scan, building, commitData(previous, scan)),
                Outcome.BUILT);
    }

    private Opened update(CorpusIndex current, NewsCollection.Scan scan) throws IOException {
        Map<String, String> indexed = current.sourceHashes();
        Set<String> removed = new TreeSet<>(indexed.keySet());
        List<NewsCollection.SourceFile> added = new ArrayList<>();
        for (NewsCollection.SourceFile file : scan.files()) {
            if (file.hash().equals(indexed.get(file.id()))) {
                removed.remove(file.id());
            } else {
                added.add(file);
            }
        }
        if (!scan.dates().order().name().equals(current.commitData(COMMIT_DATE_ORDER))) {
            // A file that settles (or unsettles) how "01/05/2024" reads changes the date of every article
            // that has one, edited or not.
            Set<String> adding = new TreeSet<>(added.stream().map(NewsCollection.SourceFile::id).toList());
            for (NewsCollection.SourceFile file : scan.files()) {
                if (scan.dates().ambiguous().contains(file.id()) && adding.add(file.id())) {
                    removed.add(file.id());
                    added.add(file);
                }
            }
        }
        LOG.infof("Updating index for %s: %d files to index, %d articles to drop or replace", corpusDir,
                added.size(), removed.size());
        return write(current, scan, building -> {
            linkCommit(current.path(), building);
            return generator.update(building, removed, added, scan, commitData(current, scan));
        }, Outcome.UPDATED);
    }

    @FunctionalInterface
    private interface Writer {
        IndexGenerator.Stats write(Path building) throws IOException;
    }

    /** Writes a generation in a {@code .building-*} folder and renames it into place once committed. */
    private Opened write(CorpusIndex previous, NewsCollection.Scan scan, Writer writer, Outcome outcome)
            throws IOException {
        long started = System.nanoTime();
        String stamp = nextStamp();
        Path building = dataDir.resolve(BUILDING_PREFIX + stamp);
        Path target = dataDir.resolve(INDEX_PREFIX + stamp);
        try {
            Files.createDirectories(building);
            IndexGenerator.Stats stats = writer.write(building);
            SkipRecord.write(building, stats.skipped());
            Files.move(building, target, StandardCopyOption.ATOMIC_MOVE);
            // The rename is the moment the generation exists; make it survive a power cut too.
            IOUtils.fsync(dataDir, true);
            CorpusIndex index = CorpusIndex.open(target);
            LOG.infof("%s index %s (generation %d) in %d ms: %d articles and %d passages written, %d files "
                            + "skipped, %d texts left unembedded; %d articles, %d passages in all%s (%s)",
                    switch (outcome) {
                        case UPDATED -> "Updated";
                        case VECTORS_ADDED -> "Added vectors to";
                        default -> "Built";
                    }, target, index.generation(),
                    (System.nanoTime() - started) / 1_000_000, stats.articles(), stats.passages(),
                    stats.skipped().size(), stats.textsNotEmbedded(), index.articleCount(), index.passageCount(),
                    index.pendingArticles() > 0 ? "; vectors pending for " + index.pendingArticles() + " articles"
                            : "",
                    // Where the time went, for whoever wonders why a first start takes what it takes.
                    progress().steps().stream().map(BuildProgress.Step::toString)
                            .collect(java.util.stream.Collectors.joining(", ")));
            generator.compactEmbeddings(index);
            return new Opened(index, outcome, stats);
        } finally {
            deleteTree(building);
        }
    }

    private Map<String, String> commitData(CorpusIndex previous, NewsCollection.Scan scan) {
        long generation = previous == null ? 1 : previous.generation() + 1;
        return Map.of(IndexConstants.COMMIT_FINGERPRINT, fingerprint(scan.fingerprint()),
                IndexConstants.COMMIT_SETTINGS, settingsFingerprint(),
                IndexConstants.COMMIT_GENERATION, Long.toString(generation),
                COMMIT_DATE_ORDER, scan.dates().order().name());
    }

    /**
     * Makes {@code target} hold the latest commit of the index in {@code source}. Hard links cost nothing and
     * are safe because Lucene only ever adds new files; a file system without them gets copies.
     */
    private static void linkCommit(Path source, Path target) throws IOException {
        Iterable<String> files;
        try (Directory dir = FSDirectory.open(source)) {
            files = SegmentInfos.readLatestCommit(dir).files(true);
        }
        for (String name : files) {
            try {
                Files.createLink(target.resolve(name), source.resolve(name));
            } catch (UnsupportedOperationException | FileSystemException e) {
                Files.copy(source.resolve(name), target.resolve(name));
            }
        }
    }

    /**
     * Records that the service stopped cleanly, with every index closed. The next start then skips verifying
     * checksums, which reads every byte of the index: seconds for a large corpus, and only needed after a
     * crash, a kill or a power cut, when no mark is left.
     */
    public void markCleanStop() throws IOException {
        Files.writeString(dataDir.resolve(CLEAN_STOP), "closed cleanly\n");
    }

    /**
     * The newest index that opens and, unless the last stop was clean, whose files all pass their checksums.
     * Damaged ones are deleted, and so are older ones, which a crash may have left behind.
     */
    private Optional<CorpusIndex> openNewestIntact() throws IOException {
        boolean verify = !Files.deleteIfExists(dataDir.resolve(CLEAN_STOP));
        List<Path> indexes = new ArrayList<>(list(INDEX_PREFIX));
        indexes.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        CorpusIndex chosen = null;
        for (Path path : indexes) {
            if (chosen != null) {
                LOG.infof("Removing replaced index %s", path);
                deleteLeftover(path);
                continue;
            }
            try {
                chosen = CorpusIndex.open(path);
                if (verify) {
                    chosen.checkIntegrity();
                }
            } catch (IOException | RuntimeException e) {
                LOG.warnf("Index %s is damaged or incomplete (%s); it is deleted and rebuilt from the corpus", path,
                        e.getMessage());
                if (chosen != null) {
                    chosen.close();
                    chosen = null;
                }
                deleteLeftover(path);
            }
        }
        return Optional.ofNullable(chosen);
    }

    private NewsCollection.Scan scan() throws IOException {
        return NewsCollection.scan(corpusDir, rules);
    }

    private static IndexGenerator.Stats nothingWritten() {
        return new IndexGenerator.Stats(0, 0, List.of(), 0);
    }

    @FunctionalInterface
    private interface LockedAction {
        Opened run() throws IOException;
    }

    /**
     * One writer per data folder: the monitor orders this process's reindexes (file locks are per process),
     * and the file lock makes a second process wait instead of racing on the same files.
     */
    private synchronized Opened locked(LockedAction action) throws IOException {
        Files.createDirectories(dataDir);
        try (FileChannel lockFile = FileChannel.open(dataDir.resolve(".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                FileLock ignored = lockFile.lock()) {
            return action.run();
        }
    }

    /** Millisecond stamps sort in creation order; two generations within one millisecond get the next one. */
    private String nextStamp() {
        long millis = System.currentTimeMillis();
        while (Files.exists(dataDir.resolve(INDEX_PREFIX + stamp(millis)))
                || Files.exists(dataDir.resolve(BUILDING_PREFIX + stamp(millis)))) {
            millis++;
        }
        return stamp(millis);
    }

    private static String stamp(long millis) {
        return String.format("%015d", millis);
    }

    private String fingerprint(String corpusFingerprint) {
        return sha256(corpusFingerprint + "\u0000" + settings);
    }

    private String settingsFingerprint() {
        return sha256(settings);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private void removeUnfinishedBuilds() throws IOException {
        for (Path path : list(BUILDING_PREFIX)) {
            LOG.infof("Removing unfinished build %s", path);
            deleteLeftover(path);
        }
    }

    /**
     * Deletes a folder that nothing will read again (a replaced index, an unfinished build), or says why it could not:
     * a file another user owns, a share's lock file. It costs disk space, not the index that is served.
     */
    private static void deleteLeftover(Path path) {
        try {
            deleteTree(path);
        } catch (UncheckedIOException e) {
            LOG.warnf("Cannot delete %s (%s); it takes disk space until it is removed by hand", path,
                    e.getCause() == null ? e.getMessage() : e.getCause().toString());
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
