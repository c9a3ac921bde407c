package dev.citeqa.api.openai;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.citeqa.api.ApiException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** The one model an OpenAI client can pick here: CiteQA itself, whichever answerer is configured. */
@Path("/v1/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelsResource {

    public static final String MODEL = "citeqa";

    /** OpenAI reports when a model was created; here, when the service started. */
    private static final long STARTED = Instant.now().getEpochSecond();

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Model(String id, String object, long created, String ownedBy) {}

    public record ModelList(String object, List<Model> data) {}

    @GET
    public ModelList list() {
        return new ModelList("list", List.of(model()));
    }

    @GET
    @Path("{id}")
    public Model get(@PathParam("id") String id) {
        if (!MODEL.equals(id)) {
            throw notFound(id);
        }
        return model();
    }

    static ApiException notFound(String id) {
        return new ApiException(404, "The model \"" + id + "\" does not exist; this server has \"" + MODEL + "\".",
                "model_not_found");
    }

    private static Model model() {
        return new Model(MODEL, "model", STARTED, MODEL);
    }
}
