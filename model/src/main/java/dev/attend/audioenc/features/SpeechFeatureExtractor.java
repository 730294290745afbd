package dev.attend.audioenc.features;

import dev.attend.media.AudioChunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Log-mel frames and speech embeddings computed incrementally, the openWakeWord way: audio is taken in 1280-sample
 * blocks (80 ms); each block goes through the mel model together with the previous block's last 480 samples (3 hops
 * of context, so the 512-sample frames continue seamlessly: 8 new frames per block, 5 for the first block, which has
 * no context); frames are scaled {@code x/10 + 2}; a 76-frame window, pre-filled with ones as openWakeWord does,
 * slides by 8 frames and yields one 96-d embedding per block.
 *
 * <p>Blocks are cut by sample count and every model call has the same shape, so the output does not depend on the
 * chunk sizes the audio arrives in. A trailing partial block (under 80 ms) at the end of a stream is not used.
 * Not thread-safe.
 */
public final class SpeechFeatureExtractor {

    /** Samples per block: one embedding each. */
    public static final int BLOCK = 1280;
    /** Samples of the previous block fed again as context. */
    public static final int CONTEXT = 480;
    private static final int RATE = AudioChunk.SAMPLE_RATE;
    private static final int WINDOW_VALUES = AudioToken.WINDOW_FRAMES * MelFrame.BINS;

    private final MelSpectrogram mel;
    private final SpeechEmbedding embedding;
    private final SpeechFeatureListener out;
    private final float[] input = new float[CONTEXT + BLOCK];
    private final float[] window = new float[WINDOW_VALUES];
    private int filled;
    private boolean haveContext;
    private double blockStart;
    private long melIndex;
    private long tokenIndex;

    public SpeechFeatureExtractor(MelSpectrogram mel, SpeechEmbedding embedding, SpeechFeatureListener out) {
        this.mel = Objects.requireNonNull(mel);
        this.embedding = Objects.requireNonNull(embedding);
        this.out = Objects.requireNonNull(out);
        Arrays.fill(window, 1f); // openWakeWord starts its mel buffer with 76 frames of ones
    }

    /** Feeds samples in [-1, 1] whose first one is at media time {@code t}. */
    public void accept(double t, float[] samples) {
        for (int i = 0; i < samples.length; i++) {
            if (filled == 0) {
                blockStart = t + i / (double) RATE;
            }
            input[CONTEXT + filled++] = toInt16Range(samples[i]);
            if (filled == BLOCK) {
                processBlock();
                filled = 0;
            }
        }
    }

    public long tokens() {
        return tokenIndex;
    }

    /**
     * Speech embeddings of digital silence, oldest first: the token history a wake-word head starts from, so it can
     * score from the stream's first token as if the stream had been preceded by {@code count} tokens' worth of
     * silence (~2 s for 16). openWakeWord likewise starts its feature buffer with embeddings of made-up audio (noise);
     * silence is used here because a noise primer made the {@code alexa} head fire on white noise. Each embedding
     * covers 76 mel frames of the silence, 8 frames apart, from one mel call. The stream's own state (mel window,
     * indices, times) is not touched and nothing is published.
     *
     * @param count embeddings wanted (at least 1)
     */
    public List<float[]> primer(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("primer needs at least one embedding: " + count);
        }
        int frames = AudioToken.WINDOW_FRAMES + (count - 1) * 8;
        float[] pcm = new float[512 + (frames - 1) * 160];
        float[][] mels = mel.frames(pcm);
        List<float[]> out = new ArrayList<>(count);
        float[] w = new float[WINDOW_VALUES];
        for (int k = 0; k < count; k++) {
            for (int j = 0; j < AudioToken.WINDOW_FRAMES; j++) {
                System.arraycopy(mels[k * 8 + j], 0, w, j * MelFrame.BINS, MelFrame.BINS);
            }
            out.add(embedding.embed(w.clone()));
        }
        return out;
    }

    private void processBlock() {
        float[] pcm = haveContext ? input.clone() : Arrays.copyOfRange(input, CONTEXT, CONTEXT + BLOCK);
        float[][] frames = mel.frames(pcm);
        int expected = MelSpectrogram.frameCount(pcm.length);
        if (frames.length != expected) {
            throw new IllegalStateException("mel model gave " + frames.length + " frames for " + pcm.length
                    + " samples, expected " + expected);
        }
        // frame j's 512-sample window ends 512 samples after its start; with context the input starts 480 earlier
        double firstEnd = blockStart + ((haveContext ? -CONTEXT : 0) + 512) / (double) RATE;
        for (int j = 0; j < frames.length; j++) {
            System.arraycopy(window, MelFrame.BINS, window, 0, WINDOW_VALUES - MelFrame.BINS);
            System.arraycopy(frames[j], 0, window, WINDOW_VALUES - MelFrame.BINS, MelFrame.BINS);
            out.onMelFrame(new MelFrame(melIndex++, round(firstEnd + j * 160 / (double) RATE), frames[j]));
        }
        float[] vector = embedding.embed(window.clone());
        double lastEnd = firstEnd + (frames.length - 1) * 160 / (double) RATE;
        out.onToken(new AudioToken(tokenIndex++, round(lastEnd), vector));
        System.arraycopy(input, BLOCK, input, 0, CONTEXT);
        haveContext = true;
    }

    /** openWakeWord feeds int16 sample values; the same rounding and clipping as 16-bit PCM. */
    static float toInt16Range(float s) {
        float v = Math.round(s * 32768f);
        return Math.max(-32768f, Math.min(32767f, v));
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
