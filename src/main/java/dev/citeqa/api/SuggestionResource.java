package dev.citeqa.api;

import dev.citeqa.app.IndexService;
import dev.citeqa.chat.StarterQuestions;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Starter questions for an empty chat, each one the corpus can answer. */
@Path("/api/suggestions")
@Produces(MediaType.APPLICATION_JSON)
public class SuggestionResource {

    @Inject
    IndexService indexService;

    @Inject
    StarterQuestions starters;

    public record Suggestions(List<String> questions) {}

    @GET
    public Suggestions list() {
        return new Suggestions(starters.get(indexService.current()));
    }
}
