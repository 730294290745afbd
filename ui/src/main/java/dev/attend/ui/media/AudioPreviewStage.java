package dev.attend.ui.media;

import dev.attend.media.AudioChunk;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pipeline stage (its own thread, never the UI's) that turns audio into 10 ms display columns — waveform min/max
 * and a 64-bin log-mel spectrum — for the waveform/mel strip. Columns wait in a bounded queue the view drains.
 */
public final class AudioPreviewStage implements Stage<AudioChunk> {

    public static final int HOP = 160;
    public static final int MEL_BINS = 64;
    private static final int MAX_QUEUED = 3000;

    private final ConcurrentLinkedQueue<AudioColumn> out;
    private final AtomicInteger queued;
    private final MelSpectrum mel = new MelSpectrum(AudioChunk.SAMPLE_RATE, 400, 512, MEL_BINS);
    private float[] buf = new float[4096];
    private int len;
    private double bufStartT = Double.NaN;

    public AudioPreviewStage(AudioPreviewBuffer target) {
        this.out = target.queue();
        this.queued = target.count();
    }

    @Override
    public String name() {
        return "preview-audio";
    }

    @Override
    public void process(AudioChunk chunk, StageContext ctx) {
        float[] s = chunk.samples();
        if (Double.isNaN(bufStartT)) {
            bufStartT = chunk.t();
        }
        if (len + s.length > buf.length) {
            buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + s.length));
        }
        System.arraycopy(s, 0, buf, len, s.length);
        len += s.length;
        int win = mel.windowSize();
        int pos = 0;
        while (pos + win <= len) {
            float min = 0;
            float max = 0;
            for (int i = pos; i < pos + HOP; i++) {
                min = Math.min(min, buf[i]);
                max = Math.max(max, buf[i]);
            }
            double t = bufStartT + (double) pos / AudioChunk.SAMPLE_RATE;
            out.add(new AudioColumn(t, min, max, mel.compute(buf, pos)));
            if (queued.incrementAndGet() > MAX_QUEUED && out.poll() != null) {
                queued.decrementAndGet();
            }
            pos += HOP;
        }
        System.arraycopy(buf, pos, buf, 0, len - pos);
        len -= pos;
        bufStartT += (double) pos / AudioChunk.SAMPLE_RATE;
    }

    @Override
    public void close() {
        // nothing native: frames and columns are plain arrays
    }
}
