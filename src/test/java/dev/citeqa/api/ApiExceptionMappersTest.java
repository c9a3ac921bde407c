package dev.citeqa.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.citeqa.search.SearchUnavailableException;
import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The one mapping from a failure to what clients are told, which both streams and the JSON mappers use. */
class ApiExceptionMappersTest {

    private static final SearchUnavailableException CLUSTER_DOWN =
            new SearchUnavailableException("OpenSearch cannot be queried: refused", new IOException("refused"));

    @Test
    void anUnreachableClusterIsA503WithItsOwnMessage() {
        assertEquals(new ApiExceptionMappers.Failure(503, ApiExceptionMappers.SEARCH_UNAVAILABLE),
                ApiExceptionMappers.failure(CLUSTER_DOWN));
    }

    /** LangChain4j's retrieval augmentor runs retrievers in futures, which wrap what they throw. */
    @Test
    void anUnreachableClusterIsRecognisedWhenWrapped() {
        assertEquals(503, ApiExceptionMappers.failure(new CompletionException(CLUSTER_DOWN)).status());
    }

    /** SIGTERM cancels the model calls in flight: the asks they served are a 503 to retry, not a 500 and an ERROR. */
    @Test
    void aRequestCutShortByTheServiceStoppingIsA503() {
        assertEquals(new ApiExceptionMappers.Failure(503, ApiExceptionMappers.STOPPING),
                ApiExceptionMappers.failure(new CompletionException(new CancellationException("the service is stopping"))));
    }

    @Test
    void anythingElseIsA500ThatSaysNothingOfItsCause() {
        ApiExceptionMappers.Failure failure = ApiExceptionMappers.failure(new IllegalStateException("secret detail"));
        assertEquals(new ApiExceptionMappers.Failure(500, ApiExceptionMappers.INTERNAL), failure);
    }
}
