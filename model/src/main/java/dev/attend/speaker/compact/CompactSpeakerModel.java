package dev.attend.speaker.compact;

import dev.attend.models.ModelIntegrityException;
import dev.attend.models.Sha256;
import dev.attend.speaker.SpeakerBackground;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact speaker vector: {@link CepstralStats} of an utterance's audio, standardised, times a linear map into
 * vosk-model-spk-0.4's 128-d x-vector space (ridge regression onto libvosk's unit vectors of the same utterances,
 * espeak-ng training voices only; {@code speaker-compact.txt}, provenance in {@code SPEAKER-MODEL.md}). About
 * 6,000 multiply-adds per utterance after the features, so the whole vector costs well under a millisecond,
 * against ≈ 60 ms for libvosk's x-vector. Compact vectors are compared in their own {@link #metric} (the shipped
 * background, then a within-speaker whitening learnt on the same training voices). Immutable after load; {@link #vector} is not thread-safe (the features
 * reuse buffers), use one instance per stage.
 */
public final class CompactSpeakerModel {

    static final String RESOURCE = "/dev/attend/resources/models/speaker-compact.txt";
    /** SHA-256 of the shipped weights, checked at load (also in docs/models.md). */
    public static final String SHA256 = "547d0d8a47a2757780ecfd43325f196cc3e65a01887f742a71e1a1512e78741f";
    public static final int DIM = 128;
    /** Parsed once per process (the weights are read-only; each {@link #shipped} copy has its own buffers). */
    private static volatile CompactSpeakerModel shipped;

    private final double[] mean;
    private final double[] scale;
    /** {@code (DIM_IN + 1) × DIM}: one row per standardised feature, then the bias row. */
    private final double[][] weights;
    private final float[][] whitening;
    private final CepstralStats stats = new CepstralStats();

    CompactSpeakerModel(double[] mean, double[] scale, double[][] weights, float[][] whitening) {
        this.mean = mean;
        this.scale = scale;
        this.weights = weights;
        this.whitening = whitening;
    }

    /**
     * The shipped weights, SHA-256 verified.
     *
     * @throws ModelIntegrityException missing from the class path, damaged, or not weights of this shape
     */
    public static CompactSpeakerModel shipped() throws ModelIntegrityException {
        CompactSpeakerModel s = shipped;
        if (s == null) {
            synchronized (CompactSpeakerModel.class) {
                if (shipped == null) {
                    shipped = loadShipped();
                }
                s = shipped;
            }
        }
        return new CompactSpeakerModel(s.mean, s.scale, s.weights, s.whitening); // own feature buffers
    }

    private static CompactSpeakerModel loadShipped() throws ModelIntegrityException {
        byte[] data;
        try (InputStream in = CompactSpeakerModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ModelIntegrityException("the compact speaker weights " + RESOURCE
                        + " are missing from the class path");
            }
            data = in.readAllBytes();
        } catch (IOException e) {
            throw new ModelIntegrityException("the compact speaker weights " + RESOURCE + " cannot be read: "
                    + e.getMessage());
        }
        return load(data, SHA256, RESOURCE);
    }

    /** Weights from {@code data}, which must have SHA-256 {@code sha256}; {@code what} names them in messages. */
    static CompactSpeakerModel load(byte[] data, String sha256, String what) throws ModelIntegrityException {
        if (!sha256.equals(Sha256.of(data))) {
            throw new ModelIntegrityException("the compact speaker weights " + what + " are damaged (SHA-256 "
                    + "differs)");
        }
        List<Double> numbers = new ArrayList<>();
        for (String line : new String(data, StandardCharsets.US_ASCII).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            for (String t : line.strip().split("\\s+")) {
                try {
                    numbers.add(Double.parseDouble(t));
                } catch (NumberFormatException e) {
                    throw new ModelIntegrityException("the compact speaker weights " + what + " hold a non-number: "
                            + t);
                }
            }
        }
        int in = CepstralStats.DIM;
        int want = 2 * in + (in + 1) * DIM + DIM * DIM;
        if (numbers.size() != want) {
            throw new ModelIntegrityException("the compact speaker weights " + what + " hold " + numbers.size()
                    + " numbers, expected " + want);
        }
        double[] mean = new double[in];
        double[] scale = new double[in];
        double[][] w = new double[in + 1][DIM];
        int k = 0;
        for (int i = 0; i < in; i++) {
            mean[i] = numbers.get(k++);
        }
        for (int i = 0; i < in; i++) {
            scale[i] = numbers.get(k++);
        }
        for (int i = 0; i <= in; i++) {
            for (int j = 0; j < DIM; j++) {
                w[i][j] = numbers.get(k++);
            }
        }
        float[][] whitening = new float[DIM][DIM];
        for (int i = 0; i < DIM; i++) {
            for (int j = 0; j < DIM; j++) {
                whitening[i][j] = numbers.get(k++).floatValue();
            }
        }
        return new CompactSpeakerModel(mean, scale, w, whitening);
    }

    /**
     * How compact vectors are compared: centred on vosk-model-spk-0.4's shipped background {@code centre} (the
     * student was fitted to that model's vectors), then whitened within speakers.
     */
    public SpeakerBackground metric(SpeakerBackground centre) {
        return SpeakerBackground.whitened(centre.mean(), whitening);
    }

    /**
     * The speaker vector of {@code samples[from, to)} (16 kHz, ±1), or null when it holds too little speech
     * (under {@link CepstralStats#MIN_FRAMES} loud frames).
     */
    public float[] vector(float[] samples, int from, int to) {
        double[] f = stats.of(samples, from, to);
        return f == null ? null : project(f);
    }

    /** The linear map of one feature vector (before standardisation). */
    float[] project(double[] features) {
        double[] out = weights[features.length].clone();
        for (int i = 0; i < features.length; i++) {
            double z = (features[i] - mean[i]) / scale[i];
            double[] row = weights[i];
            for (int j = 0; j < DIM; j++) {
                out[j] += z * row[j];
            }
        }
        float[] v = new float[DIM];
        for (int j = 0; j < DIM; j++) {
            v[j] = (float) out[j];
        }
        return v;
    }
}
