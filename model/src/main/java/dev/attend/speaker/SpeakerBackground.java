package dev.attend.speaker;

import dev.attend.models.ModelIntegrityException;
import dev.attend.models.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mean direction every speaker vector shares, subtracted before a cosine. vosk-model-spk-0.4's x-vectors all
 * lean one way on a given kind of audio (cosines of different voices 0.45–0.93 raw), so the cosine of the centred
 * vectors, {@code unit(v) − mean}, spreads voices apart. The shipped mean ({@code speaker-background.vec} in the
 * resources jar; provenance in {@code SPEAKER-MODEL.md}) is data: the mean of the unit vectors of 10 espeak-ng voices
 * that are not the held-out ones. A session-running mean was measured instead and is much worse (it removes the
 * voice itself while a session has one speaker): docs/performance.md. Immutable, thread-safe.
 */
public final class SpeakerBackground {

    private static final Logger LOG = LoggerFactory.getLogger(SpeakerBackground.class);

    static final String RESOURCE = "/dev/attend/resources/models/speaker-background.vec";
    /** SHA-256 of the shipped file, checked at load (also in docs/models.md). */
    public static final String SHA256 = "648a3e330b92c3278b0b8cd8ae781f1bcaf43d99797e601e0ce6b287cd0b1d2f";

    private static final SpeakerBackground NONE = new SpeakerBackground(new float[0]);
    private static volatile SpeakerBackground shipped;

    private final float[] mean;
    /** Within-speaker whitening applied after the centring (null: none; the compact vectors' metric has one). */
    private final float[][] whitening;

    private SpeakerBackground(float[] mean) {
        this(mean, null);
    }

    private SpeakerBackground(float[] mean, float[][] whitening) {
        this.mean = mean;
        this.whitening = whitening;
    }

    /**
     * Centring on {@code mean}, then a linear map {@code whitening} (square, of the mean's size) of the centred unit
     * vector: the metric of the compact speaker vectors (their within-speaker spread whitened).
     */
    public static SpeakerBackground whitened(float[] mean, float[][] whitening) {
        float[][] w = new float[whitening.length][];
        for (int i = 0; i < w.length; i++) {
            if (whitening[i].length != mean.length) {
                throw new IllegalArgumentException("whitening must be " + mean.length + " x " + mean.length);
            }
            w[i] = whitening[i].clone();
        }
        if (w.length != mean.length) {
            throw new IllegalArgumentException("whitening must be " + mean.length + " x " + mean.length);
        }
        return new SpeakerBackground(mean.clone(), w);
    }

    /** The mean this background centres on (a copy). */
    public float[] mean() {
        return mean.clone();
    }

    /** No centring: plain cosine of the vectors (what the thresholds of a raw setup assume). */
    public static SpeakerBackground none() {
        return NONE;
    }

    /** Centring on this mean (of unit-length vectors). */
    public static SpeakerBackground of(float[] mean) {
        return new SpeakerBackground(mean.clone());
    }

    /**
     * The shipped mean for vosk-model-spk-0.4, loaded once and SHA-256 verified.
     *
     * @throws ModelIntegrityException the file is missing from the class path or damaged
     */
    public static SpeakerBackground shipped() throws ModelIntegrityException {
        SpeakerBackground s = shipped;
        if (s == null) {
            synchronized (SpeakerBackground.class) {
                if (shipped == null) {
                    shipped = new SpeakerBackground(load());
                }
                s = shipped;
            }
        }
        return s;
    }

    private static float[] load() throws ModelIntegrityException {
        byte[] data;
        try (InputStream in = SpeakerBackground.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ModelIntegrityException("the speaker background " + RESOURCE + " is missing from the class "
                        + "path");
            }
            data = in.readAllBytes();
        } catch (IOException e) {
            throw new ModelIntegrityException("the speaker background " + RESOURCE + " cannot be read: "
                    + e.getMessage());
        }
        if (!SHA256.equals(Sha256.of(data))) {
            throw new ModelIntegrityException("the speaker background " + RESOURCE + " is damaged (SHA-256 differs)");
        }
        return parse(new String(data, StandardCharsets.US_ASCII));
    }

    /** One number per line. */
    static float[] parse(String text) {
        String[] lines = text.strip().split("\\s+");
        float[] v = new float[lines.length];
        for (int i = 0; i < lines.length; i++) {
            v[i] = Float.parseFloat(lines[i]);
        }
        return v;
    }

    /** Dimensions of the mean (0 for none). */
    public int dimensions() {
        return mean.length;
    }

    /**
     * {@code unit(v) − mean}. A vector of another length than the mean (another speaker model) is only
     * normalised: this mean belongs to vosk-model-spk-0.4.
     */
    public float[] centred(float[] v) {
        float[] u = SpeakerVectors.normalized(v);
        if (mean.length == 0) {
            return u;
        }
        if (u.length != mean.length) {
            LOG.debug("speaker vector of {} dimensions, background of {}: not centred", u.length, mean.length);
            return u;
        }
        for (int i = 0; i < u.length; i++) {
            u[i] -= mean[i];
        }
        if (whitening == null) {
            return u;
        }
        float[] c = SpeakerVectors.normalized(u);
        float[] out = new float[c.length];
        for (int i = 0; i < out.length; i++) {
            float[] row = whitening[i];
            double sum = 0;
            for (int j = 0; j < c.length; j++) {
                sum += row[j] * c[j];
            }
            out[i] = (float) sum;
        }
        return out;
    }

    /** The cosine of the two centred vectors. */
    public double cosine(float[] a, float[] b) {
        return SpeakerVectors.cosine(centred(a), centred(b));
    }

    @Override
    public String toString() {
        return mean.length == 0 ? "no background" : "background of " + mean.length + " dimensions "
                + Arrays.toString(Arrays.copyOf(mean, 3)) + "…";
    }
}
