package dev.citeqa.answer;

/**
 * An article an answer relies on, with the sentences used from it.
 *
 * @param snippet the cited text, as it reads in the article
 * @param start char offset of the snippet in the article file
 * @param end char offset just past the snippet
 * @param supported whether the answer sentences citing this article are backed by its text
 */
public record Citation(String id, String title, String date, String snippet, int start, int end, boolean supported) {}
