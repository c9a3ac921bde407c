package dev.citeqa.collection;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The corpus folder: every {@code *.txt} file is one article, named by its ID. Files that cannot be an article
 * (empty, binary, neither UTF-8, UTF-16 nor Windows-1252, too large, a name that cannot be cited, a link that
 * leads out of the folder, a file deleted while it was read) are skipped, logged and reported with the reason, so
 * that one bad file never stops the others from being indexed. Subfolders are read too, as people file articles
 * by month or outlet; an article's ID is still its file's name, so of two files of one name the one nearer the
 * top (else the first by path) is read and the other skipped. The folder's own files of other kinds
 * ({@code .md} or {@code .html} exports) are reported, never read, as a folder that yields no article must say
 * why. Hidden entries ({@code .git}, {@code .DS_Store}, {@code ._story.txt}) are left alone.
 */
public final class NewsCollection {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * The most bytes above 127 that a file read as Windows-1252 may have. French or German news has a few
     * percent (accented letters, curly quotes); text in Cyrillic or Greek single-byte encodings, or in a
     * multi-byte one such as GBK, has well over half.
     */
    private static final double MAX_LEGACY_NON_ASCII = 0.2;

    private static final Logger LOG = Logger.getLogger(NewsCollection.class);

    /** Entries that are not article files at all: reported, but never opened. */
    private static final Set<SkipReason> NOT_READ = EnumSet.of(SkipReason.NOT_TXT, SkipReason.FOLDER);

    /** The extension of an article file, matched in any case; the ID is the name without it. */
    private static final String TXT = ".txt";
    /** Added to a duplicate's part of the corpus fingerprint: the same bytes indexed or skipped differ there. */
    private static final byte[] DUPLICATE_MARK = "\u0000duplicate".getBytes(StandardCharsets.UTF_8);

    /** Deeper than any filing scheme goes (year, month, day, outlet, section...); a bound on a walk gone wrong. */
    static final int MAX_DEPTH = 8;

    /**
     * IDs appear inside "[...]" citation markers and URLs, so they are kept to a safe alphabet: no brackets, no
     * slashes, none of the ",", ";" and "|" that separate IDs in a marker. People name files after headlines and
     * copy tools add " (1)", so single spaces (not at the end) and {@code ( ) ' ’ & + !} are allowed.
     */
    private static final Pattern ID =
            Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{M}\\p{N}_.\\-()'’&+!]| (?=[^ ])){0,127}");

    /** What a folder's name in an ID loses: the slashes between folders, spaces and anything a marker would break. */
    private static final Pattern NOT_IN_ID = Pattern.compile("[^\\p{L}\\p{M}\\p{N}_.'’&+!]+");

    /**
     * A readable article file.
     *
     * @param name the file's path in the corpus folder ("2024/01/story.txt"), as reports name it
     * @param hash SHA-256 of the file's bytes, which tells an incremental reindex whether the file changed
     */
    public record SourceFile(String id, String name, String text, String hash) {

        SourceFile withId(String other) {
            return new SourceFile(other, name, text, hash);
        }
    }

    /** A file left out of the index. @param file its name, relative to the corpus folder */
    public record Skipped(String file, SkipReason reason) {}

    /**
     * Which files may be read.
     *
     * @param followHardLinks whether a file with more than one hard link is read; a hard link can make a file
     *     anywhere on the disk look like a corpus file, so by default it is not
     */
    public record Rules(long maxFileBytes, boolean followHardLinks) {}

    /**
     * @param skipped files left out, in the order of {@link #list}
     * @param fingerprint changes whenever a file is added, removed, renamed or edited
     * @param listing the folder's {@link #listingFingerprint} taken before the files were read
     * @param dates the order of day and month in the corpus's slash dates
     */
    public record Scan(List<SourceFile> files, List<Skipped> skipped, String fingerprint, String listing,
            DateOrder.Survey dates) {}

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

    /** With the default rules: hard links are not followed. */
    public static Scan scan(Path dir, long maxFileBytes) throws IOException {
        return scan(dir, new Rules(maxFileBytes, false));
    }

    public static Scan scan(Path dir, Rules rules) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("citeqa.corpus.dir: '" + dir.toAbsolutePath() + "' is not a folder");
        }
        String listing = listingFingerprint(dir);
        return read(dir, list(dir), rules, listing);
    }

    /**
     * The entries to read or report, the folder's own first, then each level down, by path: every
     * {@code *.txt} file of the folder and its subfolders, the folder's own other files (a subfolder's are not
     * reported: the index's folder may be one, and its files change with every commit), and the folders not
     * walked into. Hidden entries are left out. What each is is checked when it is read.
     */
    static List<Path> list(Path dir) throws IOException {
        List<Path> entries = new ArrayList<>();
        addEntries(dir, 0, entries);
        // The folder's own files first, then each level down: of two files of one name, the one nearer the top
        // is the article.
        entries.sort(Comparator.comparingInt(Path::getNameCount).thenComparing(Comparator.naturalOrder()));
        return entries;
    }

    /**
     * The entries of a folder {@code depth} levels down. A subfolder that cannot be listed is itself an entry, to
     * report; the corpus folder itself must be listed.
     */
    private static void addEntries(Path folder, int depth, List<Path> entries) throws IOException {
        List<Path> children;
        try (Stream<Path> listing = Files.list(folder)) {
            children = listing.filter(p -> !isHidden(p)).toList();
        }
        for (Path child : children) {
            if (isWalked(child, depth + 1)) {
                try {
                    addEntries(child, depth + 1, entries);
                } catch (IOException | UncheckedIOException e) {
                    entries.add(child);
                }
            } else if (depth == 0 || isArticleFile(child) || Files.isDirectory(child)) {
                entries.add(child);
            }
        }
    }

    /** Folders are walked into, but not through a link (which may lead anywhere, or round in a loop). */
    private static boolean isWalked(Path entry, int depth) {
        return depth <= MAX_DEPTH && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS);
    }

    /** "2024/01/story.txt": the path in the corpus folder, with '/' on every system, as reports name files. */
    static String relativeName(Path dir, Path entry) {
        return dir.relativize(entry).toString().replace(entry.getFileSystem().getSeparator(), "/");
    }

    /** Whether an entry is hidden by the Unix convention, which editors, Git and file managers follow. */
    static boolean isHidden(Path entry) {
        return entry.getFileName().toString().startsWith(".");
    }

    /** A {@code .txt} file in any case: Windows keeps "STORY.TXT" from older tools, and its names ignore case. */
    static boolean isArticleFile(Path entry) {
        String name = entry.getFileName().toString();
        return name.regionMatches(true, name.length() - TXT.length(), TXT, 0, TXT.length());
    }

    /** Reads the listed files. One that is gone by now was deleted or renamed meanwhile: it is skipped. */
    static Scan read(Path dir, List<Path> paths, Rules rules, String listing) throws IOException {
        return read(dir, paths, rules, listing, NewsCollection::readInside);
    }

    /**
     * How a file's bytes are read: {@link #readInside}, or in a test one that fails as a disk can.
     *
     * @param inside the file's path relative to {@code root}
     * @param limit the most bytes to read; a file longer than that gives one more
     */
    interface FileBytes {
        byte[] read(Path root, Path inside, long limit) throws IOException;
    }

    /** One byte more than {@code limit}, so that a longer file shows, within what an array can hold. */
    private static int toRead(long limit) {
        return limit >= MAX_READ ? MAX_READ : (int) Math.max(0, limit) + 1;
    }

    /** The longest array a JVM allocates: a file longer than this is too large whatever the configured limit. */
    static final int MAX_READ = Integer.MAX_VALUE - 8;

    /**
     * The bytes of a file inside {@code root}, reached one folder at a time relative to the last one opened, never
     * through a link (openat with O_NOFOLLOW). The checks made on the path before (no link out of the folder, a
     * regular file) would otherwise hold for what the path named then, not for what is opened: a corpus editor
     * who swaps the file, or a folder above it, for a link between the two could publish any file the service
     * can read. A link met now means the folder changed since it was listed: the file counts as gone, and the
     * changed listing reads it again. Where the platform cannot open relative to a folder (Windows), the path is
     * read as it is.
     */
    static byte[] readInside(Path root, Path inside, long limit) throws IOException {
        List<Closeable> opened = new ArrayList<>();
        try (DirectoryStream<Path> top = Files.newDirectoryStream(root)) {
            if (!(top instanceof SecureDirectoryStream<Path> folder)) {
                try (InputStream in = Files.newInputStream(root.resolve(inside))) {
                    return in.readNBytes(toRead(limit));
                }
            }
            for (int i = 0; i < inside.getNameCount() - 1; i++) {
                folder = folder.newDirectoryStream(inside.getName(i), LinkOption.NOFOLLOW_LINKS);
                opened.add(folder);
            }
            Path name = inside.getFileName();
            if (!folder.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes().isRegularFile()) {
                throw new NoSuchFileException(root.resolve(inside).toString(), null, "no longer a regular file");
            }
            try (InputStream in = Channels.newInputStream(folder.newByteChannel(name,
                    Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
                return in.readNBytes(toRead(limit));
            }
        } catch (FileSystemException e) {
            boolean link = e instanceof NotDirectoryException
                    || String.valueOf(e.getReason()).contains("symbolic link");
            if (e instanceof AccessDeniedException || e instanceof NoSuchFileException || !link) {
                throw e;
            }
            throw new NoSuchFileException(root.resolve(inside).toString(), null, "a link where the folder had none");
        } finally {
            for (Closeable c : opened.reversed()) {
                c.close();
            }
        }
    }

    static Scan read(Path dir, List<Path> paths, Rules rules, String listing, FileBytes bytes) throws IOException {
        Path root = dir.toRealPath();
        List<String> names = new ArrayList<>();
        List<Read> reads = new ArrayList<>();
        for (Path path : paths) {
            String name = relativeName(dir, path);
            Read read;
            try {
                read = isArticleFile(path) && !Files.isDirectory(path)
                        ? read(path, name, root, dir.relativize(path), rules, bytes) : notAnArticle(path, name);
            } catch (NoSuchFileException e) {
                read = new Read(null, SkipReason.VANISHED, null);
            } catch (AccessDeniedException e) {
                // One file the service may not read must not stop the others: skipped and named, and read again
                // when the listing changes (its readability is part of the listing). Any other I/O error fails
                // the scan, as it may pass: the index keeps serving and the change is tried again later.
                LOG.debugf("Cannot read %s: %s", FileNames.forLog(name), e);
                read = new Read(null, SkipReason.UNREADABLE, skipMark(name, SkipReason.UNREADABLE));
            }
            names.add(name);
            reads.add(read);
        }
        withIds(names, reads);
        MessageDigest corpusDigest = sha256();
        List<SourceFile> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            Read read = reads.get(i);
            String name = names.get(i);
            if (read.digest() != null) {
                corpusDigest.update(read.digest());
            }
            if (read.file() != null) {
                files.add(read.file());
            } else {
                if (!NOT_READ.contains(read.reason())) {
                    LOG.warnf("Skipping %s: %s", FileNames.forLog(name), read.reason() == SkipReason.TOO_LARGE
                            ? read.reason().description() + " (" + rules.maxFileBytes() + " bytes)"
                            : read.reason().description());
                }
                skipped.add(new Skipped(name, read.reason()));
            }
        }
        // Other kinds of entry are one fact about the folder, not a fault in each: a line per reason.
        for (SkipReason reason : NOT_READ) {
            List<String> entries = skipped.stream().filter(s -> s.reason() == reason).map(Skipped::file).toList();
            if (!entries.isEmpty()) {
                LOG.infof("Not read (%s): %d, such as %s: %s", reason.code(), entries.size(), entries.stream().limit(3)
                        .map(FileNames::forLog).collect(Collectors.joining(", ")), reason.description());
            }
        }
        return new Scan(files, skipped, HexFormat.of().formatHex(corpusDigest.digest()), listing,
                DateOrder.survey(files));
    }

    /**
     * Gives each file read its ID, in place. Citations name an article by its file name: every file keeps its own
     * where no file listed before it has that name, and only then does another of that name (a scraper's
     * "2024/01/05/article.txt") take its folders beside it ({@link #withFolder}), so that a folder of "article.txt"
     * files loses none and no file loses its own name to another's. Names that differ only in case or in how an
     * accent is encoded look alike to a reader, and are one file on macOS and Windows.
     */
    private static void withIds(List<String> names, List<Read> reads) {
        Set<String> ids = new HashSet<>();
        boolean[] own = new boolean[reads.size()];
        for (int i = 0; i < reads.size(); i++) {
            own[i] = reads.get(i).file() != null && ids.add(idKey(reads.get(i).file().id()));
        }
        for (int i = 0; i < reads.size(); i++) {
            Read read = reads.get(i);
            if (read.file() == null || own[i]) {
                continue;
            }
            String qualified = withFolder(read.file().id(), names.get(i));
            if (qualified != null && ids.add(idKey(qualified))) {
                LOG.infof("%s is article %s, as a file nearer the top has its name", FileNames.forLog(names.get(i)),
                        FileNames.forLog(qualified));
                reads.set(i, new Read(read.file().withId(qualified), null,
                        concat(read.digest(), qualified.getBytes(StandardCharsets.UTF_8))));
            } else {
                reads.set(i, new Read(null, SkipReason.DUPLICATE_ID, concat(read.digest(), DUPLICATE_MARK)));
            }
        }
    }

    /**
     * One file read, or why not.
     *
     * @param digest what the file adds to the corpus fingerprint: its name and size, and its hash once read
     */
    private record Read(SourceFile file, SkipReason reason, byte[] digest) {}

    /**
     * What a file skipped without being read adds to the corpus fingerprint: its name and why. Without it, a link
     * added or removed left the fingerprint as it was, and the index (and the skip report it keeps) was reused.
     */
    private static byte[] skipMark(String name, SkipReason reason) {
        return (name + "\u0000" + reason.code() + "\u0000").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A folder or an entry not named *.txt, skipped by name alone (the name is in the corpus fingerprint, so that
     * the report follows the folder).
     */
    private static Read notAnArticle(Path path, String relativeName) {
        byte[] name = (relativeName + "\u0000").getBytes(StandardCharsets.UTF_8);
        return new Read(null, Files.isDirectory(path) ? SkipReason.FOLDER : SkipReason.NOT_TXT, name);
    }

    /**
     * Throws NoSuchFileException once the file is gone.
     *
     * @param name the file's path in the corpus folder
     */
    private static Read read(Path path, String name, Path root, Path inside, Rules rules, FileBytes reader)
            throws IOException {
        String fileName = path.getFileName().toString();
        String id = fileName.substring(0, fileName.length() - TXT.length());
        byte[] named = (name + "\u0000").getBytes(StandardCharsets.UTF_8);
        if (Files.isSymbolicLink(path)) {
            // A link counts only when its target is a regular file inside the folder: a link to anywhere else
            // would let a corpus editor publish any file the service can read.
            Path target = target(path);
            if (target == null || !target.startsWith(root)) {
                return new Read(null, SkipReason.LINK_OUTSIDE, skipMark(name, SkipReason.LINK_OUTSIDE));
            }
            if (!Files.isRegularFile(target)) {
                return new Read(null, SkipReason.NOT_A_FILE, named);
            }
            inside = root.relativize(target); // the target checked here is the one read, not the link's next
        } else if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.notExists(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new NoSuchFileException(path.toString());
            }
            if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                // Neither there nor gone: it cannot even be looked at, in a folder the service may list but not
                // enter (no execute permission).
                return new Read(null, SkipReason.UNREADABLE, named);
            }
            // Never opened: reading a named pipe waits for a writer that may never come.
            return new Read(null, SkipReason.NOT_A_FILE, named);
        }
        long size = Files.size(path);
        byte[] header = (name + "\u0000" + size + "\u0000").getBytes(StandardCharsets.UTF_8);
        if (!isArticleId(id)) {
            return new Read(null, SkipReason.BAD_NAME, header);
        }
        if (!rules.followHardLinks() && hardLinks(path) > 1) {
            return new Read(null, SkipReason.HARD_LINK, header);
        }
        if (size == 0) {
            return new Read(null, SkipReason.EMPTY, header);
        }
        if (size > rules.maxFileBytes()) {
            return new Read(null, SkipReason.TOO_LARGE, header);
        }
        byte[] bytes = reader.read(root, inside, rules.maxFileBytes());
        if (bytes.length > rules.maxFileBytes() || bytes.length >= MAX_READ) {
            return new Read(null, SkipReason.TOO_LARGE, header); // it grew after its size was read
        }
        byte[] hash = sha256().digest(bytes);
        byte[] digest = concat(header, hash);
        // UTF-8 text never holds a NUL; UTF-16 text (Notepad's "Unicode", Windows PowerShell's redirects) holds
        // one in every ASCII character, and binary files hold them anywhere.
        boolean nul = containsNul(bytes);
        boolean marked = utf16Mark(bytes) != null;
        String text = nul || marked ? decodeUtf16(bytes) : null;
        if (text == null) {
            if (nul) {
                return new Read(null, SkipReason.BINARY, digest);
            }
            if (marked) {
                // A UTF-16 mark opens no UTF-8 text, and read as Windows-1252 it would be "ÿþ" and nonsense.
                return new Read(null, SkipReason.NOT_UTF8, digest);
            }
            try {
                text = decode(bytes);
            } catch (CharacterCodingException e) {
                return new Read(null, SkipReason.NOT_UTF8, digest);
            }
        }
        if (isBlank(text)) {
            return new Read(null, SkipReason.WHITESPACE_ONLY, digest);
        }
        if (!ArticleParser.hasWords(text)) {
            // Told here, not when parsed, so that "🙂🙂" in weather.txt does not take the ID "weather" from an
            // article of that name further down the folder.
            return new Read(null, SkipReason.NO_TEXT, digest);
        }
        return new Read(new SourceFile(id, name, text, HexFormat.of().formatHex(hash)), null, digest);
    }

    /** Links to the file's data, its own name included; 1 where the file system does not count them. */
    private static int hardLinks(Path path) throws IOException {
        try {
            return ((Number) Files.getAttribute(path, "unix:nlink")).intValue();
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return 1;
        }
    }

    /**
     * The ID of a file whose name an article nearer the top already has: the name, then its folders in brackets
     * ("article (2024-01-05)" for {@code 2024/01/05/article.txt}), each run of characters an ID may not hold
     * written as "-". Null at the top of the folder, or when that is no ID (too long).
     *
     * @param name the file's path in the corpus folder
     */
    static String withFolder(String id, String name) {
        int slash = name.lastIndexOf('/');
        if (slash <= 0) {
            return null;
        }
        String folders = NOT_IN_ID.matcher(name.substring(0, slash)).replaceAll("-").replaceAll("^-+|-+$", "");
        String qualified = id + " (" + folders + ")";
        return folders.isEmpty() || !isArticleId(qualified) ? null : qualified;
    }

    /** An article ID as people and case-blind file systems tell them apart. */
    public static String idKey(String id) {
        return Normalizer.normalize(id, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    /** Where a link leads, or null for a dangling one (or a loop). */
    private static Path target(Path link) {
        try {
            return link.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean containsNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** Nothing but white space, no-break spaces and invisible format characters (byte order marks, U+200B). */
    private static boolean isBlank(String text) {
        return text.chars().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** Whether {@code id} could name an article: the alphabet of IDs has no slash, and no leading dot. */
    public static boolean isArticleId(String id) {
        return ID.matcher(id).matches();
    }

    /**
     * A file's text: UTF-8, else Windows-1252, the legacy encoding of most English text on Windows (and of
     * Latin-1's printable characters), in which older news archives and exports are often saved. Only text that
     * is mostly ASCII is read that way: a Latin-script language has a few accented letters and curly quotes
     * among its ASCII, while text in another script, or in a multi-byte encoding, is mostly bytes above 127 and
     * would be read as nonsense.
     */
    static String decode(byte[] bytes) throws CharacterCodingException {
        try {
            return strictly(StandardCharsets.UTF_8, bytes);
        } catch (CharacterCodingException notUtf8) {
            // UTF-8 with a stray byte in it is not Windows-1252: read that way, every "’" would become "â€™".
            if (nonAsciiShare(bytes) > MAX_LEGACY_NON_ASCII || hasUtf8Character(bytes)) {
                throw notUtf8;
            }
            // Strict too: the five bytes Windows-1252 leaves undefined are refused, not replaced.
            return strictly(WINDOWS_1252, bytes);
        }
    }

    /**
     * Whether the bytes hold a well-formed UTF-8 character beyond ASCII, a byte-order mark among them; the JDK's
     * decoder, replacing what is malformed, finds them. Windows-1252 text rarely holds one: its accented letters
     * are mostly followed by ASCII, not by the bytes 80 to BF that continue a UTF-8 character.
     */
    private static boolean hasUtf8Character(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).chars().anyMatch(c -> c > 0x7F && c != 0xFFFD);
    }

    private static double nonAsciiShare(byte[] bytes) {
        int high = 0;
        for (byte b : bytes) {
            if (b < 0) {
                high++;
            }
        }
        return (double) high / bytes.length;
    }

    /**
     * A file's text when it is UTF-16, else null. Its byte-order mark says which byte comes first; without one,
     * the NULs do: the ASCII and Latin-1 characters of English or European text put a NUL in most high bytes
     * (the odd bytes in little-endian, the even ones in big-endian) and none in the low ones, while binary data
     * has them on both sides. Decoded strictly (an odd byte count or a lone surrogate fails), and refused when the
     * result holds a NUL, or, without a mark, any control character other than line ends, tabs and form feeds: a
     * mark says the file is text, which may carry a stray control as UTF-8 text may (a real news file has U+0081
     * before its quotes; the parser shows such characters as blanks), while bytes that only look like UTF-16 must
     * read as text throughout. The mark stays in the text, as in UTF-8, so that offsets count every decoded
     * character.
     */
    static String decodeUtf16(byte[] bytes) {
        Charset charset = utf16Mark(bytes);
        boolean marked = charset != null;
        if (charset == null) {
            double even = nulShare(bytes, 0);
            double odd = nulShare(bytes, 1);
            if (even == 0 && odd >= 0.5) {
                charset = StandardCharsets.UTF_16LE;
            } else if (odd == 0 && even >= 0.5) {
                charset = StandardCharsets.UTF_16BE;
            } else {
                return null;
            }
        }
        String text;
        try {
            text = strictly(charset, bytes);
        } catch (CharacterCodingException e) {
            return null;
        }
        boolean controls = text.chars().anyMatch(c -> c == 0 || !marked && Character.isISOControl(c) && c != '\n'
                && c != '\r' && c != '\t' && c != '\f' && !SourceView.isLineSeparator((char) c));
        return controls ? null : text;
    }

    /** The byte order a UTF-16 byte-order mark at the start gives, or null. */
    private static Charset utf16Mark(byte[] bytes) {
        if (bytes.length < 2) {
            return null;
        }
        int first = bytes[0] & 0xFF;
        int second = bytes[1] & 0xFF;
        if (first == 0xFF && second == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return first == 0xFE && second == 0xFF ? StandardCharsets.UTF_16BE : null;
    }

    /** The share of NULs among the bytes at {@code first}, {@code first + 2}, ... */
    private static double nulShare(byte[] bytes, int first) {
        int nuls = 0;
        for (int i = first; i < bytes.length; i += 2) {
            nuls += bytes[i] == 0 ? 1 : 0;
        }
        return 2.0 * nuls / bytes.length;
    }

    /**
     * Strict decoding: a replacement character would silently corrupt text and offsets. A byte-order mark
     * stays in the text (the parser treats it as blank), so offsets count every decoded character. The evaluation
     * reads its question files so too.
     */
    public static String strictly(Charset charset, byte[] bytes) throws CharacterCodingException {
        return charset.newDecoder()
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
