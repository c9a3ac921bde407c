package dev.citeqa.answer.extractive;

/**
 * The second stage: a window's score, a weighted sum of its features (a logistic regression's log-odds that
 * the window holds the answer, with the trained model).
 */
final class WindowScorer {

    private final double[] weights;
    private final double bias;

    WindowScorer(AnswererModel model) {
        this.weights = model.weightVector();
        this.bias = model.bias();
    }

    double score(double[] features) {
        double score = bias;
        for (int i = 0; i < weights.length; i++) {
            score += weights[i] * features[i];
        }
        return score;
    }

    Window scored(Window window) {
        return window.withScore(score(window.features()));
    }
}
