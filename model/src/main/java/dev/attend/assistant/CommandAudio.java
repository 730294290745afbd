package dev.attend.assistant;

import dev.attend.token.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The session's audio tokens of the last {@link #HISTORY_SECONDS} seconds, and the ones a command hands to the
 * audio intent head. Tokens arrive on the token bus's thread, so this has its own lock.
 */
public final class CommandAudio {

    static final double HISTORY_SECONDS = 30;
    /**
     * A command's tokens run this long past the end of its speech. The fusion model was trained on windows that go on
     * after the last word (at least 0.1 s, most often about a second), and each token sums up the 0.76 s before it:
     * cut at the speech's end, the last word (often the one that tells "time" from "timer") is seen by one or two
     * tokens only. 0.4 s was chosen on the calibration set (the fusion generator's phrases in a training voice), where
     * the head's top choice was right more often and surer than with 0.1 s; see performance.md ("Assistant").
     */
    public static final double TAIL_SECONDS = 0.4;
    private final ArrayDeque<Token> tokens = new ArrayDeque<>();

    synchronized void add(Token t) {
        tokens.addLast(t);
        while (!tokens.isEmpty() && tokens.peekFirst().t() < t.t() - HISTORY_SECONDS) {
            tokens.removeFirst();
        }
        notifyAll();
    }

    /**
     * The tokens of a command opened at media time {@code start} whose speech ended at {@code end}, oldest first:
     * waits up to {@code waitMillis} for the tail after the end to arrive (the VAD reports the end ~0.1 s after it).
     */
    synchronized List<Token> command(double start, double end, long waitMillis) {
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        while (newest() < end + TAIL_SECONDS - 1e-6) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                break;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return between(tokens, start, end);
    }

    /** Of {@code all}, the tokens from {@code start} to {@link #TAIL_SECONDS} after {@code end}. */
    public static List<Token> between(Iterable<Token> all, double start, double end) {
        List<Token> out = new ArrayList<>();
        for (Token t : all) {
            if (t.t() >= start && t.t() <= end + TAIL_SECONDS + 1e-6) {
                out.add(t);
            }
        }
        return out;
    }

    private double newest() {
        return tokens.isEmpty() ? Double.NEGATIVE_INFINITY : tokens.peekLast().t();
    }
}
