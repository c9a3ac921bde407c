package dev.citeqa.answer;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Writes a cited answer from retrieved passages. */
public interface Answerer {

    /** "extractive", or the model name, as shown to users next to each answer. */
    String name();

    Answer answer(AnswerRequest request);

    /**
     * Streams the answer text as it is produced, then returns the finished answer. The default streams the
     * whole answer as a single piece, for answerers that produce it at once.
     *
     * @param tokens receives each piece of answer text in order
     * @param cancelled polled between pieces; generation stops once it returns true
     */
    default Answer stream(AnswerRequest request, Consumer<String> tokens, BooleanSupplier cancelled) {
        Answer answer = answer(request);
        if (!cancelled.getAsBoolean()) {
            tokens.accept(answer.text());
        }
        return answer;
    }
}
