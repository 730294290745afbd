package dev.attend.assistant;

import dev.attend.assistant.intent.AudioAgreement;
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
    /**
     * Real tokens are taken up to this long after the end of speech: the VAD reports the end about this late, so
     * they exist when it does. The rest of the tail is padded with the silence token (see {@link #padded}).
     */
    public static final double REAL_SECONDS = AudioAgreement.CUT_SECONDS;
    private static final double TOKEN_SECONDS = 0.08;
    private static final long WAIT_SLACK_MS = 300; // beyond the tokens' own time, for pipeline lag
    private final ArrayDeque<Token> tokens = new ArrayDeque<>();

    synchronized void add(Token t) {
        tokens.addLast(t);
        while (!tokens.isEmpty() && tokens.peekFirst().t() < t.t() - HISTORY_SECONDS) {
            tokens.removeFirst();
        }
        notifyAll();
    }

    /**
     * The tokens of a command opened at media time {@code start} whose speech ended at {@code end}, oldest first.
     * With a {@code silence} token: the real tokens up to {@link #REAL_SECONDS} after the end (waiting at most
     * {@code waitMillis} for them), then the silence token up to {@link #TAIL_SECONDS} after it, so nothing waits
     * for the tail to stream in. Without one (null): the real tokens up to {@link #TAIL_SECONDS}, waiting for them.
     */
    synchronized List<Token> command(double start, double end, long waitMillis, float[] silence) {
        double until = end + (silence == null ? TAIL_SECONDS : REAL_SECONDS);
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        // tokens come every 80 ms: once the next one would fall past `until`, every one before it is here
        while (newest() + TOKEN_SECONDS <= until + 1e-6) {
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
        return silence == null ? between(tokens, start, end) : padded(between(tokens, start, end), end, silence);
    }

    /** How long a live command waits for its tokens: those up to the padding with a silence token, else the tail. */
    static long liveWait(float[] silence) {
        return WAIT_SLACK_MS + Math.round((silence == null ? TAIL_SECONDS : REAL_SECONDS) * 1000);
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

    /**
     * A command's tokens as the audio head is given them at the end of speech: those of {@code real} up to
     * {@link #REAL_SECONDS} after {@code end}, then {@code silence} every 80 ms up to {@link #TAIL_SECONDS} after
     * it. The bench builds its commands with this too, so it measures what the live path decides on.
     */
    public static List<Token> padded(List<Token> real, double end, float[] silence) {
        List<Token> out = new ArrayList<>();
        for (Token t : real) {
            if (t.t() <= end + REAL_SECONDS + 1e-6) {
                out.add(t);
            }
        }
        if (out.isEmpty()) {
            return out;
        }
        Token last = out.get(out.size() - 1);
        for (int k = 1; last.t() + k * TOKEN_SECONDS <= end + TAIL_SECONDS + 1e-6; k++) {
            out.add(Token.audio(last.index() + k, last.t() + k * TOKEN_SECONDS, silence.clone()));
        }
        return out;
    }

    private double newest() {
        return tokens.isEmpty() ? Double.NEGATIVE_INFINITY : tokens.peekLast().t();
    }
}
