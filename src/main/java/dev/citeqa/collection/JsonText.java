package dev.citeqa.collection;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * A news record saved as one JSON object ({@code {"title": ..., "date_publish": ..., "maintext": ...}}), as
 * scrapers and news APIs write them: the text is one string field, the title, date and outlet are others
 * ({@link MetadataField} names them). The text is laid out at the offsets it has in the file, escapes decoded in
 * place ({@code \n} a line break, {@code \"} a quote, each followed by {@link SourceView#FILLER}s over the rest
 * of the escape), and spaces over everything else, so that a cited sentence can be highlighted in the file.
 * Jackson parses the record, but it does not say where each decoded character was, so the one string is
 * decoded here too.
 */
final class JsonText {

    private static final JsonFactory JSON = new JsonFactory();

    /** A string field's value, and where its opening quote is in the file (-1 for a value read from an object). */
    private record Value(String text, int quote) {}

    private JsonText() {}

    /**
     * The record's view, or null when the file is not one JSON object with a text (or summary) field: JSON
     * Lines, an array, or a fragment are read as plain text, as before.
     */
    static SourceView read(String file) {
        if (!looksLikeAnObject(file)) {
            return null;
        }
        // A byte order mark is no JSON; a space in its place keeps every offset.
        String source = file.startsWith("\uFEFF") ? ' ' + file.substring(1) : file;
        Map<MetadataField, Value> fields = new EnumMap<>(MetadataField.class);
        try (JsonParser parser = JSON.createParser(source)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                MetadataField field = MetadataField.of(parser.currentName());
                JsonToken value = parser.nextToken();
                if (field != null && value == JsonToken.VALUE_STRING && !parser.getText().isBlank()) {
                    fields.putIfAbsent(field, new Value(parser.getText(),
                            (int) parser.currentTokenLocation().getCharOffset()));
                } else if (field == MetadataField.OUTLET && value == JsonToken.START_OBJECT) {
                    // A news API's {"source": {"id": "reuters", "name": "Reuters"}}.
                    String name = nameOf(parser);
                    if (name != null) {
                        fields.putIfAbsent(field, new Value(name, -1));
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        Value text = fields.getOrDefault(MetadataField.TEXT, fields.get(MetadataField.SUMMARY));
        if (text == null || text.quote() < 0) {
            return null;
        }
        char[] view = new char[source.length()];
        Arrays.fill(view, ' ');
        decode(source, text.quote(), view);
        Value title = fields.get(MetadataField.TITLE);
        Value date = fields.get(MetadataField.DATE);
        Value outlet = fields.get(MetadataField.OUTLET);
        Value link = fields.get(MetadataField.LINK);
        LocalDate published = date == null ? null : PublicationDate.dateIn(date.text(), DateOrder.UNKNOWN);
        String named = outlet != null ? outlet.text().strip() : link != null ? MetadataField.host(link.text()) : null;
        return new SourceView(new String(view), title == null ? null : title.text().strip(), published, named);
    }

    /**
     * Opens with "{" and closes with "}", white space and a byte order mark aside: a look at both ends, as every
     * plain file of a folder passes here.
     */
    private static boolean looksLikeAnObject(String source) {
        int first = 0;
        while (first < source.length() && (Character.isWhitespace(source.charAt(first))
                || source.charAt(first) == '\uFEFF')) {
            first++;
        }
        int last = source.length() - 1;
        while (last > first && Character.isWhitespace(source.charAt(last))) {
            last--;
        }
        return last > first && source.charAt(first) == '{' && source.charAt(last) == '}';
    }

    /** The "name" of the object the parser is at, which it skips. */
    private static String nameOf(JsonParser parser) throws IOException {
        String name = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            boolean isName = parser.currentName().equalsIgnoreCase("name");
            if (parser.nextToken() == JsonToken.VALUE_STRING && isName && !parser.getText().isBlank()) {
                name = parser.getText().strip();
            } else {
                parser.skipChildren();
            }
        }
        return name;
    }

    /** Writes the string that opens at {@code quote} where its characters are, escapes decoded in place. */
    private static void decode(String source, int quote, char[] view) {
        int i = quote + 1;
        while (i < source.length() && source.charAt(i) != '"') {
            char c = source.charAt(i);
            if (c != '\\') {
                view[i++] = c;
                continue;
            }
            char e = source.charAt(i + 1);
            if (e != 'u') {
                view[i] = switch (e) {
                    case 'n' -> '\n';
                    case 'r', 't', 'b', 'f' -> ' '; // "\r\n" is one line break
                    default -> e; // \" \\ \/
                };
                view[i + 1] = SourceView.FILLER;
                i += 2;
                continue;
            }
            char decoded = (char) Integer.parseInt(source, i + 2, i + 6, 16);
            view[i] = decoded;
            Arrays.fill(view, i + 1, i + 6, SourceView.FILLER);
            // A surrogate pair is two escapes; its halves must stay side by side.
            if (Character.isHighSurrogate(decoded) && source.startsWith("\\u", i + 6)) {
                view[i + 1] = (char) Integer.parseInt(source, i + 8, i + 12, 16);
                Arrays.fill(view, i + 6, i + 12, SourceView.FILLER);
                i += 6;
            }
            i += 6;
        }
    }
}
