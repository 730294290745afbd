package dev.attend.audio;

import dev.attend.media.AudioChunk;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Cuts a 16 kHz mono sample stream into {@link AudioChunk}s of a fixed size, numbering them and stamping media time
 * from the running sample count (so time never drifts, whatever the input block sizes were).
 */
public final class AudioChunker {

    /** 80 ms: the openWakeWord frame, a multiple of Silero VAD's 512-sample window pairs' hop and of 10 ms mel hops. */
    public static final int DEFAULT_CHUNK = 1280;

    private final int chunkSize;
    private final double startTime;
    private final float[] pending;
    private int pendingCount;
    private long seq;
    private long samplesOut;
    private final Deque<AudioChunk> ready = new ArrayDeque<>();

    public AudioChunker(int chunkSize, double startTime) {
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("chunk size must be positive");
        }
        this.chunkSize = chunkSize;
        this.startTime = startTime;
        this.pending = new float[chunkSize];
    }

    public AudioChunker() {
        this(DEFAULT_CHUNK, 0);
    }

    /** Adds samples; complete chunks become available from {@link #poll()}. */
    public void add(float[] samples) {
        add(samples, 0, samples.length);
    }

    /** Adds {@code samples[off, off + len)}; the array is copied, so the caller may reuse it. */
    public void add(float[] samples, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            if (pendingCount == 0 && end - i >= chunkSize) {
                // a whole chunk in one copy, without going through the pending buffer
                emit(Arrays.copyOfRange(samples, i, i + chunkSize));
                i += chunkSize;
                continue;
            }
            int n = Math.min(chunkSize - pendingCount, end - i);
            System.arraycopy(samples, i, pending, pendingCount, n);
            pendingCount += n;
            i += n;
            if (pendingCount == chunkSize) {
                emit(Arrays.copyOf(pending, chunkSize));
                pendingCount = 0;
            }
        }
    }

    /** End of stream: the last, shorter chunk if any samples remain. */
    public void flush() {
        if (pendingCount > 0) {
            emit(Arrays.copyOf(pending, pendingCount));
            pendingCount = 0;
        }
    }

    /** Next complete chunk, or null. */
    public AudioChunk poll() {
        return ready.poll();
    }

    public long samplesOut() {
        return samplesOut;
    }

    private void emit(float[] samples) {
        double t = startTime + samplesOut / (double) AudioChunk.SAMPLE_RATE;
        ready.add(new AudioChunk(seq++, t, samples, System.nanoTime()));
        samplesOut += samples.length;
    }
}
