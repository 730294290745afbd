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
}
