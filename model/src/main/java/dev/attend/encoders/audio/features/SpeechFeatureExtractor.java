package dev.attend.encoders.audio.features;

import dev.attend.media.AudioChunk;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Log-mel frames and speech embeddings computed incrementally, the openWakeWord way: audio is taken in 1280-sample
 * blocks (80 ms); each block goes through the mel model together with the previous block's last 480 samples (3 hops
 * of context, so the 512-sample frames continue seamlessly: 8 new frames per block, 5 for the first block, which has
 * no context); frames are scaled {@code x/10 + 2}; a 76-frame window (frames before the stream are ones, as
 * openWakeWord pre-fills its buffer) ending at the block's last frame yields the block's 96-d embedding.
 *
 * <p>With {@code phases} &gt; 1 the same mel frames also give, on demand, the embeddings of windows ending
 * {@code 80/phases} ms, {@code 2×80/phases} ms, … earlier ({@link TokenBlock}): interleaved block phases for
 * wake-word heads, so where a word falls in the 80 ms grid matters less. Phase 0 is always computed and is exactly
 * openWakeWord's token. Phase {@code p} is the token openWakeWord would give if the audio started {@code p×80/phases}
 * ms later, except where the mel model's floor differs: it raises each frame's bins to 80 dB below the loudest
 * value of its 1760-sample call, so bins that far down (digital silence) depend on which call they fell in.
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
    /** Most block phases: one per mel frame of a block. */
    public static final int MAX_PHASES = 8;
    private static final int FRAMES_PER_BLOCK = 8;
    private static final int RATE = AudioChunk.SAMPLE_RATE;
    private static final int WINDOW_VALUES = AudioToken.WINDOW_FRAMES * MelFrame.BINS;
    /** Mel frames kept: the oldest window a {@link TokenBlock#token} look-back can need, and some. */
    private static final int RING = 256;
    private static final int CACHE = TokenBlock.MAX_BACK + 1;
    private static final float[] ONES = ones();

    private final MelSpectrogram mel;
    private final SpeechEmbedding embedding;
    private final SpeechFeatureListener out;
    private final int phases;
    private final int stride;
    private final float[] input = new float[CONTEXT + BLOCK];
    private final float[][] frames = new float[RING][];
    private final double[] frameT = new double[RING];
    private final float[][][] cache;
    private final long[][] cacheKey;
    private final Block block = new Block();
    private int filled;
    private boolean haveContext;
    private double blockStart;
    private long melIndex;
    private long tokenIndex;
    private long embeddingCalls;

    /** One phase: openWakeWord's stream exactly. */
    public SpeechFeatureExtractor(MelSpectrogram mel, SpeechEmbedding embedding, SpeechFeatureListener out) {
        this(mel, embedding, out, 1);
    }

    /** @param phases block phases a {@link TokenBlock} offers: 1, 2, 4 or 8 (80, 40, 20 or 10 ms apart) */
    public SpeechFeatureExtractor(MelSpectrogram mel, SpeechEmbedding embedding, SpeechFeatureListener out,
                                  int phases) {
        checkPhases(phases);
        this.mel = Objects.requireNonNull(mel);
        this.embedding = Objects.requireNonNull(embedding);
        this.out = Objects.requireNonNull(out);
        this.phases = phases;
        this.stride = FRAMES_PER_BLOCK / phases;
        this.cache = new float[phases][CACHE][];
        this.cacheKey = new long[phases][CACHE];
        for (long[] k : cacheKey) {
            Arrays.fill(k, -1);
        }
    }

    /** @throws IllegalArgumentException unless {@code phases} is 1, 2, 4 or 8 */
    public static int checkPhases(int phases) {
        if (phases < 1 || phases > MAX_PHASES || FRAMES_PER_BLOCK % phases != 0) {
            throw new IllegalArgumentException("block phases must be 1, 2, 4 or 8: " + phases);
        }
        return phases;
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

    public int phases() {
        return phases;
    }

    /** Speech-embedding model calls so far (all phases; not counting {@link #primer}). */
    public long embeddingCalls() {
        return embeddingCalls;
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
        int n = AudioToken.WINDOW_FRAMES + (count - 1) * FRAMES_PER_BLOCK;
        float[] pcm = new float[512 + (n - 1) * 160];
        float[][] mels = mel.frames(pcm);
        List<float[]> result = new ArrayList<>(count);
        float[] w = new float[WINDOW_VALUES];
        for (int k = 0; k < count; k++) {
            for (int j = 0; j < AudioToken.WINDOW_FRAMES; j++) {
                System.arraycopy(mels[k * FRAMES_PER_BLOCK + j], 0, w, j * MelFrame.BINS, MelFrame.BINS);
            }
            result.add(embedding.embed(w.clone()));
        }
        return result;
    }

    private void processBlock() {
        float[] pcm = haveContext ? input.clone() : Arrays.copyOfRange(input, CONTEXT, CONTEXT + BLOCK);
        float[][] fresh = mel.frames(pcm);
        int expected = MelSpectrogram.frameCount(pcm.length);
        if (fresh.length != expected) {
            throw new IllegalStateException("mel model gave " + fresh.length + " frames for " + pcm.length
                    + " samples, expected " + expected);
        }
        // frame j's 512-sample window ends 512 samples after its start; with context the input starts 480 earlier
        double firstEnd = blockStart + ((haveContext ? -CONTEXT : 0) + 512) / (double) RATE;
        for (int j = 0; j < fresh.length; j++) {
            int slot = (int) (melIndex % RING);
            frames[slot] = fresh[j];
            frameT[slot] = round(firstEnd + j * 160 / (double) RATE);
            out.onMelFrame(new MelFrame(melIndex++, frameT[slot], fresh[j]));
        }
        long b = tokenIndex++;
        AudioToken main = token(0, b);
        out.onToken(main);
        block.current = b;
        block.main = main;
        out.onBlock(block);
        System.arraycopy(input, BLOCK, input, 0, CONTEXT);
        haveContext = true;
    }

    /** Last mel frame of block {@code b}: the first block has 5 frames, every later one 8. */
    private static long lastFrame(long b) {
        return 4 + FRAMES_PER_BLOCK * b;
    }

    /** Phase {@code p}'s token of block {@code b} (computed once, then cached); null before the first frame. */
    private AudioToken token(int p, long b) {
        long end = lastFrame(b) - (long) p * stride;
        if (b < 0 || end < 0) {
            return null;
        }
        int slot = (int) (b % CACHE);
        if (cacheKey[p][slot] != b) {
            cache[p][slot] = embedding.embed(window(end));
            cacheKey[p][slot] = b;
            embeddingCalls++;
        }
        return new AudioToken(b, frameT[(int) (end % RING)], cache[p][slot]);
    }

    /** The 76 frames ending at frame {@code end}, flattened; frames before the stream are ones. */
    private float[] window(long end) {
        float[] w = new float[WINDOW_VALUES];
        long first = end - AudioToken.WINDOW_FRAMES + 1;
        for (int j = 0; j < AudioToken.WINDOW_FRAMES; j++) {
            long n = first + j;
            float[] f = n < 0 ? ONES : frames[(int) (n % RING)];
            System.arraycopy(f, 0, w, j * MelFrame.BINS, MelFrame.BINS);
        }
        return w;
    }

    /** The current block as the listeners see it. */
    private final class Block implements TokenBlock {
        long current;
        AudioToken main;

        @Override
        public long index() {
            return current;
        }

        @Override
        public int phases() {
            return phases;
        }

        @Override
        public AudioToken main() {
            return main;
        }

        @Override
        public AudioToken token(int phase, int back) {
            if (phase < 0 || phase >= phases) {
                throw new IllegalArgumentException("phase " + phase + " of " + phases);
            }
            if (back < 0 || back > MAX_BACK) {
                throw new IllegalArgumentException("look-back " + back + " outside 0.." + MAX_BACK);
            }
            return phase == 0 && back == 0 ? main : SpeechFeatureExtractor.this.token(phase, current - back);
        }
    }

    private static float[] ones() {
        float[] f = new float[MelFrame.BINS];
        Arrays.fill(f, 1f);
        return f;
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
