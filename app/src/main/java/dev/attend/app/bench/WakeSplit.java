package dev.attend.app.bench;

import java.util.List;
import java.util.Set;

/**
 * The wake bench's tuning / held-out split, voices and corpus segments disjoint. Voices a session already tuned on
 * stay on the tuning side and voices it held out stay held out (session 4 tuned on a 12-voice list), so no rule is
 * ever judged on a voice that chose an earlier rule; the other voices alternate in list order, starting with tuning.
 * Segments: even index tunes, odd is held out.
 */
final class WakeSplit {

    /** Session 4's tuning voices. */
    static final Set<String> TUNED = Set.of("en-us", "en-us+m3", "en-us+f2", "en-us+klatt", "en-gb+f2",
            "en-gb-x-gbcwmd+m3");
    /** Session 4's held-out voices. */
    static final Set<String> HELD = Set.of("en-gb-scotland", "en-gb-x-rp+m3", "en-029+f2", "en-us-nyc+klatt",
            "en-gb-x-gbclan", "en-gb-x-rp+f2");

    private WakeSplit() {
    }

    /** Per voice of the list, whether it is a tuning voice. */
    static boolean[] voices(List<String> voices) {
        boolean[] tune = new boolean[voices.size()];
        int others = 0;
        for (int i = 0; i < tune.length; i++) {
            String v = voices.get(i);
            tune[i] = TUNED.contains(v) || !HELD.contains(v) && others++ % 2 == 0;
        }
        return tune;
    }

    /** Whether corpus segment {@code i} is a tuning segment. */
    static boolean segment(int i) {
        return i % 2 == 0;
    }
}
