package dev.attend.assistant;

import dev.attend.token.Token;
import java.util.List;

/**
 * One command to understand.
 *
 * @param t          media time the command ended (its reply's {@code t})
 * @param mode       what started it
 * @param text       transcript or typed text, or null when there is none (no speech model)
 * @param tokens     the command's audio tokens (empty for typed commands)
 * @param endedNanos {@link System#nanoTime()} when the event that ended the command arrived (for latency)
 */
public record Command(double t, ListeningMode mode, String text, List<Token> tokens, long endedNanos) {

    public Command {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
    }

    public static Command typed(double t, String text) {
        return new Command(t, ListeningMode.TYPED, text, List.of(), System.nanoTime());
    }
}
