package dev.attend.assistant.intent;

import dev.attend.token.Token;
import java.util.List;
import java.util.Map;

/**
 * Intent from the command's sound alone (no transcript needed): the fusion model's intent head implements this.
 * Names are those of {@link Intents}; an implementation may leave intents out (they count as 0).
 */
@FunctionalInterface
public interface AudioIntentModel {

    /**
     * @param command the command's audio tokens from the token bus, oldest first (one per 80 ms, activation to end)
     * @return probability per intent name, summing to about 1
     */
    Map<String, Double> intentProbabilities(List<Token> command);

    /**
     * What the command's sound says besides its intent, one distribution per slot head, so a command such as "set a
     * timer for five minutes" can be carried out with no transcript at all:
     * <ul>
     *   <li>{@code "action"}: the skill's sub-action, keys as in {@link dev.attend.assistant.slots.Slots#action()}
     *       (timers {@code set}/{@code list}/{@code cancel}, notes {@code create}/{@code last}/{@code today})</li>
     *   <li>{@code "duration"}: a timer's length, keys are whole seconds in decimal ({@code "300"})</li>
     * </ul>
     * Each distribution sums to about 1. A model without slot heads returns an empty map (the default).
     *
     * @param command the same tokens as {@link #intentProbabilities(List)}
     */
    default Map<String, Map<String, Double>> slotProbabilities(List<Token> command) {
        return Map.of();
    }

    /**
     * The audio token of silence (the speech embedding of digital silence, as the model pads with), or null when the
     * model has none. With it, the assistant fills a command's tail after the end of speech — which is silence — with
     * this token at VAD end instead of waiting for the real tail to stream in; without it, it waits for the tail.
     */
    default float[] silenceToken() {
        return null;
    }
}
