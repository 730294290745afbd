package dev.attend.app.bench;

import dev.attend.encoders.audio.wake.WakeVerifier;
import java.util.ArrayList;
import java.util.List;

/**
 * One model's training examples: every window its head scored at least {@link WakeWindows#CAPTURE} in the
 * training voices' clips — positive in clips of its own word, negative in other words and near misses — and in
 * half of the corpus's tuning segments ({@link #trains}; negative), so the other tuning half can still check a
 * cut's false accepts on speech the verifier never saw. Never a held-out segment, never a bench voice.
 */
final class WakeVerifierExamples {

    private WakeVerifierExamples() {
    }

    /** @param fa every corpus segment in list order; only the tuning ones ({@link WakeSplit#segment}) are used */
    static List<WakeLogisticFit.Example> of(String model, List<WakeVerifierRecordings.Recorded> train,
                                           List<WakeVerifierRecordings.Recorded> fa) {
        return of(model, train, fa, List.of(), 1);
    }

    /**
     * As {@link #of(String, List, List)}, plus every window of the even segments of {@code extra} (the
     * verifier-training corpus, {@link WakeCorpus#ensureTraining}) scored at least {@code floor} as a negative; its
     * odd segments stay unseen, to check a cut's false accepts on the tuning side ({@link #checks}).
     */
    static List<WakeLogisticFit.Example> of(String model, List<WakeVerifierRecordings.Recorded> train,
                                           List<WakeVerifierRecordings.Recorded> fa,
                                           List<WakeVerifierRecordings.Recorded> extra, float floor) {
        List<WakeLogisticFit.Example> out = new ArrayList<>();
        for (int i = 0; i < extra.size(); i += 2) { // the even ones: the odd ones check the cut unseen
            WakeVerifierRecordings.Recorded r = extra.get(i);
            int h = r.raw().heads().indexOf(model);
            add(out, r.windows().clips().get(0).stream().filter(c -> c.score() >= floor).toList(), h, false);
        }
        for (WakeVerifierRecordings.Recorded r : train) {
            int h = r.raw().heads().indexOf(model);
            for (int c = 0; c < r.raw().clips().size(); c++) {
                String label = r.raw().clips().get(c).label();
                boolean mine = label.substring(0, label.indexOf('@')).equals(model);
                add(out, r.windows().clips().get(c), h, mine);
            }
        }
        for (int i = 0; i < fa.size(); i++) {
            if (trains(i)) {
                WakeVerifierRecordings.Recorded r = fa.get(i);
                add(out, r.windows().clips().get(0), r.raw().heads().indexOf(model), false);
            }
        }
        return out;
    }

    /**
     * Whether corpus segment {@code i} gives training negatives: every other tuning segment of the first 3 h
     * ({@code fa-000}, 004, 008, 012, 016); the other 13 tuning segments check a cut's false accepts unseen.
     */
    static boolean trains(int i) {
        return WakeSplit.segment(i) && i % 4 == 0 && i < 18;
    }

    /** The training corpus's segments no fit sees: the odd ones. */
    static <T> List<T> checks(List<T> extra) {
        List<T> out = new ArrayList<>();
        for (int i = 1; i < extra.size(); i += 2) {
            out.add(extra.get(i));
        }
        return out;
    }

    private static void add(List<WakeLogisticFit.Example> out, List<WakeWindows.Capture> caps, int h, boolean pos) {
        for (WakeWindows.Capture c : caps) {
            if (c.head() == h) {
                float[] x = new float[WakeVerifier.FEATURES];
                System.arraycopy(c.window(), 0, x, 0, c.window().length);
                x[x.length - 1] = c.score();
                out.add(new WakeLogisticFit.Example(x, pos));
            }
        }
    }
}
