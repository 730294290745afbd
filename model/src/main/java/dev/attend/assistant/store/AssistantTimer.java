package dev.attend.assistant.store;

import java.time.Duration;
import java.time.Instant;

/**
 * A timer. {@code state}: {@code running}, {@code done} (it went off) or {@code cancelled}.
 *
 * @param id      assigned by the repository (1, 2, …)
 * @param name    what the user called it, or a name made from its length ("5 minute")
 */
public record AssistantTimer(long id, String name, Duration length, Instant created, Instant due, String state) {

    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String CANCELLED = "cancelled";

    public Duration remaining(Instant now) {
        Duration d = Duration.between(now, due);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
