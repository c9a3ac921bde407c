package dev.citeqa.app;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Warns at start-up when the JVM reads file names in a charset other than UTF-8. It takes that charset from the
 * process's locale ({@code sun.jnu.encoding}, which no option overrides), and a container's default locale (C or
 * POSIX) is ASCII: then every file whose name has an accent or another script ("café.txt", "中文.txt") is skipped as
 * a bad name, and a corpus folder named so cannot be opened at all.
 */
@ApplicationScoped
public class FileNameEncodingWarning {

    private static final Logger LOG = Logger.getLogger(FileNameEncodingWarning.class);

    void check(@Observes StartupEvent event) {
        // Windows reads file names as UTF-16 whatever its code page; the locale decides on Unix alone.
        if (!System.getProperty("os.name", "").startsWith("Windows")) {
            warning(System.getProperty("sun.jnu.encoding")).ifPresent(LOG::warn);
        }
    }

    /** What to tell the operator when file names are read in {@code encoding}: nothing when it is UTF-8. */
    static Optional<String> warning(String encoding) {
        if (isUtf8(encoding)) {
            return Optional.empty();
        }
        return Optional.of("File names are read as " + encoding + ", the locale's charset, not UTF-8: articles whose "
                + "names have other characters (accents, other scripts) are skipped as bad-name. Start the service "
                + "with a UTF-8 locale, e.g. LC_ALL=C.UTF-8 (scripts/citeqa.sh sets it).");
    }

    private static boolean isUtf8(String encoding) {
        try {
            return encoding != null && Charset.forName(encoding).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false; // a name the JVM does not know, or cannot be a charset's
        }
    }
}
