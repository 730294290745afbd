package dev.attend.assistant.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Where timers are kept. Implementations are thread-safe; swapping the storage needs only another implementation. */
public interface TimerRepository {

    AssistantTimer create(String name, Duration length, Instant now);

    /** Running timers, soonest first. */
    List<AssistantTimer> running();

    /** Marks a timer {@code done} or {@code cancelled}; false when it was not running. */
    boolean finish(long id, String state);
}
