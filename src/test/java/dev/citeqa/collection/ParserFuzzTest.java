package dev.citeqa.collection;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Corpora of three files built at random ({@link RandomNewsFiles}). No file may stop the corpus's date survey or the
 * parser (one slash date, 01/01/2024, once failed a whole build), and a file with a letter or digit outside markup
 * always yields a sentence inside its text. Seeded, so a failure repeats; the seed is in the message.
 */
class ParserFuzzTest {

    @Test
    void noFileStopsTheSurveyOrTheParser() {
        for (int seed = 0; seed < 3000; seed++) {
            Random random = new Random(seed);
            List<NewsCollection.SourceFile> files = new ArrayList<>();
            for (int f = 0; f < 3; f++) {
                String text = RandomNewsFiles.text(random);
                files.add(new NewsCollection.SourceFile("f" + f, "f" + f + ".txt", text, "h" + f));
            }
            String context = "seed " + seed;
            DateOrder order = assertDoesNotThrow(() -> DateOrder.survey(files).order(), context);
            for (NewsCollection.SourceFile file : files) {
                String text = file.text();
                var parsed = assertDoesNotThrow(() -> ArticleParser.read(file.id(), text, order),
                        context + ": " + text);
                // Markup and escape sequences are no words: "<p>" or "ESC [31m" alone has nothing to say.
                if (ArticleParser.hasWords(SourceView.of(text).text())) {
                    assertTrue(parsed.isPresent() && !parsed.get().sentences().isEmpty(), context + ": " + text);
                }
                parsed.ifPresent(p -> p.sentences().forEach(s -> assertTrue(
                        0 <= s.start() && s.start() < s.end() && s.end() <= text.length(), context + ": " + text)));
            }
        }
    }
}
