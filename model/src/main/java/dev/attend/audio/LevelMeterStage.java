package dev.attend.audio;

import dev.attend.event.CoreEvents;
import dev.attend.media.AudioChunk;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;

/** Emits a {@code level} event (RMS and peak in dBFS) for every {@code window} of audio. */
public final class LevelMeterStage implements Stage<AudioChunk> {

    /** Reported for digital silence instead of minus infinity. */
    public static final double FLOOR_DB = -120;

    private final int windowSamples;
    private double sumSquares;
    private double peak;
    private int count;
    private double windowStart = -1;

    public LevelMeterStage(double windowSeconds) {
        this.windowSamples = Math.max(1, (int) Math.round(windowSeconds * AudioChunk.SAMPLE_RATE));
    }

    public LevelMeterStage() {
        this(0.1);
    }

    @Override
    public String name() {
        return "level";
    }

    @Override
    public void process(AudioChunk chunk, StageContext ctx) {
        float[] s = chunk.samples();
        for (int i = 0; i < s.length; i++) {
            if (count == 0) {
                windowStart = chunk.t() + i / (double) AudioChunk.SAMPLE_RATE;
            }
            double v = s[i];
            sumSquares += v * v;
            peak = Math.max(peak, Math.abs(v));
            if (++count == windowSamples) {
                report(ctx);
            }
        }
    }

    @Override
    public void end(StageContext ctx) {
        if (count > 0) {
            report(ctx);
        }
    }

    private void report(StageContext ctx) {
        double rms = Math.sqrt(sumSquares / count);
        ctx.events().emit(new CoreEvents.Level(round(windowStart), round(count / (double) AudioChunk.SAMPLE_RATE),
                round2(dbfs(rms)), round2(dbfs(peak))));
        sumSquares = 0;
        peak = 0;
        count = 0;
    }

    /** 20·log10(x), floored at {@link #FLOOR_DB}. */
    public static double dbfs(double x) {
        return x <= 0 ? FLOOR_DB : Math.max(FLOOR_DB, 20 * Math.log10(x));
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
