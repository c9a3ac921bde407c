package dev.citeqa.collection;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The order of day and month in the corpus's slash dates. "01/05/2024" alone cannot say, but a site that
 * prints dates one way prints them all that way, so one "13/05/2024" or "05/13/2024" in the corpus settles
 * the others. A corpus that shows both orders (several sites) stays {@link #UNKNOWN}, and its ambiguous dates
 * are not read.
 */
public enum DateOrder {
    DAY_FIRST,
    MONTH_FIRST,
    UNKNOWN;

    /**
     * @param ambiguous IDs of the articles whose header holds a slash date that reads differently in the two
     *     orders: the articles whose date changes when the order does
     */
    public record Survey(DateOrder order, Set<String> ambiguous) {}

    /**
     * Looks at the header of every file (the lines {@link ArticleParser} reads dates from), in one pass over
     * text the scan already holds.
     */
    public static Survey survey(Collection<NewsCollection.SourceFile> files) {
        Set<DateOrder> seen = EnumSet.noneOf(DateOrder.class);
        Set<String> ambiguous = new TreeSet<>();
        for (NewsCollection.SourceFile file : files) {
            for (DateOrder order : PublicationDate.slashOrders(ArticleParser.headerRegion(file.text()))) {
                if (order == UNKNOWN) {
                    ambiguous.add(file.id());
                } else {
                    seen.add(order);
                }
            }
        }
        DateOrder order = seen.size() == 1 ? seen.iterator().next() : UNKNOWN;
        return new Survey(order, ambiguous);
    }
}
