package dev.citeqa.answer.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.citeqa.config.CiteQaConfig;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad provider settings stop the service at start-up with a message naming the key to fix. */
class ChatModelFactoryTest {

    private static CiteQaConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(CiteQaConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build()
                .getConfigMapping(CiteQaConfig.class);
    }

    private static CiteQaConfig fromEnvironment(Map<String, String> variables) {
        return new SmallRyeConfigBuilder()
                .withMapping(CiteQaConfig.class)
                .withSources(new EnvConfigSource(variables, 300))
                .build()
                .getConfigMapping(CiteQaConfig.class);
    }

    private static String failure(Map<String, String> properties) {
        return assertThrows(IllegalArgumentException.class, () -> ChatModelFactory.create(config(properties)))
                .getMessage();
    }

    /** The vendor's model inside the whole-call bound every chat model gets. */
    private static ChatModel bounded(ChatModelFactory.Models models) {
        return assertInstanceOf(BoundedChatModel.class, models.chat()).model();
    }

    @Test
    void openAiWithALocalServer() {
        ChatModelFactory.Models models = ChatModelFactory.create(config(Map.of("citeqa.answerer", "openai",
                "citeqa.openai.base-url", "http://localhost:8000/v1", "citeqa.openai.model", " qwen2.5-7b ",
                "citeqa.openai.timeout", "PT5S")));

        assertEquals("qwen2.5-7b", models.name());
        assertEquals(Duration.ofSeconds(5), models.timeout());
        assertInstanceOf(OpenAiChatModel.class, bounded(models));
        assertInstanceOf(OpenAiStreamingChatModel.class, models.streaming());
    }

    @Test
    void openAiItselfNeedsOnlyAKey() {
        ChatModelFactory.Models models = ChatModelFactory.create(config(Map.of("citeqa.answerer", "openai",
                "citeqa.openai.model", "gpt-4o-mini", "citeqa.openai.api-key", "sk-test")));

        assertEquals("gpt-4o-mini", models.name());
        assertEquals(Duration.ofSeconds(30), models.timeout());
    }

    @Test
    void ollamaWithDefaults() {
        ChatModelFactory.Models models = ChatModelFactory.create(config(Map.of("citeqa.answerer", "ollama",
                "citeqa.ollama.model", "llama3.1:8b")));

        assertEquals("llama3.1:8b", models.name());
        assertInstanceOf(OllamaChatModel.class, bounded(models));
        assertInstanceOf(OllamaStreamingChatModel.class, models.streaming());
    }

    /** Settings as environment variables, the way a deployment sets them. */
    @Test
    void environmentVariables() {
        ChatModelFactory.Models vllm = ChatModelFactory.create(fromEnvironment(Map.of("CITEQA_ANSWERER", "openai",
                "CITEQA_OPENAI_BASE_URL", "http://localhost:8000/v1", "CITEQA_OPENAI_MODEL",
                "Qwen/Qwen2.5-7B-Instruct", "CITEQA_OPENAI_TIMEOUT", "PT60S", "CITEQA_OPENAI_MAX_TOKENS", "300")));
        assertEquals("Qwen/Qwen2.5-7B-Instruct", vllm.name());
        assertEquals(Duration.ofSeconds(60), vllm.timeout());
        assertEquals(300, vllm.maxTokens());

        ChatModelFactory.Models ollama = ChatModelFactory.create(fromEnvironment(Map.of("CITEQA_ANSWERER", "ollama",
                "CITEQA_OLLAMA_BASE_URL", "http://gpu-box:11434", "CITEQA_OLLAMA_MODEL", "llama3.1:8b")));
        assertEquals("llama3.1:8b", ollama.name());
        assertInstanceOf(OllamaChatModel.class, bounded(ollama));
    }

    @Test
    void openAiWithoutModel() {
        String message = failure(Map.of("citeqa.answerer", "openai", "citeqa.openai.base-url",
                "http://localhost:8000/v1"));
        assertTrue(message.contains("citeqa.openai.model"), message);
    }

    @Test
    void openAiWithBlankModel() {
        String message = failure(Map.of("citeqa.answerer", "openai", "citeqa.openai.base-url",
                "http://localhost:8000/v1", "citeqa.openai.model", "  "));
        assertTrue(message.contains("citeqa.openai.model"), message);
    }

    @Test
    void openAiWithBadBaseUrl() {
        for (String url : new String[] {"localhost:8000/v1", "ftp://example.com/v1", "http://", "not a url"}) {
            String message = failure(Map.of("citeqa.answerer", "openai", "citeqa.openai.base-url", url,
                    "citeqa.openai.model", "m"));
            assertTrue(message.contains("citeqa.openai.base-url"), url + ": " + message);
        }
    }

    @Test
    void openAiWithoutBaseUrlOrKey() {
        String message = failure(Map.of("citeqa.answerer", "openai", "citeqa.openai.model", "m"));
        assertTrue(message.contains("citeqa.openai.base-url") && message.contains("citeqa.openai.api-key"), message);
    }

    @Test
    void openAiWithBadNumbers() {
        Map<String, String> base = Map.of("citeqa.answerer", "openai", "citeqa.openai.base-url",
                "http://localhost:8000/v1", "citeqa.openai.model", "m");
        assertTrue(failure(with(base, "citeqa.openai.timeout", "PT0S")).contains("citeqa.openai.timeout"));
        assertTrue(failure(with(base, "citeqa.openai.temperature", "3")).contains("citeqa.openai.temperature"));
        assertTrue(failure(with(base, "citeqa.openai.max-tokens", "0")).contains("citeqa.openai.max-tokens"));
    }

    @Test
    void ollamaWithoutModel() {
        String message = failure(Map.of("citeqa.answerer", "ollama"));
        assertTrue(message.contains("citeqa.ollama.model"), message);
    }

    @Test
    void ollamaWithBadBaseUrl() {
        String message = failure(Map.of("citeqa.answerer", "ollama", "citeqa.ollama.model", "m",
                "citeqa.ollama.base-url", "localhost:11434"));
        assertTrue(message.contains("citeqa.ollama.base-url"), message);
    }

    @Test
    void ollamaWithBadNumbers() {
        Map<String, String> base = Map.of("citeqa.answerer", "ollama", "citeqa.ollama.model", "m");
        assertTrue(failure(with(base, "citeqa.ollama.timeout", "-PT1S")).contains("citeqa.ollama.timeout"));
        assertTrue(failure(with(base, "citeqa.ollama.max-tokens", "-1")).contains("citeqa.ollama.max-tokens"));
        assertTrue(failure(with(base, "citeqa.ollama.temperature", "-1")).contains("citeqa.ollama.temperature"));
        assertTrue(failure(with(base, "citeqa.ollama.temperature", "NaN")).contains("citeqa.ollama.temperature"));
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        HashMap<String, String> out = new HashMap<>(base);
        out.put(key, value);
        return out;
    }
}
