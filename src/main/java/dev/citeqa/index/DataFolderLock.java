package dev.citeqa.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One service per data folder, held for the service's life. Each service removes the index generations it has
 * replaced and builds its own, so a second one on the same folder deleted the first one's serving index, and the
 * first could never reindex again while it still answered as healthy. The second is refused at start instead.
 * The operating system drops the lock when the process dies, so a killed service leaves nothing to clean up.
 */
public final class DataFolderLock implements Closeable {

    private static final String FILE = ".service.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @throws IllegalStateException when another service (or another instance in this JVM) holds the folder, or the
     *     folder cannot be made, written or locked: the service cannot go on, and the message says why in one line
     */
    public static DataFolderLock acquire(Path dataDir) {
        FileChannel channel;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw unusable(dataDir, e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel); // a file system without locks (some network shares)
            throw unusable(dataDir, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new IllegalStateException("Another CiteQA service is using the data folder "
                    + dataDir.toAbsolutePath() + " (citeqa.data.dir). Each service needs a data folder of its own: "
                    + "stop the other one, or give this one another citeqa.data.dir.");
        }
        try {
            // The lock file of an earlier run opens for writing in a folder that no longer lets this user write, and
            // the index is written beside it: try a file of the folder's own.
            Files.delete(Files.createTempFile(dataDir, ".write-check-", ""));
        } catch (IOException e) {
            closeQuietly(channel); // releases the lock too
            throw unusable(dataDir, e);
        }
        return new DataFolderLock(channel, lock);
    }

    /** Why the folder cannot serve, as a user can act on it: the JDK's exceptions name only a path. */
    static IllegalStateException unusable(Path dataDir, IOException e) {
        String why;
        if (e instanceof AccessDeniedException denied) {
            why = "permission denied on " + denied.getFile();
        } else if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            why = ((FileSystemException) e).getFile() + " is a file, not a folder";
        } else if (e instanceof FileSystemException failed && failed.getReason() != null) {
            why = failed.getReason() + " (" + failed.getFile() + ")";
        } else {
            why = String.valueOf(e.getMessage());
        }
        return new IllegalStateException("Cannot use the data folder " + dataDir.toAbsolutePath()
                + " (citeqa.data.dir): " + why + ". The index is kept there, so it must be a folder this user can "
                + "create, write and lock; give another with citeqa.data.dir.", e);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // the refusal already says what matters
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
