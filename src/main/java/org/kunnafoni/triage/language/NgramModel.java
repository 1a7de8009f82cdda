package org.kunnafoni.triage.language;

import org.kunnafoni.triage.Language;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial naive Bayes model over character 1..N-grams of words framed by spaces.
 *
 * <p>Each kept n-gram stores, per language, how much more likely it is than the language's floor for that
 * order (the smoothed probability of an n-gram it never saw), quantised to one byte. Scoring adds
 * {@code floor + lift} per n-gram, so n-grams absent from the table cost each language its floor.
 * Lookups go through an open-addressing table whose slot holds the 64-bit key and, beside it, the lifts
 * packed one byte per language (up to 8): one cache line per lookup, no strings built while scoring.
 */
final class NgramModel {
    private static final int MAGIC = 0x4b4c4944; // "KLID"
    private static final int VERSION = 1;

    private final Language[] languages;
    private final int maxOrder;
    private final float[][] floors; // [order-1][language]
    private static final int MAX_LANGUAGES = 8;

    private final long[] table; // slot s: [2s] key (0 = empty), [2s+1] lifts, byte l = language l
    private final float step;
    private final int mask;
    private final int size;

    private NgramModel(Language[] languages, int maxOrder, float[][] floors, float step, int grams) {
        if (languages.length > MAX_LANGUAGES) {
            throw new IllegalArgumentException("at most " + MAX_LANGUAGES + " languages per model");
        }
        this.languages = languages;
        this.maxOrder = maxOrder;
        this.floors = floors;
        this.step = step;
        this.size = grams;
        int capacity = Integer.highestOneBit(Math.max(16, grams + grams / 2)) << 1;
        this.table = new long[capacity * 2];
        this.mask = capacity - 1;
    }

    List<Language> languages() {
        return List.of(languages);
    }

    int maxOrder() {
        return maxOrder;
    }

    int size() {
        return size;
    }

    /**
     * Adds the log-likelihood of every n-gram of {@code text[from, to)} to {@code out} (one slot per
     * language). The range is one word with its framing spaces. Returns the number of n-grams scored.
     */
    int scoreWord(String text, int from, int to, double[] out) {
        int count = 0;
        int width = languages.length;
        for (int i = from; i < to; i++) {
            long hash = NgramHash.SEED;
            int last = Math.min(to, i + maxOrder);
            for (int end = i + 1; end <= last; end++) {
                char c = text.charAt(end - 1);
                hash = NgramHash.extend(hash, c);
                if (end - i == 1 && c == ' ') {
                    continue;
                }
                float[] floor = floors[end - i - 1];
                long lifts = find(NgramHash.key(hash));
                for (int l = 0; l < width; l++) {
                    out[l] += floor[l] + ((lifts >>> (8 * l)) & 0xff) * step;
                }
                count++;
            }
        }
        return count;
    }

    // The packed lifts of a key; 0 (every lift zero, i.e. the floor) when the n-gram is not in the table.
    private long find(long key) {
        int slot = (int) key & mask;
        while (true) {
            long k = table[2 * slot];
            if (k == key) {
                return table[2 * slot + 1];
            }
            if (k == 0) {
                return 0;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void put(long key, long lifts) {
        int slot = (int) key & mask;
        while (table[2 * slot] != 0 && table[2 * slot] != key) {
            slot = (slot + 1) & mask;
        }
        table[2 * slot] = key;
        table[2 * slot + 1] = lifts;
    }

    // ---- serialisation: gzip(magic, version, languages, maxOrder, floors, step, grams × (utf, byte × L)) ----

    static NgramModel read(InputStream in) {
        try (DataInputStream data = new DataInputStream(new GZIPInputStream(in, 1 << 16))) {
            if (data.readInt() != MAGIC || data.readInt() != VERSION) {
                throw new IllegalArgumentException("not a language-identification model (version " + VERSION + ")");
            }
            Language[] languages = new Language[data.readUnsignedByte()];
            for (int l = 0; l < languages.length; l++) {
                String code = data.readUTF();
                languages[l] = Language.fromCode(code)
                        .orElseThrow(() -> new IllegalArgumentException("unknown language " + code));
            }
            int maxOrder = data.readUnsignedByte();
            float[][] floors = new float[maxOrder][languages.length];
            for (float[] floor : floors) {
                for (int l = 0; l < floor.length; l++) {
                    floor[l] = data.readFloat();
                }
            }
            float step = data.readFloat();
            int grams = data.readInt();
            NgramModel model = new NgramModel(languages, maxOrder, floors, step, grams);
            byte[] quantised = new byte[languages.length];
            for (int row = 0; row < grams; row++) {
                long key = NgramHash.keyOf(data.readUTF());
                data.readFully(quantised);
                long packed = 0;
                for (int l = 0; l < languages.length; l++) {
                    packed |= (quantised[l] & 0xffL) << (8 * l);
                }
                model.put(key, packed);
            }
            return model;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read language-identification model", e);
        }
    }

    /** Writes a model; {@code lifts} maps each n-gram to its per-language lift in nats (≥ 0). */
    static void write(OutputStream out, List<Language> languages, float[][] floors, float step,
                      Map<String, float[]> lifts) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream data = new DataOutputStream(gzip);
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeByte(languages.size());
        for (Language language : languages) {
            data.writeUTF(language.code());
        }
        data.writeByte(floors.length);
        for (float[] floor : floors) {
            for (float f : floor) {
                data.writeFloat(f);
            }
        }
        data.writeFloat(step);
        data.writeInt(lifts.size());
        for (Map.Entry<String, float[]> entry : lifts.entrySet()) {
            data.writeUTF(entry.getKey());
            for (float lift : entry.getValue()) {
                data.writeByte(Math.min(255, Math.round(lift / step)));
            }
        }
        data.flush();
        gzip.finish();
    }
}
