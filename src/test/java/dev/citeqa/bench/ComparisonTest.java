package dev.citeqa.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    private static List<Double> millis(double... values) {
        return DoubleStream.of(values).boxed().toList();
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.0, Comparison.median(millis(3, 1, 2)));
        assertEquals(2.5, Comparison.median(millis(4, 1, 3, 2)));
    }

    @Test
    void mediansOverRunsAndRatiosToTheFirstService() {
        Comparison comparison = new Comparison(List.of("bm25", "dense"));
        // Per run: the median, and the 90th percentile as the value at 0.9 × (n - 1), rounded down.
        comparison.add("bm25", millis(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)); // median 6, p90 10
        comparison.add("bm25", millis(9, 8, 7)); // median 8, p90 8
        comparison.add("bm25", millis(100, 100, 100)); // a slow run: the medians over runs ignore it
        comparison.add("dense", millis(12, 12, 12));
        comparison.add("dense", millis(14, 14, 20));
        comparison.add("dense", millis(16, 16, 16));

        assertEquals("""
                | service | median ms | p90 ms | median relative to bm25 |
                |---|---|---|---|
                | bm25 | 8.0 | 10.0 | 1.00 |
                | dense | 14.0 | 14.0 | 1.75 |
                """, comparison.table());
    }
}
