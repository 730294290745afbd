package dev.attend.encoders.audio.vad;

import dev.attend.media.AudioChunk;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;
import java.io.IOException;
import java.util.Objects;

/**
 * Voice activity detection on the audio bus: Silero over consecutive 512-sample windows (whatever the chunk size),
 * state kept across chunks, segments from {@link VadSegmenter}, {@code vad} events on the session's sink. Window
 * times come from sample counts, so results do not depend on how the audio was chunked.
 */
public final class VadStage implements Stage<AudioChunk> {

    private final VadOptions options;
    private final ModelLoader loader;
    private SileroVad vad;
    private VadSegmenter segmenter;
    private final float[] window = new float[SileroVad.WINDOW];
    private int filled;
    private double windowStart = Double.NaN;
    private double streamEnd;

    /** Loads the model in {@link #start}; tests and benchmarks may pass their own loader. */
    @FunctionalInterface
    public interface ModelLoader {
        SileroVad load() throws IOException;
    }

    public VadStage(VadOptions options) {
        this(options, SileroVad::load);
    }

    public VadStage(VadOptions options, ModelLoader loader) {
        this.options = Objects.requireNonNull(options);
        this.loader = Objects.requireNonNull(loader);
    }

    @Override
    public String name() {
        return "vad";
    }

    @Override
    public void start(StageContext ctx) throws IOException {
        vad = loader.load();
        segmenter = new VadSegmenter(options, ctx.events()::emit);
    }

    @Override
    public void process(AudioChunk chunk, StageContext ctx) {
        float[] s = chunk.samples();
        for (int i = 0; i < s.length; i++) {
            if (filled == 0) {
                windowStart = chunk.t() + i / (double) AudioChunk.SAMPLE_RATE;
            }
            window[filled++] = s[i];
            if (filled == SileroVad.WINDOW) {
                float p = vad.probability(window);
                segmenter.accept(windowStart, windowStart + SileroVad.WINDOW / (double) AudioChunk.SAMPLE_RATE, p);
                filled = 0;
            }
        }
        streamEnd = Math.max(streamEnd, chunk.endTime());
    }

    @Override
    public void end(StageContext ctx) {
        // a last partial window (< 32 ms) is not scored: Silero needs whole windows
        if (segmenter != null) {
            segmenter.finish(streamEnd);
        }
    }

    @Override
    public void close() {
        if (vad != null) {
            vad.close();
            vad = null;
        }
    }
}
