package dev.citeqa.api;

import dev.citeqa.app.IndexService;
import dev.citeqa.app.Reindex;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Operator actions. The API key filter guards every path under {@code /api/admin/}: these need the key, and
 * are disabled when none is configured.
 */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    @Inject
    IndexService indexService;

    /**
     * Brings the index in step with the corpus folder now, and says how it went. A failure (an unreadable
     * file, a full disk) answers 503 with the reason; the previous index keeps serving.
     */
    @POST
    @Path("reindex")
    public Response reindex() {
        Reindex reindex = indexService.reindex();
        return Response.status(reindex.ok() ? 200 : 503).entity(reindex).build();
    }
}
