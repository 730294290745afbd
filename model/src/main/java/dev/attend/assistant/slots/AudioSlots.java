package dev.attend.assistant.slots;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Slots from the audio head's slot opinions, for a command with no transcript: the sub-action ({@code action}) and
 * a timer's length ({@code duration}, whole seconds). A slot the head is not sure of stays null, so the skill asks
 * again ("how long?") instead of guessing; text slots (note text, search query, timer name) cannot come from sound.
 * Pure logic.
 */
public final class AudioSlots {

    /** The head's top action must be this sure (see performance.md, "Assistant", session 5). */
    public static final double ACTION_CONFIDENCE = 0.8;
    /** The head's top duration must be this sure: a wrong timer is worse than asking again. */
    public static final double DURATION_CONFIDENCE = 0.8;
    private static final Map<String, Set<String>> ACTIONS = Map.of(
            "timer", Set.of("set", "list", "cancel"),
            "note", Set.of("create", "last", "today"));

    private AudioSlots() {
    }

    /**
     * @param intent the intent understood
     * @param heads  slot name → value → probability, as {@code AudioIntentModel.slotProbabilities} gives them
     */
    public static Slots read(String intent, Map<String, Map<String, Double>> heads) {
        Set<String> actions = ACTIONS.get(intent);
        if (actions == null) {
            return Slots.none();
        }
        String action = top(heads.get("action"), ACTION_CONFIDENCE);
        if (action != null && !actions.contains(action)) {
            action = null; // an action of another skill: the head is confused
        }
        Duration d = null;
        if ("timer".equals(intent) && "set".equals(action)) {
            String s = top(heads.get("duration"), DURATION_CONFIDENCE);
            d = s == null ? null : seconds(s);
        }
        return new Slots(action, d, null, null, null, null);
    }

    /** The most probable value if it reaches {@code min}, else null. */
    static String top(Map<String, Double> head, double min) {
        if (head == null || head.isEmpty()) {
            return null;
        }
        Map.Entry<String, Double> best = head.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return best.getValue() >= min ? best.getKey() : null;
    }

    private static Duration seconds(String s) {
        try {
            long v = Long.parseLong(s.strip());
            return v > 0 ? Duration.ofSeconds(v) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
