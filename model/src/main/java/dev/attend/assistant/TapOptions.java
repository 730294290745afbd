package dev.attend.assistant;

import java.util.List;
import java.util.Set;

/**
 * How the assistant listens in a session.
 *
 * @param wakeWords         wake-word models that activate it (e.g. {@code hey_jarvis})
 * @param modes             listening modes switched on at start (typed and push-to-talk always work)
 * @param asr               whether the session has speech recognition (then a command waits for its transcript)
 * @param live              live capture: a reply's gate starts at the newest media time, not at the command's end
 * @param fast              files read as fast as possible: other stages may run up to {@link #FAST_LAG} s ahead
 * @param minCommandSeconds a VAD end this soon after activation is the wake word's own end, not the command's
 * @param startTimeout      media seconds to wait for speech after activation
 * @param maxCommandSeconds media seconds after which a command is cut off
 * @param asrGraceMillis    wall time to wait for the transcript after the VAD said speech ended
 * @param gateTailSeconds   the gate outlasts the reply by this much (room echo, playback start-up)
 */
public record TapOptions(Set<String> wakeWords, Set<ListeningMode> modes, boolean asr, boolean live, boolean fast,
                         double minCommandSeconds, double startTimeout, double maxCommandSeconds, long asrGraceMillis,
                         double gateTailSeconds) {

    /** A pipeline queue holds 64 chunks of 80 ms: how far one stage may run ahead of another in a fast session. */
    public static final double FAST_LAG = 5.2;

    public TapOptions {
        wakeWords = Set.copyOf(wakeWords);
        modes = Set.copyOf(modes);
    }

    public static TapOptions of(List<String> wakeWords, boolean asr, boolean live, boolean fast) {
        return new TapOptions(Set.copyOf(wakeWords), Set.of(ListeningMode.WAKE_WORD, ListeningMode.PUSH_TO_TALK,
                ListeningMode.TYPED), asr, live, fast, 0.5, 5.0, 10.0, 1500, live ? 0.5 : 0.3);
    }
}
