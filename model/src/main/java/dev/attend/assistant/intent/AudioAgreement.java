package dev.attend.assistant.intent;

import dev.attend.token.Token;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audio head's opinion from two views of one command, kept only where they agree: the whole command (with its
 * tail after the speech, which the live path pads with the silence token) and the command cut just after the
 * speech (real tokens only). Each intent gets the lower of its two
 * probabilities, so acting on audio alone needs both views to be sure of the same intent; a non-command that fools
 * one view seldom fools the other. Chosen as a rule, not fitted to any sentence set.
 */
public final class AudioAgreement {

    /** The second view ends this long after the speech (where the VAD reports the end). */
    public static final double CUT_SECONDS = 0.1;

    private AudioAgreement() {
    }

    /** @param speechEnd media time the command's speech ended */
    public static Map<String, Double> probabilities(AudioIntentModel model, List<Token> command, double speechEnd) {
        Map<String, Double> whole = model.intentProbabilities(command);
        List<Token> cut = command.stream().filter(t -> t.t() <= speechEnd + CUT_SECONDS + 1e-6).toList();
        if (cut.isEmpty() || cut.size() == command.size() || whole.isEmpty()) {
            return whole;
        }
        Map<String, Double> other = model.intentProbabilities(cut);
        Map<String, Double> out = new LinkedHashMap<>();
        whole.forEach((k, v) -> out.put(k, Math.min(v, other.getOrDefault(k, 0.0))));
        return out;
    }
}
