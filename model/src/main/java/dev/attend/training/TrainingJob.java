package dev.attend.training;

/** Control of a running job; every method returns at once and is safe from any thread. */
public interface TrainingJob {

    /** Holds the job before its next step (a step in progress finishes). */
    void pause();

    void resume();

    /** Ends the job after the current step; the listener gets {@code finished} with {@code stopped}. */
    void stop();

    boolean isPaused();

    boolean isDone();
}
