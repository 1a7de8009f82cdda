package org.kunnafoni.triage.violation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Trains {@link TriageModel} by stochastic gradient descent on the softmax loss, with weight decay so that
 * probabilities stay calibrated enough to threshold. Deterministic: the same examples and seed give the same model.
 */
public final class ModelTrainer {
    private final int epochs;
    private final double learningRate;
    private final double decay;
    private final long seed;

    public ModelTrainer(int epochs, double learningRate, double decay, long seed) {
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.decay = decay;
        this.seed = seed;
    }

    public TriageModel train(List<TrainingExample> examples) {
        int classes = TriageModel.CLASSES;
        float[] weights = new float[ModelFeatures.BUCKETS * classes];
        float[] bias = new float[classes];
        TriageModel model = new TriageModel(weights, bias);
        List<int[]> features = new ArrayList<>();
        examples.forEach(e -> features.add(ModelFeatures.of(e.text())));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            order.add(i);
        }
        Random random = new Random(seed);
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(order, random);
            double rate = learningRate * (1 - (double) epoch / epochs) + learningRate / 20;
            for (int i : order) {
                step(model, weights, bias, features.get(i), examples.get(i).category().ordinal(), rate);
            }
        }
        return model;
    }

    private void step(TriageModel model, float[] weights, float[] bias, int[] features, int truth, double rate) {
        double[] p = model.probabilities(features);
        double x = 1 / Math.sqrt(features.length);
        int classes = TriageModel.CLASSES;
        float shrink = (float) (1 - rate * decay);
        for (int c = 0; c < classes; c++) {
            double gradient = p[c] - (c == truth ? 1 : 0);
            bias[c] -= (float) (rate * gradient);
            for (int f : features) {
                int k = f * classes + c;
                weights[k] = (float) (weights[k] * shrink - rate * gradient * x);
            }
        }
    }

    /** Share of examples whose best category is the labelled one. */
    public static double accuracy(TriageModel model, List<TrainingExample> examples) {
        long right = examples.stream().filter(e -> model.predict(e.text()).category() == e.category()).count();
        return examples.isEmpty() ? 0 : (double) right / examples.size();
    }
}
