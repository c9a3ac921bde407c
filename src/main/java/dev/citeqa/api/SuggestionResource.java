package dev.citeqa.api;

import dev.citeqa.app.IndexService;
import dev.citeqa.chat.StarterQuestions;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Starter questions for an empty chat, each one the corpus answers. They are worked out in the background once
 * per index; until then the previous index's (or none) come with {@code "pending": true}, so a client may ask
 * again shortly.
 */
@Path("/api/suggestions")
@Produces(MediaType.APPLICATION_JSON)
public class SuggestionResource {

    @Inject
    IndexService indexService;

    @Inject
    StarterQuestions starters;

    @GET
    public StarterQuestions.Suggestions list() {
        return starters.get(indexService.current());
    }
}
