package dev.citeqa.answer.extractive;

import dev.citeqa.analysis.EntityTagger.Entity;
import dev.citeqa.collection.Sentence;
import dev.citeqa.search.PassageHit;
import java.util.List;

/**
 * A run of consecutive sentences of one passage, the evidence it gives, and its score.
 *
 * @param from the first sentence, within the passage
 * @param to one past the last sentence
 * @param features indexed by {@link Feature#ordinal()}
 * @param answerEntity the phrase of the asked-for kind nearest the question's words, or null
 * @param semantic the cosine similarity behind {@link Feature#MEANING}, NaN when meanings are not compared
 * @param score the model's score; higher is better
 */
record Window(PassageHit hit, int from, int to, double[] features, Entity answerEntity, double semantic,
        double score) {

    List<Sentence> sentences() {
        return hit.stored().passage().sentences().subList(from, to);
    }

    /** The sentence of the window that holds {@link #answerEntity()}, whose offsets are into its text. */
    Sentence answerSentence() {
        Entity e = answerEntity;
        if (e == null) {
            return null;
        }
        for (Sentence s : sentences()) {
            if (e.end() <= s.text().length() && s.text().regionMatches(e.start(), e.text(), 0, e.text().length())) {
                return s;
            }
        }
        return null;
    }

    double get(Feature feature) {
        return features[feature.ordinal()];
    }

    Window withScore(double score) {
        return new Window(hit, from, to, features, answerEntity, semantic, score);
    }

    Window withAnswerEntity(Entity entity) {
        return new Window(hit, from, to, features, entity, semantic, score);
    }

    /** The same evidence, quoting {@code more} sentences after it. */
    Window extendedBy(int more) {
        return new Window(hit, from, to + more, features, answerEntity, semantic, score);
    }
}
