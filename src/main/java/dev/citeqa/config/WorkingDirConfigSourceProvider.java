package dev.citeqa.config;

import io.smallrye.config.PropertiesConfigSourceLoader;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;

/**
 * Reads the user's {@code application.properties} from the working directory, so that the file at the top
 * of the repository configures the service without a rebuild. Quarkus itself only looks in
 * {@code $PWD/config/}. The ordinal matches that location: above the built-in defaults (250), below
 * environment variables (300) and system properties (400), so {@code CITEQA_*} and {@code -Dciteqa.*}
 * still override the file. A missing file is simply no source.
 */
public class WorkingDirConfigSourceProvider implements ConfigSourceProvider {

    static final int ORDINAL = 260;

    @Override
    public Iterable<ConfigSource> getConfigSources(ClassLoader classLoader) {
        return PropertiesConfigSourceLoader.inFileSystem("application.properties", ORDINAL, classLoader);
    }
}
