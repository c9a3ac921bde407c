package dev.citeqa.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
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

    /** @throws IllegalStateException when another service (or another instance in this JVM) holds the folder */
    public static DataFolderLock acquire(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel channel = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close(); // a file system without locks (some network shares)
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("Another CiteQA service is using the data folder "
                    + dataDir.toAbsolutePath() + " (citeqa.data.dir). Each service needs a data folder of its own: "
                    + "stop the other one, or give this one another citeqa.data.dir.");
        }
        return new DataFolderLock(channel, lock);
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
