package dev.citeqa.app;

import dev.citeqa.embed.EmbeddingModels;
import dev.langchain4j.model.embedding.EmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;

/** Loads the configured in-process model; a bean of its own so that tests can slow the model down. */
@ApplicationScoped
public class EmbeddingModelLoader {

    public EmbeddingModel load(EmbeddingModels choice) {
        return choice.load();
    }
}
