package dev.attend.encoders.audio.vad;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.attend.encoders.audio.AudioModels;
import dev.attend.onnx.OnnxNet;
import java.io.IOException;

/**
 * Silero VAD (v4 graph) over 512-sample windows at 16 kHz, keeping the LSTM state (h, c) from one window to the
 * next. Not thread-safe: one instance per stream, on one thread.
 */
public final class SileroVad implements AutoCloseable {

    /** Samples per window at 16 kHz (32 ms); the model also accepts 1024 and 1536, we use the finest. */
    public static final int WINDOW = 512;
    private static final int STATE = 2 * 64;

    private final OnnxNet net;
    private float[] h = new float[STATE];
    private float[] c = new float[STATE];

    public SileroVad(OnnxNet net) {
        this.net = net;
    }

    /** Loads the bundled, SHA-256-verified model. */
    public static SileroVad load() throws IOException {
        return new SileroVad(OnnxNet.load(AudioModels.SILERO_VAD));
    }

    /**
     * Speech probability of the next window, continuing the stream's state.
     *
     * @param window exactly {@link #WINDOW} samples in [-1, 1]
     */
    public float probability(float[] window) {
        if (window.length != WINDOW) {
            throw new IllegalArgumentException("Silero VAD needs " + WINDOW + " samples, got " + window.length);
        }
        try (NDManager m = net.newCallManager()) {
            // sr is a 0-d int64 tensor: DJL's NDManager creates it as a scalar of shape ()
            NDList in = new NDList(
                    named(m.create(window, new Shape(1, WINDOW)), "input"),
                    named(m.create(16_000L), "sr"),
                    named(m.create(h, new Shape(2, 1, 64)), "h"),
                    named(m.create(c, new Shape(2, 1, 64)), "c"));
            NDList out = net.run(in);
            float p = out.get("output").toFloatArray()[0];
            h = out.get("hn").toFloatArray();
            c = out.get("cn").toFloatArray();
            return p;
        }
    }

    /** Forgets the stream (a new, unrelated stream follows). */
    public void reset() {
        h = new float[STATE];
        c = new float[STATE];
    }

    private static NDArray named(NDArray a, String name) {
        a.setName(name);
        return a;
    }

    @Override
    public void close() {
        net.close();
    }
}
