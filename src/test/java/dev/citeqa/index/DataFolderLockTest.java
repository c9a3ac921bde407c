package dev.citeqa.index;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFolderLockTest {

    @TempDir
    Path data;

    /** A second service on the folder is refused, saying why; once the first lets go, the folder is free. */
    @Test
    void oneServicePerDataFolder() throws IOException {
        try (DataFolderLock first = DataFolderLock.acquire(data)) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> DataFolderLock.acquire(data));
            assertTrue(refused.getMessage().contains("Another CiteQA service is using the data folder"),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("citeqa.data.dir"), refused.getMessage());
        }
        DataFolderLock.acquire(data).close();
    }

    /** A data folder that is a file, or one this user may not write, is refused in one line naming the setting. */
    @Test
    void unusableFolderIsToldNotTraced() throws IOException {
        Path file = Files.writeString(data.resolve("data"), "not a folder");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> DataFolderLock.acquire(file));
        assertTrue(refused.getMessage().startsWith("Cannot use the data folder " + file.toAbsolutePath()
                + " (citeqa.data.dir): " + file + " is a file, not a folder."), refused.getMessage());

        Path readOnly = Files.createDirectory(data.resolve("read-only"));
        assertTrue(readOnly.toFile().setWritable(false, false));
        // root writes anyway: there the folder is usable, and only the refusal's wording above is checked
        if (!Files.isWritable(readOnly)) {
            refused = assertThrows(IllegalStateException.class, () -> DataFolderLock.acquire(readOnly));
            assertTrue(refused.getMessage().contains("permission denied on " + readOnly.resolve(".service.lock")),
                    refused.getMessage());
        }
        assertTrue(readOnly.toFile().setWritable(true, false));

        // The lock file of an earlier run opens for writing in a folder made read-only since: refused all the same.
        DataFolderLock.acquire(readOnly).close();
        assertTrue(readOnly.toFile().setWritable(false, false));
        if (!Files.isWritable(readOnly)) {
            refused = assertThrows(IllegalStateException.class, () -> DataFolderLock.acquire(readOnly));
            assertTrue(refused.getMessage().contains("permission denied on " + readOnly), refused.getMessage());
        }
        assertTrue(readOnly.toFile().setWritable(true, false));
    }

    /** Another process: the lock is the operating system's, so a second JVM is refused too. */
    @Test
    void anotherProcessIsRefused() throws Exception {
        try (DataFolderLock held = DataFolderLock.acquire(data)) {
            Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Holder.class.getName(), data.toString())
                    .redirectErrorStream(true).start();
            String output = new String(other.getInputStream().readAllBytes());
            assertTrue(other.waitFor() != 0 && output.contains("Another CiteQA service"), output);
        }
    }

    /** Run in a second JVM by the test above. */
    public static final class Holder {
        public static void main(String[] args) throws IOException {
            DataFolderLock.acquire(Path.of(args[0])).close();
        }
    }
}
