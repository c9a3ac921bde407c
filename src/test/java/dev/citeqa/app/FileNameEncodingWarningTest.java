package dev.citeqa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileNameEncodingWarningTest {

    @Test
    void utf8NamesNeedNoWarning() {
        assertEquals(Optional.empty(), FileNameEncodingWarning.warning("UTF-8"));
        assertEquals(Optional.empty(), FileNameEncodingWarning.warning("utf8"));
    }

    @Test
    void anAsciiLocaleIsNamedWithTheWayOut() {
        // What the JVM reports under LANG=C.
        String warning = FileNameEncodingWarning.warning("ANSI_X3.4-1968").orElseThrow();
        assertTrue(warning.startsWith("File names are read as ANSI_X3.4-1968"), warning);
        assertTrue(warning.contains("LC_ALL=C.UTF-8"), warning);
        assertTrue(FileNameEncodingWarning.warning("ISO-8859-1").isPresent());
        assertTrue(FileNameEncodingWarning.warning(null).isPresent());
        assertTrue(FileNameEncodingWarning.warning("no-such-charset").isPresent());
    }
}
