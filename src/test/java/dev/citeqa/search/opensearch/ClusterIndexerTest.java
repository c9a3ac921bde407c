package dev.citeqa.search.opensearch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClusterIndexerTest {

    @Test
    void anIndexThatARetriedCreateFindsAlreadyThereWasCreated() {
        assertTrue(ClusterIndexer.created(200, "{\"acknowledged\":true}"));
        assertTrue(ClusterIndexer.created(400, "{\"error\":{\"type\":\"resource_already_exists_exception\"}}"));
    }

    @Test
    void anyOtherRefusalIsAFailure() {
        assertFalse(ClusterIndexer.created(400, "{\"error\":{\"type\":\"illegal_argument_exception\"}}"));
        assertFalse(ClusterIndexer.created(503, "{\"error\":{\"type\":\"resource_already_exists_exception\"}}"));
        assertFalse(ClusterIndexer.created(500, ""));
    }
}
