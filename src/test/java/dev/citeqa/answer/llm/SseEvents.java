package dev.citeqa.answer.llm;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;

/** Parses a {@code text/event-stream} body into its events; every event's data is JSON. */
public final class SseEvents {

    public record Event(String name, String data) {
        public JsonPath json() {
            return JsonPath.from(data);
        }
    }

    private SseEvents() {}

    public static List<Event> parse(String body) {
        List<Event> events = new ArrayList<>();
        for (String block : body.replace("\r\n", "\n").split("\n\n")) {
            String name = "message";
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).strip());
                }
            }
            if (!data.isEmpty()) {
                events.add(new Event(name, data.toString()));
            }
        }
        return events;
    }

    public static List<String> names(List<Event> events) {
        return events.stream().map(Event::name).toList();
    }
}
