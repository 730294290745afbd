package dev.attend.assistant;

/** The command being listened to: what opened it and when, and what has been heard of it so far. */
final class OpenCommand {

    /** What opened it; null while no command is open. */
    ListeningMode mode;
    /** Media time it opened. */
    double activation = Double.NaN;
    /** Speech was detected after activation. */
    boolean speech;
    /** The recognizer wrote something after activation (a partial or final), even if no word survived. */
    boolean heard;
    /** Where the VAD said the speech ended (NaN before), and when that event arrived. */
    double vadEnd = Double.NaN;
    long vadEndNanos;
    /** Wall-clock deadline for the transcript after the VAD's end (0 = none pending). */
    long graceDeadline;

    void open(ListeningMode m, double t) {
        mode = m;
        activation = t;
        speech = false;
        heard = false;
        vadEnd = Double.NaN;
        graceDeadline = 0;
    }
}
