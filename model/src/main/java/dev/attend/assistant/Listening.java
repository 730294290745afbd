package dev.attend.assistant;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What may open a command: the listening modes switched on (typed and push-to-talk always are), the wake-word
 * models that count, and look-to-talk's threshold with hysteresis. Not thread-safe (the stage's lock guards it).
 */
final class Listening {

    private final Set<ListeningMode> modes = EnumSet.of(ListeningMode.TYPED, ListeningMode.PUSH_TO_TALK);
    private Set<String> wakeWords;
    private LookToTalk lookToTalk = LookToTalk.defaults();

    Listening(TapOptions options) {
        modes.addAll(options.modes());
        wakeWords = Set.copyOf(options.wakeWords());
    }

    /** A wake event of {@code model} opens a command. */
    boolean wakes(String model) {
        return modes.contains(ListeningMode.WAKE_WORD) && wakeWords.contains(model);
    }

    /** The addressee probability opens a command (it rose through the threshold while look-to-talk is on). */
    boolean looks(double probability) {
        return lookToTalk.accept(probability) && modes.contains(ListeningMode.LOOK_TO_TALK);
    }

    void wakeWords(Set<String> names) {
        wakeWords = Set.copyOf(names);
    }

    void lookToTalk(double threshold, double hysteresis) {
        lookToTalk = new LookToTalk(threshold, Math.max(0, threshold - hysteresis));
    }

    Set<ListeningMode> modes() {
        return Set.copyOf(modes);
    }

    /** Switches a mode on or off; typed commands and push-to-talk stay on. */
    void mode(ListeningMode mode, boolean on) {
        if (on) {
            modes.add(mode);
        } else if (mode != ListeningMode.TYPED && mode != ListeningMode.PUSH_TO_TALK) {
            modes.remove(mode);
        }
    }

    /** The modes switched on, as event ids. */
    List<String> ids() {
        return modes.stream().map(ListeningMode::id).toList();
    }
}
