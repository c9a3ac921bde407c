package dev.citeqa.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for the browser tests. The browser and driver paths are always given, so
 * Selenium Manager never runs and nothing is downloaded.
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {}

    /**
     * Skips the calling tests when Chromium or chromedriver is missing; on CI ({@code CI=true}) a missing
     * browser fails them instead, so that the browser tests can never be silently skipped there.
     */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String message = CHROMIUM + " and " + CHROMEDRIVER + " are needed (apt-get install chromium chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            assertTrue(installed, message);
        } else {
            Assumptions.assumeTrue(installed, message);
        }
    }

    private static Session shared;

    /**
     * The browser that the tests of one class share, started by the first of them; the class calls
     * {@link #quitShared()} after its last. Checking for it here reports each test as skipped, not the class.
     */
    static ChromeDriver shared() throws IOException {
        assumeInstalled();
        if (shared == null) {
            shared = start();
        }
        return shared.driver();
    }

    static void quitShared() throws IOException {
        if (shared != null) {
            try {
                shared.close();
            } finally {
                shared = null;
            }
        }
    }

    /** A running browser and its profile folder, both gone after {@link #close()}. */
    record Session(ChromeDriver driver, Path profile) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                driver.quit();
            } finally {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** A fresh headless browser with its own throw-away profile folder. */
    static Session start() throws IOException {
        Path profile = Files.createTempDirectory("citeqa-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--no-first-run",
                "--no-default-browser-check",
                "--window-size=1400,900",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30))
                .build();
        return new Session(new ChromeDriver(service, options), profile);
    }
}
