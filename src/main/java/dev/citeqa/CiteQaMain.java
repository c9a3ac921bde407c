package dev.citeqa;

import dev.citeqa.eval.EvalCommand;
import dev.citeqa.eval.EvalOptions;
import dev.citeqa.eval.EvalQuestion;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.QuarkusBindException;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Starts the service, or with {@code eval} as first argument runs the evaluation in-process and exits. It sits
 * above the packages it starts, so that {@code app} (the service) and {@code eval} (which runs it) do not depend
 * on each other both ways.
 */
@QuarkusMain
public class CiteQaMain {

    public static void main(String... args) {
        // Quarkus answers a URI that java.net.URI refuses ("%zz") with an empty 400 before any handler runs; with
        // its check off, the API gate refuses the same URIs with a JSON error. Read when the HTTP layer starts.
        System.setProperty("vertx.disableURIValidation", "true");
        if (args.length == 0 || !args[0].equals("eval")) {
            // A setting that cannot work, or a data folder another service holds, is told in one line naming it, not
            // in a stack trace that opens with "Failed to start quarkus".
            // The default handler exits the JVM, or, where dev mode or a test has set its own, does what that says.
            BiConsumer<Integer, Throwable> exit = ApplicationLifecycleManager.getDefaultExitCodeHandler();
            Quarkus.run(Service.class, (exitCode, failure) -> {
                if (failure != null) {
                    System.err.println("CiteQA cannot start: " + startFailure(failure));
                    if (!told(failure)) {
                        // A fault of ours, not of the settings: where it happened is worth the trace.
                        failure.printStackTrace();
                    }
                }
                exit.accept(exitCode, failure);
            }, args);
            return;
        }
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.out.println(EvalOptions.USAGE);
            System.exit(0);
            return;
        }
        EvalOptions options;
        try {
            options = EvalOptions.parse(args);
            // Read before the service starts: a mistake in the file is told at once, naming its line, and not after
            // minutes of indexing.
            EvalQuestion.read(Path.of(options.questions()));
        } catch (IllegalArgumentException | IOException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // Set before Quarkus reads its configuration: the evaluated corpus, its own data folder, no HTTP
        // listener and no folder watching, so an evaluation runs beside a running service.
        if (options.corpus() != null) {
            System.setProperty("citeqa.corpus.dir", options.corpus());
        }
        if (options.data() != null) {
            System.setProperty("citeqa.data.dir", options.data());
        }
        System.setProperty("quarkus.http.host-enabled", "false");
        System.setProperty("citeqa.corpus.watch", "false");
        // The log on stderr, so that stdout holds the results alone, for a script to read.
        System.setProperty("quarkus.log.console.stderr", "true");
        Quarkus.run(EvalCommand.class, (exitCode, failure) -> {
            if (failure != null) {
                System.err.println("Evaluation failed: " + reasons(failure));
            }
            System.exit(failure != null ? 1 : exitCode);
        }, args);
    }

    /** The service: it serves until it is stopped. */
    public static class Service implements QuarkusApplication {

        @Override
        public int run(String... args) {
            Quarkus.waitForExit();
            return 0;
        }
    }

    /**
     * Whether the failure's message says all there is to know: a setting refused (an argument or a state the
     * service checks, or the configuration's own validation), or the port in use.
     */
    static boolean told(Throwable failure) {
        return causes(failure).anyMatch(t -> t instanceof QuarkusBindException || t instanceof IllegalArgumentException
                || t instanceof IllegalStateException || t.getClass().getName().endsWith("ConfigValidationException")
                || t.getClass().getName().endsWith("ConfigurationException"));
    }

    /** Why the service could not start: a port in use, with the setting that chooses another, or {@link #reasons}. */
    static String startFailure(Throwable failure) {
        return causes(failure).filter(QuarkusBindException.class::isInstance).map(QuarkusBindException.class::cast)
                .findFirst().map(bind -> "port " + bind.getPort() + " is in use by another process (another CiteQA "
                        + "service?); quarkus.http.port (QUARKUS_HTTP_PORT) chooses another.")
                .orElseGet(() -> reasons(failure));
    }

    /**
     * What went wrong, from the failure and its causes: "Failed to start quarkus" alone does not say that another
     * service holds the data folder.
     */
    static String reasons(Throwable failure) {
        List<String> reasons = new ArrayList<>();
        causes(failure).map(Throwable::getMessage).forEach(message -> {
            if (reasons.size() < 5 && message != null && !message.isBlank()
                    && !message.equals("Failed to start quarkus")
                    && reasons.stream().noneMatch(r -> r.contains(message))) {
                reasons.add(message);
            }
        });
        return reasons.isEmpty() ? failure.toString() : String.join(": ", reasons);
    }

    /** Causes read at most: a chain that loops back on itself must not hang the service's exit. */
    private static final int MAX_CAUSES = 20;

    /** The failure and its causes, outermost first, at most {@link #MAX_CAUSES}. */
    private static Stream<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, Throwable::getCause).limit(MAX_CAUSES);
    }
}
