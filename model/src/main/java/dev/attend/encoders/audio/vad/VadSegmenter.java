package dev.attend.encoders.audio.vad;

import dev.attend.event.VadEvent;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns a stream of per-window speech probabilities into speech segments: hysteresis between the enter and exit
 * thresholds, a minimum speech duration before a start is reported, a minimum silence before an end, and padding.
 * Pure logic, no model: fed in media-time order.
 */
public final class VadSegmenter {

    private enum State { IDLE, CANDIDATE, SPEECH }

    private final VadOptions options;
    private final Consumer<VadEvent> out;
    private State state = State.IDLE;
    private double speechStart;
    private double lastSpeechEnd;
    private double silenceStart = Double.NaN;
    private double reportedStart;
    private double previousEnd;
    private double probSum;
    private int probCount;

    public VadSegmenter(VadOptions options, Consumer<VadEvent> out) {
        this.options = Objects.requireNonNull(options);
        this.out = Objects.requireNonNull(out);
    }

    /** One window [start, end) of media time with its speech probability. */
    public void accept(double start, double end, double probability) {
        if (state == State.IDLE) {
            if (probability >= options.enterThreshold()) {
                state = State.CANDIDATE;
                speechStart = start;
                lastSpeechEnd = end;
                silenceStart = Double.NaN;
                probSum = probability;
                probCount = 1;
                confirmIfLongEnough();
            }
            return;
        }
        if (probability >= options.exitThreshold()) {
            lastSpeechEnd = end;
            silenceStart = Double.NaN;
            probSum += probability;
            probCount++;
            confirmIfLongEnough();
            return;
        }
        if (Double.isNaN(silenceStart)) {
            silenceStart = start;
        }
        if (end - silenceStart >= options.minSilenceSeconds() - 1e-9) {
            if (state == State.SPEECH) {
                finishSegment(lastSpeechEnd + options.speechPadSeconds());
            }
            state = State.IDLE; // a candidate shorter than the minimum speech is dropped
        }
    }

    /** End of stream at {@code streamEnd}: a segment in progress ends there (padding permitting). */
    public void finish(double streamEnd) {
        if (state == State.SPEECH) {
            finishSegment(Math.min(lastSpeechEnd + options.speechPadSeconds(), Math.max(streamEnd, lastSpeechEnd)));
        }
        state = State.IDLE;
    }

    /** True while a reported segment is open (a start was emitted, its end not yet). */
    public boolean inSpeech() {
        return state == State.SPEECH;
    }

    private void confirmIfLongEnough() {
        if (state == State.CANDIDATE && lastSpeechEnd - speechStart >= options.minSpeechSeconds() - 1e-9) {
            state = State.SPEECH;
            reportedStart = round(Math.max(Math.max(0, previousEnd), speechStart - options.speechPadSeconds()));
            out.accept(VadEvent.start(reportedStart, round3(probSum / probCount)));
        }
    }

    private void finishSegment(double end) {
        double e = round(end);
        previousEnd = e;
        out.accept(VadEvent.end(reportedStart, e, round3(probSum / probCount)));
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static double round3(double v) {
        return Math.round(v * 1e3) / 1e3;
    }
}
