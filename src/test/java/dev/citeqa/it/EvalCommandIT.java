package dev.citeqa.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The evaluation command as a user runs it on their own folder and question file: the packaged jar, in a folder
 * of its own, in {@code bm25} mode (no model). Results on stdout, the log on stderr, and a mistake told by file
 * and line before anything is indexed.
 */
class EvalCommandIT extends ServiceProcess {

    EvalCommandIT() {
        super("it-eval");
    }

    record Run(int exitCode, String out, String err) {}

    private Run eval(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-Dciteqa.retrieval.mode=bm25", "-jar",
                jar.toString(), "eval"));
        command.addAll(List.of(args));
        Path out = root.resolve("out.txt");
        Path err = root.resolve("err.txt");
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "eval did not finish");
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @Test
    void aMistakeInTheQuestionFileIsToldByLineBeforeAnythingIsIndexed() throws Exception {
        Files.writeString(root.resolve("q.jsonl"), "{\"question\": \"Who?\"}\n{\"question\": \"Where?\",}\n");

        Run run = eval("--corpus", "corpus", "--questions", "q.jsonl");

        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("q.jsonl:2: not one JSON object"), run.err());
        assertFalse(Files.exists(root.resolve("target")), "nothing indexed");
    }

    @Test
    void resultsGoToStdoutWithCountsAndAFigureWithoutQuestionsIsNotApplicable() throws Exception {
        Files.writeString(corpus.resolve("bridge.txt"), "Harbour bridge reopens\n\nThe harbour bridge in Quellhafen "
                + "reopened on Monday after repairs that cost 4.2 million euros, the city council said.\n");
        Files.writeString(root.resolve("q.jsonl"), "{\"id\": \"cost\", \"question\": \"How much did the repairs of "
                + "the harbour bridge cost?\", \"gold\": [\"bridge.txt\"], \"answer_any\": \"4.2 million\"}\n"
                + "{\"id\": \"other\", \"question\": \"When did the bridge reopen?\", \"gold\": [\"bridges\"], "
                + "\"answer_any\": [\"Monday\"]}\n");

        Run run = eval("--corpus", "corpus", "--questions", "q.jsonl", "-v");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("2 to answer (2 of them ranked against their gold articles), 0 to abstain on"),
                run.out());
        assertTrue(run.out().contains("mode=bm25 answer_acc=1.000 "), run.out());
        assertTrue(run.out().contains(" abstain_acc=n/a hit@1=0.500 "), run.out());
        assertFalse(run.out().contains(" INFO "), "the log is on stderr");
        assertTrue(run.err().contains("warning: 1 gold article IDs are not in the corpus"), run.err());
        assertTrue(run.err().contains("question other: \"bridges\""), run.err());
    }

    @Test
    void aFileWithoutQuestionsBuildsTheIndexAndAsksNothing() throws Exception {
        Files.writeString(corpus.resolve("bridge.txt"), "Harbour bridge reopens\n\nThe bridge reopened on Monday.\n");
        Files.writeString(root.resolve("none.jsonl"), "");

        Run run = eval("--corpus", "corpus", "--questions", "none.jsonl");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("no questions in none.jsonl: the index is built, nothing is asked"), run.out());
        assertFalse(run.out().contains("answer_acc"), run.out());
        assertTrue(run.err().contains("Built index"), "the benchmarks read the build's log line: " + run.err());
    }

    @Test
    void aFolderWithoutArticlesFailsTheEvaluationSayingSo() throws Exception {
        Files.writeString(root.resolve("q.jsonl"), "{\"question\": \"Who?\", \"expect\": \"abstain\"}\n");

        Run run = eval("--corpus", "corpus", "--questions", "q.jsonl");

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("Evaluation failed: the corpus folder corpus holds no article to ask about"),
                run.err());
    }
}
