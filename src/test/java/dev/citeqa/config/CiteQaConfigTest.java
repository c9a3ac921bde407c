package dev.citeqa.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The configuration that tools outside the service read: the defaults, and a setting given on the command line. */
class CiteQaConfigTest {

    private static final String SHARE = "citeqa.retrieval.article-meaning-share";

    @Test
    void aSystemPropertyOverridesTheDefaultOnlyWhereAsked() {
        String before = System.getProperty(SHARE);
        System.setProperty(SHARE, "0.5");
        try {
            assertEquals(0.5f, CiteQaConfig.withSystemProperties().retrieval().articleMeaningShare());
            assertEquals(0.3f, CiteQaConfig.defaults().retrieval().articleMeaningShare());
        } finally {
            if (before == null) {
                System.clearProperty(SHARE);
            } else {
                System.setProperty(SHARE, before);
            }
        }
    }
}
