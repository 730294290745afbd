package dev.attend.fusion.workbench;

import dev.attend.training.TrainingJob;

/**
 * Pause and stop for a job that calls {@link #checkpoint} between its steps: a paused job waits there, a stopped one
 * leaves by {@link Stopped}. Every method is safe from any thread.
 */
final class JobControl implements TrainingJob {

    /** Thrown out of a job's step loop when the user stopped it. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("stopped", null, false, false);
        }
    }

    private boolean paused;
    private boolean stopped;
    private volatile boolean done;

    @Override
    public synchronized void pause() {
        paused = true;
    }

    @Override
    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    @Override
    public synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    @Override
    public synchronized boolean isPaused() {
        return paused;
    }

    @Override
    public boolean isDone() {
        return done;
    }

    synchronized boolean stopRequested() {
        return stopped;
    }

    void done() {
        done = true;
    }

    /** Waits while paused; throws {@link Stopped} once stop was asked. */
    synchronized void checkpoint() {
        while (paused && !stopped) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
        if (stopped) {
            throw new Stopped();
        }
    }
}
