package dev.attend.assistant;

import dev.attend.assistant.store.AssistantTimer;
import dev.attend.assistant.store.TimerRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import dev.attend.concurrent.AttendThreads;
import java.util.function.BiConsumer;

/**
 * Sets off running timers when they are due, on one scheduler thread. Timers come from the repository, so ones set
 * before a restart are scheduled again; those that fell due while the app was closed go off at once, as missed.
 */
final class TimerAlarms implements AutoCloseable {


    private final TimerRepository timers;
    private final Clock clock;
    /** (timer, missed) when one is due. */
    private final BiConsumer<AssistantTimer, Boolean> due;
    private final ScheduledExecutorService scheduler;
    private final Map<Long, ScheduledFuture<?>> scheduled = new ConcurrentHashMap<>();

    TimerAlarms(TimerRepository timers, Clock clock, BiConsumer<AssistantTimer, Boolean> due) {
        this.timers = timers;
        this.clock = clock;
        this.due = due;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(AttendThreads.factory("assistant-timers"));
    }

    /** Schedules every running timer; those already due go off now as missed. */
    void start() {
        for (AssistantTimer t : timers.running()) {
            boolean missed = !t.due().isAfter(clock.instant());
            if (missed) {
                scheduler.execute(() -> fire(t, true));
            } else {
                schedule(t);
            }
        }
    }

    /** A timer was created or finished: schedule or unschedule it. */
    void changed(AssistantTimer t) {
        ScheduledFuture<?> old = scheduled.remove(t.id());
        if (old != null) {
            old.cancel(false);
        }
        if (AssistantTimer.RUNNING.equals(t.state()) && timers.running().stream().anyMatch(r -> r.id() == t.id())) {
            schedule(t);
        }
    }

    private void schedule(AssistantTimer t) {
        long ms = Math.max(0, Duration.between(clock.instant(), t.due()).toMillis());
        scheduled.put(t.id(), scheduler.schedule(() -> fire(t, false), ms, TimeUnit.MILLISECONDS));
    }

    private void fire(AssistantTimer t, boolean missed) {
        scheduled.remove(t.id());
        if (timers.finish(t.id(), AssistantTimer.DONE)) {
            due.accept(t, missed);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
