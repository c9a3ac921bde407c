package dev.citeqa.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The summary of services measured side by side over several runs: for each service, the median over runs of
 * each run's median and 90th percentile, and that median relative to the first service's. Medians over runs,
 * because on a shared machine one slow run moves a mean but not a median.
 */
final class Comparison {

    private final Map<String, List<Double>> medians = new LinkedHashMap<>();
    private final Map<String, List<Double>> p90s = new LinkedHashMap<>();

    Comparison(List<String> services) {
        for (String service : services) {
            medians.put(service, new ArrayList<>());
            p90s.put(service, new ArrayList<>());
        }
    }

    /** One run's request times of one service, in ms. */
    void add(String service, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        medians.get(service).add(median(sorted));
        p90s.get(service).add(sorted.get((int) (0.9 * (sorted.size() - 1))));
    }

    /** A Markdown table, one row per service in the order given, ratios to the first. */
    String table() {
        String first = medians.keySet().iterator().next();
        double firstMedian = median(medians.get(first));
        StringBuilder out = new StringBuilder("| service | median ms | p90 ms | median relative to " + first + " |\n"
                + "|---|---|---|---|\n");
        medians.forEach((service, runs) -> out.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.2f |\n",
                service, median(runs), median(p90s.get(service)), median(runs) / firstMedian)));
        return out.toString();
    }

    /** The middle value; for an even count, the mean of the two middle values. */
    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
