package dev.attend.encoders.audio.wake;

import dev.attend.encoders.audio.AudioModels;
import dev.attend.encoders.audio.features.AudioToken;
import dev.attend.models.BundledModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Objects;

/**
 * A wake-word model's second stage: logistic regression over the window its head just scored (16 × 96 embeddings
 * of the best phase) and that score, asked only when the first stage would fire. Trained per bundled model on
 * espeak-ng speech the wake bench never measures with ({@code attend bench wake --train-verifier}); weights are
 * data in the resources jar, pinned by SHA-256 ({@link WakeVerifiers}).
 *
 * @param model      the head it verifies
 * @param candidate  first-stage threshold the verifier was tuned with, at the user's threshold 0.5 (shifted with
 *                   it: {@link WakeOptions#candidates})
 * @param cut        probability at or above which a candidate is accepted
 * @param mean       per feature, subtracted first
 * @param scale      per feature, multiplied next
 * @param weights    per feature
 * @param bias       added last
 */
public record WakeVerifier(String model, float candidate, float cut, float[] mean, float[] scale, float[] weights,
                           float bias) {

    /** Window values, then the head's score. */
    public static final int FEATURES = AudioModels.WAKE_WINDOW * AudioToken.DIM + 1;

    private static final int MAGIC = 0x41575631; // "AWV1"

    public WakeVerifier {
        Objects.requireNonNull(model, "model");
        if (mean.length != FEATURES || scale.length != FEATURES || weights.length != FEATURES) {
            throw new IllegalArgumentException("wake verifier for " + model + " needs " + FEATURES + " features");
        }
        if (!(candidate > 0 && candidate < 1) || !(cut >= 0 && cut <= 1)) {
            throw new IllegalArgumentException("wake verifier for " + model + ": thresholds out of range: "
                    + candidate + ", " + cut);
        }
    }

    /** Probability that the window holds the wake word. */
    public double probability(float[] window, float score) {
        if (window.length != FEATURES - 1) {
            throw new IllegalArgumentException("wake verifier needs 16x96 values, got " + window.length);
        }
        double z = bias;
        for (int i = 0; i < window.length; i++) {
            z += weights[i] * (window[i] - mean[i]) * scale[i];
        }
        int last = FEATURES - 1;
        z += weights[last] * (score - mean[last]) * scale[last];
        return 1 / (1 + Math.exp(-z));
    }

    public boolean accepts(float[] window, float score) {
        return probability(window, score) >= cut;
    }

    /** The same weights with another acceptance cut or first-stage threshold (tuning). */
    public WakeVerifier with(float newCandidate, float newCut) {
        return new WakeVerifier(model, newCandidate, newCut, mean, scale, weights, bias);
    }

    /** The weights file's bytes (big-endian). */
    public byte[] toBytes() {
        try (ByteArrayOutputStream b = new ByteArrayOutputStream(); DataOutputStream o = new DataOutputStream(b)) {
            o.writeInt(MAGIC);
            o.writeUTF(model);
            o.writeInt(FEATURES);
            o.writeFloat(candidate);
            o.writeFloat(cut);
            for (float[] a : new float[][] {mean, scale, weights}) {
                for (float v : a) {
                    o.writeFloat(v);
                }
            }
            o.writeFloat(bias);
            o.flush();
            return b.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IOException naming what is wrong when the bytes are not a verifier for {@code model} */
    public static WakeVerifier fromBytes(String model, byte[] data) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a wake verifier file (bad magic)");
            }
            String name = in.readUTF();
            if (!name.equals(model)) {
                throw new IOException("wake verifier is for '" + name + "', not '" + model + "'");
            }
            if (in.readInt() != FEATURES) {
                throw new IOException("wake verifier has the wrong feature count");
            }
            float candidate = in.readFloat();
            float cut = in.readFloat();
            float[][] a = new float[3][FEATURES];
            for (float[] x : a) {
                for (int i = 0; i < FEATURES; i++) {
                    x[i] = in.readFloat();
                }
            }
            float bias = in.readFloat();
            if (in.read() != -1) {
                throw new IOException("wake verifier file has trailing bytes");
            }
            return new WakeVerifier(model, candidate, cut, a[0], a[1], a[2], bias);
        } catch (java.io.EOFException e) {
            throw new IOException("wake verifier file for " + model + " is truncated", e);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Loads and checks a bundled verifier file. */
    public static WakeVerifier load(String model, BundledModel file) throws IOException {
        return fromBytes(model, file.readVerified());
    }
}
