package dev.attend.fusion.live;

import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionInputs;
import dev.attend.encoders.vision.FaceDescriptor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The sliding window the live model sees, built from the token streams: the last {@code audioTokens} audio tokens,
 * for each the newest video token of the main face (the largest recently seen) at most {@link #VIDEO_SLACK} older
 * (else "no face"), and the words of the latest transcript that fall in the window. Times become seconds from the
 * window's start, as in training; a window that is not full yet is left-padded (masked). Not thread-safe.
 */
public final class StreamWindow {

    /** A video token older than this (s) at an audio token's time counts as "no face". */
    public static final double VIDEO_SLACK = 0.12;
    private static final double TRACK_MEMORY = 1.0;

    /** A word of the transcript: start time, vector (mean of its pieces), text. */
    public record Word(double t, float[] vector, String text) {
    }

    private record Frame(double t, int track, float[] descriptor) {
    }

    private final FusionConfig cfg;
    private final Deque<double[]> audioTimes = new ArrayDeque<>();
    private final Deque<float[]> audio = new ArrayDeque<>();
    private final Deque<float[]> video = new ArrayDeque<>();
    private final Deque<Integer> videoTrack = new ArrayDeque<>();
    private final List<Frame> latestFrames = new ArrayList<>();
    private List<Word> words = List.of();

    public StreamWindow(FusionConfig cfg) {
        this.cfg = cfg;
    }

    /** A video token (16-d face descriptor) of face {@code track} at {@code t}. */
    public void addVideo(double t, int track, float[] descriptor) {
        // a short history: audio steps may be taken after newer frames arrived (streams run on their own threads)
        latestFrames.removeIf(f -> t - f.t() > TRACK_MEMORY);
        latestFrames.add(new Frame(t, track, descriptor));
    }

    /** Replaces the transcript words. */
    public void setWords(List<Word> w) {
        words = List.copyOf(w);
    }

    /** An audio token at {@code t}: the window moves on by one step. */
    public void addAudio(double t, float[] vector) {
        audioTimes.addLast(new double[] {t});
        audio.addLast(vector);
        Frame f = mainFace(t);
        float[] v = new float[FusionConfig.VIDEO_DIM];
        if (f != null) {
            System.arraycopy(f.descriptor(), 0, v, 0, Math.min(FaceDescriptor.SIZE, f.descriptor().length));
            v[FaceDescriptor.SIZE] = 1f;
        }
        video.addLast(v);
        videoTrack.addLast(f == null ? 0 : f.track());
        while (audio.size() > cfg.audioTokens()) {
            audioTimes.removeFirst();
            audio.removeFirst();
            video.removeFirst();
            videoTrack.removeFirst();
        }
    }

    /** One step of the window: an audio token's time and values, and the main face's video token then. */
    public record StepToken(double t, float[] audio, float[] video, int track) {
    }

    /** The window's steps later than {@code t}, oldest first (what an incremental model has not seen yet). */
    public List<StepToken> stepsAfter(double t) {
        List<StepToken> out = new ArrayList<>();
        var ti = audioTimes.iterator();
        var ai = audio.iterator();
        var vi = video.iterator();
        var ki = videoTrack.iterator();
        while (ti.hasNext()) {
            double at = ti.next()[0];
            float[] a = ai.next();
            float[] v = vi.next();
            int k = ki.next();
            if (at > t + 1e-9) {
                out.add(new StepToken(at, a, v, k));
            }
        }
        return out;
    }

    /** The newest audio token's 96 values. */
    public float[] lastAudio() {
        return audio.getLast();
    }

    /** Video tokens (descriptor + 1 = present) of every face seen at most {@link #VIDEO_SLACK} before {@code t}. */
    public java.util.Map<Integer, float[]> faceTokens(double t) {
        java.util.Map<Integer, Frame> newest = newestFrames(t);
        java.util.Map<Integer, float[]> out = new java.util.TreeMap<>();
        newest.forEach((track, f) -> {
            float[] v = new float[FusionConfig.VIDEO_DIM];
            System.arraycopy(f.descriptor(), 0, v, 0, Math.min(FaceDescriptor.SIZE, f.descriptor().length));
            v[FaceDescriptor.SIZE] = 1f;
            out.put(track, v);
        });
        return out;
    }

    private java.util.Map<Integer, Frame> newestFrames(double t) {
        java.util.Map<Integer, Frame> newest = new java.util.HashMap<>();
        for (Frame f : latestFrames) {
            if (f.t() <= t + 1e-6 && t - f.t() <= VIDEO_SLACK) {
                newest.merge(f.track(), f, (a, b) -> b.t() > a.t() ? b : a);
            }
        }
        return newest;
    }

    private Frame mainFace(double t) {
        java.util.Map<Integer, Frame> newest = newestFrames(t);
        Frame best = null;
        for (Frame f : newest.values()) {
            if (best == null || f.descriptor()[10] > best.descriptor()[10]) {
                best = f;
            }
        }
        return best;
    }

    public int size() {
        return audio.size();
    }

    /** Media time of the newest audio token. */
    public double end() {
        return audioTimes.getLast()[0];
    }

    /** Media time the window's time encodings count from. */
    public double start() {
        return end() - (cfg.audioTokens() - 1) * FusionConfig.TOKEN_SECONDS - 0.072;
    }

    /** Face track of the newest step (0 = none). */
    public int track() {
        return videoTrack.getLast();
    }

    /** Words in the window (at most textTokens, the newest). */
    public List<Word> wordsInWindow() {
        double s = start();
        List<Word> in = new ArrayList<>();
        for (Word w : words) {
            if (w.t() >= s && w.t() <= end()) {
                in.add(w);
            }
        }
        return in.size() > cfg.textTokens() ? in.subList(in.size() - cfg.textTokens(), in.size()) : in;
    }

    /** Absolute media times of the window's audio steps, oldest first (padding excluded). */
    public double[] times() {
        double[] t = new double[audio.size()];
        int i = 0;
        for (double[] x : audioTimes) {
            t[i++] = x[0];
        }
        return t;
    }

    /** The window as a batch of one. */
    public FusionInputs inputs() {
        FusionInputs in = FusionInputs.empty(1, cfg);
        int ta = cfg.audioTokens();
        int pad = ta - audio.size();
        double s = start();
        int i = pad;
        var ti = audioTimes.iterator();
        var ai = audio.iterator();
        var vi = video.iterator();
        while (ai.hasNext()) {
            double t = ti.next()[0];
            System.arraycopy(ai.next(), 0, in.audio(), i * FusionConfig.AUDIO_DIM, FusionConfig.AUDIO_DIM);
            System.arraycopy(vi.next(), 0, in.video(), i * FusionConfig.VIDEO_DIM, FusionConfig.VIDEO_DIM);
            in.audioTime()[i] = (float) (t - s);
            in.videoTime()[i] = (float) (t - s);
            in.audioMask()[i] = 1f;
            in.videoMask()[i] = 1f;
            i++;
        }
        for (int p = 0; p < pad; p++) {
            in.audioTime()[p] = (float) ((p * FusionConfig.TOKEN_SECONDS) + 0.072);
            in.videoTime()[p] = in.audioTime()[p];
        }
        List<Word> w = wordsInWindow();
        for (int k = 0; k < w.size(); k++) {
            System.arraycopy(w.get(k).vector(), 0, in.text(), k * FusionConfig.TEXT_DIM, FusionConfig.TEXT_DIM);
            in.textTime()[k] = (float) (w.get(k).t() - s);
            in.textMask()[k] = 1f;
        }
        return in;
    }
}
