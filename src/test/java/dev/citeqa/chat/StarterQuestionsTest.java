package dev.citeqa.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.answer.Answer;
import dev.citeqa.answer.AnswerSpan;
import dev.citeqa.collection.Article;
import dev.citeqa.collection.Paragraph;
import dev.citeqa.collection.PassageChunker;
import dev.citeqa.embed.Embedder;
import dev.citeqa.index.CorpusIndex;
import dev.citeqa.index.IndexGenerator;
import dev.citeqa.index.IndexManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starter questions: which roles make questions, and working them out off the request path. */
class StarterQuestionsTest {

    @TempDir
    Path root;

    @Test
    void theRoleIsQualifiedByTheCapitalisedWordsBeforeIt() {
        assertEquals("Who is the Russian President?", question("On Monday, Russian President Vladimir Putin said"));
        assertEquals("Who is the NATO Secretary General?", question("NATO Secretary-General Mark Rutte met"));
        assertEquals("Who is the U.S. Secretary of State?", question("with U.S. Secretary of State Marco Rubio"));
        assertEquals("Who is the New York Mayor?", question("New York Mayor Eric Adams"));
        assertEquals("Who is Ukraine's Foreign Minister?", question("Ukraine's Foreign Minister Dmytro Kuleba"));
        assertEquals("Who is the Tesla CEO?", question("Yesterday Tesla CEO Elon Musk"));
        assertEquals("Who is the Russian President?", question("met in Washington. Russian President Vladimir Putin"));
        assertEquals("Who is the European Union Commission President?",
                question("Top European Union Commission President Ursula von"), "three words at most");
    }

    @Test
    void aRoleWithoutAQualifierOrWithAStatusIsNoQuestion() {
        assertNull(question("President Joe Biden said"), "which country's?");
        assertNull(question("said President Joe Biden"));
        assertNull(question("Former President Donald Trump"));
        assertNull(question("Former German Chancellor Angela Merkel"), "a former chancellor is not the chancellor");
        assertNull(question("the former German Chancellor Angela Merkel"));
        assertNull(question("ex-President Donald Trump"));
        assertNull(question("The New Prime Minister Keir Starmer"));
        assertNull(question("the then-President Barack Obama"));
        assertNull(question("Russian Deputy Foreign Minister Sergei Ryabkov"), "a deputy is not the minister");
        assertNull(question("On Monday President Joe Biden"));
    }

    private static String question(String text) {
        var m = java.util.regex.Pattern.compile("Secretary[- ]General|Secretary of State|Foreign Secretary"
                + "|Foreign Minister|Prime Minister|President|Chancellor|Mayor|CEO").matcher(text);
        assertTrue(m.find(), text);
        return StarterQuestions.question(text, m.start(), m.group());
    }

    @Test
    void theNameAfterTheRoleIsAFullName() {
        assertEquals("Joe Biden", StarterQuestions.person("Joe Biden Tuesday"));
        assertEquals("Recep Tayyip Erdoğan", StarterQuestions.person("Recep Tayyip Erdoğan"));
        assertEquals("Vladimir Putin", StarterQuestions.person("Vladimir Putin's"));
        assertNull(StarterQuestions.person("Mr Trump"));
        assertNull(StarterQuestions.person("Biden On"));
    }

    private static Article article(String id, String... paragraphs) {
        return new Article(id, "Title " + id, null, null,
                java.util.Arrays.stream(paragraphs).map(p -> new Paragraph(p, 0, p.length())).toList());
    }

    @Test
    void candidatesAreRolesMostArticlesGiveToOnePerson() {
        List<Article> articles = List.of(
                article("a1", "Russian President Vladimir Putin spoke. Tesla CEO Elon Musk listened.",
                        "Russian President Vladimir Putin spoke again, to U.S. President Joe Biden."),
                article("a2", "Russian President Vladimir Putin met French President Emmanuel Macron."),
                article("a3", "U.S. President Donald Trump and Russian President Vladimir Putin talked."),
                article("a4", "NATO Secretary General Mark Rutte and NATO Secretary-General Mark Rutte."),
                // One person, spelled two ways.
                article("a5", "Russian Foreign Minister Sergey Lavrov. Russian Foreign Minister Sergei Lavrov.",
                        "Russian Foreign Minister Sergey Lavrov"),
                article("a6", "The German Chancellor Olaf Scholz and German Chancellor Olaf Scholz"
                        + "\nFormer German Chancellor Angela Merkel"));
        // Not "U.S. President": Biden and Trump, half each.
        assertEquals(List.of(
                new StarterQuestions.Candidate("Who is the Russian President?", "President", "Vladimir Putin", 3),
                new StarterQuestions.Candidate("Who is the French President?", "President", "Emmanuel Macron", 1),
                new StarterQuestions.Candidate("Who is the German Chancellor?", "Chancellor", "Olaf Scholz", 1),
                new StarterQuestions.Candidate("Who is the NATO Secretary General?", "Secretary General", "Mark Rutte",
                        1),
                new StarterQuestions.Candidate("Who is the Russian Foreign Minister?", "Foreign Minister",
                        "Sergey Lavrov", 1),
                new StarterQuestions.Candidate("Who is the Tesla CEO?", "CEO", "Elon Musk", 1)),
                StarterQuestions.candidates(articles));
    }

    /** Answers a question from a fixed table, after waiting for the test to let it. */
    private static final class Answers implements Function<String, Answer> {
        final Map<String, String> texts = new ConcurrentHashMap<>();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Answer apply(String question) {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String text = texts.get(question);
            return text == null ? Answer.notInCorpus("extractive", "") : new Answer(text, true, List.of(),
                    "extractive", List.of(), null);
        }
    }

    private static final String FILLER =
            " The statement came after a long meeting with officials and advisers in the capital city.";

    private IndexManager corpus() throws IOException {
        Path corpus = Files.createDirectories(root.resolve("corpus"));
        Files.writeString(corpus.resolve("one.txt"), "Talks resume\n\nRussian President Vladimir Putin spoke."
                + FILLER + "\nTesla CEO Elon Musk spoke too." + FILLER + "\n");
        Files.writeString(corpus.resolve("two.txt"), "Talks go on\n\nRussian President Vladimir Putin answered"
                + " French President Emmanuel Macron." + FILLER + "\n");
        return new IndexManager(root.resolve("data"), corpus, 1_000_000, "test",
                new IndexGenerator(PassageChunker.ofSentences(3, 1), Embedder.none()));
    }

    @Test
    void workedOutInTheBackgroundOncePerIndexGeneration() throws Exception {
        IndexManager manager = corpus();
        CorpusIndex first = manager.openOrBuild().index();
        Answers answers = new Answers();
        answers.texts.put("Who is the Russian President?", "Russian President Vladimir Putin spoke. [one]");
        answers.texts.put("Who is the French President?", "French President Emmanuel Macron. [two]");
        answers.texts.put("Who is the Tesla CEO?", "Tesla makes cars. [one]"); // names no one: left out
        answers.texts.put("Who is the NATO Secretary General?", "NATO Secretary General Mark Rutte met. [three]");
        try (StarterQuestions starters = new StarterQuestions(answers, 4)) {
            // The answerer is held up; the request is not.
            long started = System.nanoTime();
            assertEquals(new StarterQuestions.Suggestions(List.of(), true), starters.get(first));
            assertEquals(new StarterQuestions.Suggestions(List.of(), true), starters.get(first));
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(2).toNanos());
            answers.release.countDown();
            // One question per kind of role: not the French President as well.
            assertEquals(new StarterQuestions.Suggestions(List.of("Who is the Russian President?"), false),
                    awaitReady(starters, first));

            // A new generation: the last questions meanwhile, then its own.
            Files.writeString(root.resolve("corpus/three.txt"), "Alliance meets\n\nNATO Secretary General Mark"
                    + " Rutte met them." + FILLER + "\n");
            CorpusIndex second = manager.refresh(first).index();
            assertEquals(first.generation() + 1, second.generation());
            assertEquals(List.of("Who is the Russian President?"), starters.get(second).questions());
            assertEquals(new StarterQuestions.Suggestions(
                    List.of("Who is the Russian President?", "Who is the NATO Secretary General?"), false),
                    awaitReady(starters, second));
            second.close();
        } finally {
            first.close();
        }
    }

    @Test
    void anIndexClosedBeforeItsScanKeepsTheQuestionsOfTheLastOne() throws Exception {
        IndexManager manager = corpus();
        CorpusIndex first = manager.openOrBuild().index();
        Answers answers = new Answers();
        answers.texts.put("Who is the Russian President?", "Russian President Vladimir Putin spoke. [one]");
        try (StarterQuestions starters = new StarterQuestions(answers, 4)) {
            starters.prepare(first); // held in the answerer, so that the next generation's scan waits its turn
            Files.writeString(root.resolve("corpus/three.txt"), "Alliance meets\n\nNATO Secretary General Mark"
                    + " Rutte met them." + FILLER + "\n");
            CorpusIndex second = manager.refresh(first).index();
            starters.prepare(second);
            second.close(); // replaced at once, or the service stopping
            answers.release.countDown();

            // Asking before both scans are over would start another: the first's takes milliseconds, and the
            // closed generation's, next on the worker, fails at its first read.
            Thread.sleep(2_000);
            assertEquals(new StarterQuestions.Suggestions(List.of("Who is the Russian President?"), false),
                    starters.get(first), "the closed generation left the last questions in place");
        } finally {
            first.close();
        }
    }

    @Test
    void aRoleTheAnswererCannotAnswerGivesWayToTheNextOfItsKind() throws Exception {
        try (CorpusIndex index = corpus().openOrBuild().index(); StarterQuestions starters = new StarterQuestions(
                question -> question.equals("Who is the French President?")
                        ? new Answer("He is Emmanuel Macron. [two]", true, List.of(), "extractive", List.of(), null)
                        : Answer.notInCorpus("extractive", ""), 4)) {
            assertEquals(new StarterQuestions.Suggestions(List.of("Who is the French President?"), false),
                    awaitReady(starters, index));
        }
    }

    @Test
    void aQuoteThatBoldsSomeoneElseGivesWayToo() throws Exception {
        String quote = "President Volodymyr Zelensky urged Russian President Vladimir Putin to meet. [one]";
        try (CorpusIndex index = corpus().openOrBuild().index(); StarterQuestions starters = new StarterQuestions(
                question -> switch (question) {
                    case "Who is the Russian President?" -> new Answer(quote, true, List.of(), "extractive", List.of(),
                            null, new AnswerSpan("Volodymyr Zelensky", "one", 10, 28));
                    case "Who is the French President?" -> new Answer("He is Emmanuel Macron. [two]", true, List.of(),
                            "extractive", List.of(), null, new AnswerSpan("Emmanuel Macron", "two", 6, 21));
                    default -> Answer.notInCorpus("extractive", "");
                }, 4)) {
            assertEquals(new StarterQuestions.Suggestions(List.of("Who is the French President?"), false),
                    awaitReady(starters, index));
        }
    }

    private static StarterQuestions.Suggestions awaitReady(StarterQuestions starters, CorpusIndex index)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        StarterQuestions.Suggestions s = starters.get(index);
        while (s.pending() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            s = starters.get(index);
        }
        return s;
    }
}
