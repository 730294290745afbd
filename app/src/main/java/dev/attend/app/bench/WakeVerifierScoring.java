package dev.attend.app.bench;

import dev.attend.encoders.audio.wake.WakeOptions;
import dev.attend.encoders.audio.wake.WakeVerifier;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One model's outcome on the bench's recordings under a first-stage rule, with or without a verifier: pairs at
 * every offset, clips, false accepts, verifier calls — per side of the {@link WakeSplit}. Verifier probabilities
 * are cached per window and weights, so sweeping cuts and candidate thresholds is a replay.
 */
final class WakeVerifierScoring {

    /** One side's figures for one model. */
    record Score(int pairs, int everyOffset, int clipsHit, int falseAccepts, int untrainedFalseAccepts, int wrongWord,
                 long verifierCalls) {
    }

    private final List<String> voices;
    private final List<WakeVerifierRecordings.Recorded> det;
    private final List<WakeVerifierRecordings.Recorded> fa;
    private final int offsets;
    private final boolean[] tuneVoice;
    private final Map<List<WakeWindows.Capture>, Map<Long, WakeWindows.Capture>> index = new IdentityHashMap<>();
    private final Map<float[], Map<WakeWindows.Capture, Double>> probs = new IdentityHashMap<>();

    WakeVerifierScoring(List<String> voices, List<WakeVerifierRecordings.Recorded> det,
                        List<WakeVerifierRecordings.Recorded> fa, int offsets) {
        this.voices = voices;
        this.det = det;
        this.fa = fa;
        this.offsets = offsets;
        this.tuneVoice = WakeSplit.voices(voices);
    }

    /**
     * @param model     the head
     * @param rule      first-stage rule (its threshold, patience and per-model extra patience apply)
     * @param verifier  null: first stage only
     * @param tuning    which side
     * @param baseline  openWakeWord's scoring, which defines the pairs
     */
    Score score(String model, WakeOptions rule, WakeVerifier verifier, boolean tuning, WakeOptions baseline) {
        int h = det.get(0).raw().heads().indexOf(model);
        int w = List.copyOf(WakeBench.WORDS.keySet()).indexOf(model);
        long[] calls = new long[1];
        int pairs = 0;
        int every = 0;
        int hits = 0;
        int wrong = 0;
        for (int v = 0; v < det.size(); v++) {
            if (tuneVoice[v] != tuning) {
                continue;
            }
            WakeVerifierRecordings.Recorded r = det.get(v);
            boolean heard = false;
            int n = 0;
            for (int c = 0; c < r.raw().clips().size(); c++) {
                WakeRawScores.Clip clip = r.raw().clips().get(c);
                boolean mine = c / offsets == w;
                int got = run(r, c, h, rule, verifier, calls);
                if (mine) {
                    n += got > 0 ? 1 : 0;
                    heard |= !WakeReplay.replay(r.raw(), clip, baseline).detections().get(h).isEmpty();
                } else {
                    wrong += got;
                }
            }
            hits += n;
            if (heard) {
                pairs++;
                every += n == offsets ? 1 : 0;
            }
        }
        int falseAccepts = 0;
        int untrained = 0;
        for (int i = 0; i < fa.size(); i++) {
            if (WakeSplit.segment(i) == tuning) {
                int n = run(fa.get(i), 0, h, rule, verifier, calls);
                falseAccepts += n;
                untrained += WakeVerifierExamples.trains(i) ? 0 : n;
            }
        }
        return new Score(pairs, every, hits, falseAccepts, untrained, wrong, calls[0]);
    }

    /** The model's false accepts on {@code segs} (one clip each), e.g. the training corpus's check half. */
    int falseAccepts(String model, WakeOptions rule, WakeVerifier verifier, List<WakeVerifierRecordings.Recorded> segs) {
        int h = det.get(0).raw().heads().indexOf(model);
        long[] calls = new long[1];
        int n = 0;
        for (WakeVerifierRecordings.Recorded r : segs) {
            n += run(r, 0, h, rule, verifier, calls);
        }
        return n;
    }

    private int run(WakeVerifierRecordings.Recorded r, int c, int h, WakeOptions rule, WakeVerifier verifier,
                    long[] calls) {
        WakeRawScores.Clip clip = r.raw().clips().get(c);
        if (verifier == null) {
            return WakeReplay.replay(r.raw(), clip, rule).detections().get(h).size();
        }
        Map<Long, WakeWindows.Capture> idx = index(r.windows().clips().get(c));
        Map<WakeWindows.Capture, Double> cache = probs.computeIfAbsent(verifier.weights(), k -> new IdentityHashMap<>());
        WakeReplay.Check check = (head, block, phase, score) -> {
            if (head != h) {
                return false;
            }
            calls[0]++;
            WakeWindows.Capture cap = idx.get(key(block, head, phase));
            if (cap == null) {
                return false;
            }
            return cache.computeIfAbsent(cap, k -> verifier.probability(k.window(), k.score())) >= verifier.cut();
        };
        return WakeReplay.replay(r.raw(), clip, rule, check).detections().get(h).size();
    }

    private Map<Long, WakeWindows.Capture> index(List<WakeWindows.Capture> caps) {
        return index.computeIfAbsent(caps, k -> {
            Map<Long, WakeWindows.Capture> m = new HashMap<>();
            for (WakeWindows.Capture cap : k) {
                m.put(key(cap.block(), cap.head(), cap.phase()), cap);
            }
            return m;
        });
    }

    private static long key(int block, int head, int phase) {
        return ((long) block << 8) | (head << 4) | phase;
    }
}
