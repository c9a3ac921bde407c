package dev.citeqa.firststart;

import dev.citeqa.app.IndexService;
import jakarta.inject.Inject;

/** A test of a build whose model is held ({@link SlowModelProfile}): the model to let go, the index to watch. */
abstract class HeldModelTest {

    @Inject
    SlowModelLoader model;

    @Inject
    IndexService index;
}
