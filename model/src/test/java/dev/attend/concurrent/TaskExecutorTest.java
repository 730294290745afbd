package dev.attend.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TaskExecutorTest {

    @Test
    void threadsAreNamedByOwnerAndCountedFromOne() throws Exception {
        String owner = "naming-test-" + System.nanoTime();
        Thread a = AttendThreads.newThread(owner, () -> { });
        Thread b = AttendThreads.newThread(owner, () -> { });
        assertThat(a.getName()).isEqualTo("attend-" + owner + "-1");
        assertThat(b.getName()).isEqualTo("attend-" + owner + "-2");
        assertThat(a.isDaemon()).isTrue();
        assertThatThrownBy(() -> AttendThreads.newThread("attend-x", () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void currentThreadExecutorRunsNowAndTimersOnlyWhenTheManualClockAdvances() throws Exception {
        CurrentThreadTaskExecutor ex = new CurrentThreadTaskExecutor();
        List<String> log = new ArrayList<>();
        assertThat(ex.submit(() -> Thread.currentThread().getName()).get())
                .isEqualTo(Thread.currentThread().getName());
        ex.schedule(() -> log.add("once@300"), Duration.ofMillis(300));
        TaskExecutor.Scheduled tick = ex.scheduleWithFixedDelay(() -> log.add("tick"), Duration.ofMillis(100),
                Duration.ofMillis(100));
        assertThat(log).isEmpty();
        ex.advance(Duration.ofMillis(250));
        assertThat(log).containsExactly("tick", "tick");
        ex.advance(Duration.ofMillis(100));
        assertThat(log).containsExactly("tick", "tick", "once@300", "tick"); // same time: first scheduled first
        tick.cancel();
        ex.advance(Duration.ofSeconds(1));
        assertThat(log).hasSize(4);
        assertThat(tick.isCancelled()).isTrue();
        ex.shutdown();
        assertThatThrownBy(() -> ex.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void poolRunsOnNamedThreadsAndShutdownLeavesNone() throws Exception {
        String owner = "pool-test-" + System.nanoTime();
        ThreadPoolTaskExecutor ex = new ThreadPoolTaskExecutor(owner, 2);
        List<String> names = new CopyOnWriteArrayList<>();
        CountDownLatch ticks = new CountDownLatch(3);
        ex.submit(() -> names.add(Thread.currentThread().getName())).get(10, TimeUnit.SECONDS);
        TaskExecutor.Scheduled s = ex.scheduleWithFixedDelay(() -> {
            ticks.countDown();
            throw new IllegalStateException("a failing periodic task keeps its schedule");
        }, Duration.ZERO, Duration.ofMillis(10));
        assertThat(ticks.await(10, TimeUnit.SECONDS)).isTrue();
        s.cancel();
        assertThat(names).singleElement().asString().startsWith("attend-" + owner + "-");
        ex.shutdown();
        assertThat(ex.isShutdown()).isTrue();
        // a pool's worker leaves the executor's books a moment before its thread ends: give each one a moment
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("attend-" + owner)) {
                t.join(5000);
            }
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive()
                && t.getName().startsWith("attend-" + owner));
    }
}
