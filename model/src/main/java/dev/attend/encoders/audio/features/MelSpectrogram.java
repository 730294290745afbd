package dev.attend.encoders.audio.features;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.attend.encoders.audio.AudioModels;
import dev.attend.onnx.OnnxNet;
import java.io.IOException;

/**
 * openWakeWord's log-mel model: 32 bins, 512-sample frames every 160 samples, over samples in the int16 range;
 * outputs scaled {@code x/10 + 2} as openWakeWord does before the speech embedding.
 */
public final class MelSpectrogram implements AutoCloseable {

    private final OnnxNet net;

    public MelSpectrogram(OnnxNet net) {
        this.net = net;
    }

    public static MelSpectrogram load() throws IOException {
        return new MelSpectrogram(OnnxNet.load(AudioModels.MELSPECTROGRAM));
    }

    /** Frames for {@code n} samples: one per 160-sample hop whose 512-sample window fits. */
    public static int frameCount(int n) {
        return n < 512 ? 0 : (n - 512) / 160 + 1;
    }

    /**
     * Scaled log-mel frames of {@code pcm} (floats holding int16 values).
     *
     * @return [frames][32]
     */
    public float[][] frames(float[] pcm) {
        float[] flat;
        try (NDManager m = net.newCallManager()) {
            NDList in = new NDList(m.create(pcm, new Shape(1, pcm.length)));
            in.get(0).setName("input");
            flat = net.run(in).get(0).toFloatArray();
        }
        int n = flat.length / MelFrame.BINS;
        float[][] out = new float[n][MelFrame.BINS];
        for (int f = 0; f < n; f++) {
            for (int b = 0; b < MelFrame.BINS; b++) {
                out[f][b] = flat[f * MelFrame.BINS + b] / 10f + 2f;
            }
        }
        return out;
    }

    @Override
    public void close() {
        net.close();
    }
}
