package org.kunnafoni.triage.violation;

import org.kunnafoni.triage.Category;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic regression over hashed text features ({@link ModelFeatures}), trained on the team's
 * SMS ({@code train-triage-model}). It backs up the lexicon when no lexicon term matched. Immutable, thread-safe.
 */
public final class TriageModel {
    static final int CLASSES = Category.values().length;
    private static final String RESOURCE = "/triage/violation.model";
    private static final int MAGIC = 0x4b544d31; // "KTM1"

    private final float[] weights; // bucket * CLASSES + class
    private final float[] bias;

    TriageModel(float[] weights, float[] bias) {
        this.weights = weights;
        this.bias = bias;
    }

    /** The model shipped in the jar. */
    public static TriageModel loadDefault() {
        try (InputStream in = TriageModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath " + RESOURCE + ": missing (run train-triage-model)");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ModelGuess predict(String text) {
        double[] p = probabilities(ModelFeatures.of(text));
        int best = 0;
        for (int c = 1; c < CLASSES; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return new ModelGuess(Category.values()[best], p[best]);
    }

    double[] probabilities(int[] features) {
        double[] z = new double[CLASSES];
        double x = 1 / Math.sqrt(features.length);
        for (int c = 0; c < CLASSES; c++) {
            z[c] = bias[c];
        }
        for (int f : features) {
            int row = f * CLASSES;
            for (int c = 0; c < CLASSES; c++) {
                z[c] += weights[row + c] * x;
            }
        }
        return softmax(z);
    }

    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int c = 0; c < z.length; c++) {
            p[c] = Math.exp(z[c] - max);
            sum += p[c];
        }
        for (int c = 0; c < z.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    /** Sparse rows, weights quantised to 16 bits, gzip: a few hundred kilobytes. */
    public void write(OutputStream out) throws IOException {
        float max = 1e-9f;
        int rows = 0;
        for (int b = 0; b < ModelFeatures.BUCKETS; b++) {
            boolean used = false;
            for (int c = 0; c < CLASSES; c++) {
                max = Math.max(max, Math.abs(weights[b * CLASSES + c]));
                used |= weights[b * CLASSES + c] != 0;
            }
            rows += used ? 1 : 0;
        }
        float scale = max / Short.MAX_VALUE;
        GZIPOutputStream zip = new GZIPOutputStream(out);
        DataOutputStream data = new DataOutputStream(zip);
        data.writeInt(MAGIC);
        data.writeInt(ModelFeatures.BUCKETS);
        data.writeInt(CLASSES);
        data.writeFloat(scale);
        for (float b : bias) {
            data.writeFloat(b);
        }
        data.writeInt(rows);
        for (int b = 0; b < ModelFeatures.BUCKETS; b++) {
            if (!rowUsed(b)) {
                continue;
            }
            data.writeInt(b);
            for (int c = 0; c < CLASSES; c++) {
                data.writeShort(Math.round(weights[b * CLASSES + c] / scale));
            }
        }
        data.flush();
        zip.finish();
    }

    private boolean rowUsed(int bucket) {
        for (int c = 0; c < CLASSES; c++) {
            if (weights[bucket * CLASSES + c] != 0) {
                return true;
            }
        }
        return false;
    }

    public static TriageModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(in)));
        if (data.readInt() != MAGIC || data.readInt() != ModelFeatures.BUCKETS || data.readInt() != CLASSES) {
            throw new IOException("not a triage model of this version (retrain with train-triage-model)");
        }
        float scale = data.readFloat();
        float[] bias = new float[CLASSES];
        for (int c = 0; c < CLASSES; c++) {
            bias[c] = data.readFloat();
        }
        float[] weights = new float[ModelFeatures.BUCKETS * CLASSES];
        int rows = data.readInt();
        for (int r = 0; r < rows; r++) {
            int b = data.readInt();
            for (int c = 0; c < CLASSES; c++) {
                weights[b * CLASSES + c] = data.readShort() * scale;
            }
        }
        return new TriageModel(weights, bias);
    }
}
