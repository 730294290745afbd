package dev.attend.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PaceClockTest {

    @Test
    void mediaTimeStopsWhilePausedAndGoesOnFromThere() throws Exception {
        PaceClock c = PaceClock.startingNow();
        Thread.sleep(100);
        c.pause();
        double atPause = c.now();
        Thread.sleep(300);
        assertThat(c.now()).isEqualTo(atPause); // frozen
        c.resume();
        Thread.sleep(100);
        // 0.1 s before the pause + 0.1 s after it; the 0.3 s paused do not count
        assertThat(c.now()).isCloseTo(0.2, within(0.08));
    }

    @Test
    void aClockStartedAtAnOffsetHasThatMediaTimeDueAtOnce() throws Exception {
        PaceClock c = PaceClock.startingAt(30);
        assertThat(c.now()).isCloseTo(30, within(0.1));
        long t0 = System.nanoTime();
        c.awaitDue(30.05); // not 30 s: the file was opened 30 s in
        assertThat((System.nanoTime() - t0) / 1e9).isLessThan(2.0);
    }

    @Test
    void awaitDueWaitsOutThePause() throws Exception {
        PaceClock c = PaceClock.startingNow();
        c.pause();
        Thread resumer = new Thread(() -> {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                return;
            }
            c.resume();
        });
        long t0 = System.nanoTime();
        resumer.start();
        c.awaitDue(0.2); // 0.4 s paused + 0.2 s of media
        double waited = (System.nanoTime() - t0) / 1e9;
        resumer.join();
        assertThat(waited).isGreaterThanOrEqualTo(0.58).isLessThan(1.5);
    }

    @Test
    void anInterruptEndsTheWait() {
        PaceClock c = PaceClock.startingNow();
        c.pause();
        Thread.currentThread().interrupt();
        org.assertj.core.api.Assertions.assertThatThrownBy(c::awaitRunning)
                .isInstanceOf(InterruptedException.class);
    }
}
