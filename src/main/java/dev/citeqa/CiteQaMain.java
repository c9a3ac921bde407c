package dev.citeqa;

import dev.citeqa.eval.EvalCommand;
import dev.citeqa.eval.EvalOptions;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

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
            Quarkus.run(args);
            return;
        }
        EvalOptions options;
        try {
            options = EvalOptions.parse(args);
        } catch (IllegalArgumentException e) {
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
        Quarkus.run(EvalCommand.class, (exitCode, failure) -> {
            if (failure != null) {
                System.err.println("Evaluation failed: " + failure.getMessage());
            }
            System.exit(failure != null ? 1 : exitCode);
        }, args);
    }
}
