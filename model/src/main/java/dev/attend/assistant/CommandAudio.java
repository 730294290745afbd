package dev.attend.assistant;

import dev.attend.token.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The session's audio tokens of the last {@link #HISTORY_SECONDS} seconds, and the ones a command hands to the
 * audio intent head. Tokens arrive on the token bus's thread, so this has its own lock.
 */
final class CommandAudio {

    static final double HISTORY_SECONDS = 30;
    /** Tokens this long after the VAD's end still belong to the command (the end of its last word). */
    static final double TAIL_SECONDS = 0.1;
    private final ArrayDeque<Token> tokens = new ArrayDeque<>();

    synchronized void add(Token t) {
        tokens.addLast(t);
        while (!tokens.isEmpty() && tokens.peekFirst().t() < t.t() - HISTORY_SECONDS) {
            tokens.removeFirst();
        }
    }

    /** The tokens of a command opened at media time {@code start} and ended at {@code end}, oldest first. */
    synchronized List<Token> command(double start, double end) {
        List<Token> out = new ArrayList<>();
        for (Token t : tokens) {
            if (t.t() >= start && t.t() <= end + TAIL_SECONDS) {
                out.add(t);
            }
        }
        return out;
    }
}
