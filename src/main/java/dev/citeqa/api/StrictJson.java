package dev.citeqa.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Request bodies are read strictly: a field given twice, or anything after the JSON value, is a 400, not a
 * guess at which value the client meant (a proxy or a filter in front may read the other one). Duplicates are
 * Jackson's to find while it reads; what follows the value, and invalid UTF-8, {@link BodyReader} checks before
 * (the REST layer reads a {@code JsonNode} body without looking past the value).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    private static final JsonFactory FACTORY = new JsonFactory();

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** Whether anything but white space follows the first JSON value; a value malformed before that is not. */
    static boolean trailing(byte[] body) {
        boolean valueRead = false;
        try (JsonParser parser = FACTORY.createParser(body)) {
            if (parser.nextToken() == null) {
                return false;
            }
            parser.skipChildren();
            valueRead = true;
            return parser.nextToken() != null;
        } catch (IOException e) {
            return valueRead; // unparseable after the value is still something after it
        }
    }
}
