package dev.citeqa.answer.llm;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The service answering through an OpenAI-compatible {@link FakeModelServer}. */
public final class OpenAiProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeModelResource.class, Map.of("provider", "openai")));
    }
}
