package dev.attend.assistant;

/**
 * Look-to-talk: the fusion model's addressee probability (the user faces the camera and speaks) with hysteresis.
 * It opens a command when the probability rises to {@code on} and re-arms only after it fell below {@code off}, so
 * a flickering score opens one command, not many.
 */
public final class LookToTalk {

    private final double on;
    private final double off;
    private boolean high;

    public LookToTalk(double on, double off) {
        if (!(off < on && off >= 0 && on <= 1)) {
            throw new IllegalArgumentException("look-to-talk thresholds need 0 <= off < on <= 1, got on " + on
                    + ", off " + off);
        }
        this.on = on;
        this.off = off;
    }

    public static LookToTalk defaults() {
        return new LookToTalk(0.7, 0.4);
    }

    /** The next probability; true when it opens a command. */
    public boolean accept(double probability) {
        if (!high && probability >= on) {
            high = true;
            return true;
        }
        if (high && probability < off) {
            high = false;
        }
        return false;
    }
}
