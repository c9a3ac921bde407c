package dev.citeqa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReindexTest {

    @Test
    void errorsShowNeitherTheCorpusFolderNorTheDataFolder() {
        Path corpus = Path.of("/srv/news/corpus");
        Path data = Path.of("/srv/news/data");
        assertEquals("FileAlreadyExistsException: <data>/index-0017",
                Reindex.relative("FileAlreadyExistsException: /srv/news/data/index-0017", corpus, data));
        assertEquals("2024/x.txt: Permission denied; <corpus> is full",
                Reindex.relative("/srv/news/corpus/2024/x.txt: Permission denied; /srv/news/corpus is full", corpus,
                        data));
    }

    @Test
    void theLongerFolderGoesFirstAndAFolderOnlyWhereItsNameEnds() {
        Path data = Path.of("/srv/data");
        Path corpus = Path.of("/srv/data/corpus");
        assertEquals("2024/x.txt: Permission denied", Reindex.relative("/srv/data/corpus/2024/x.txt: Permission denied",
                corpus, data));
        assertEquals("/srv/database/x and <data>/index-1", Reindex.relative("/srv/database/x and /srv/data/index-1",
                Path.of("/srv/news"), data));
    }
}
