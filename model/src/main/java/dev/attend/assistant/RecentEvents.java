package dev.attend.assistant;

import dev.attend.event.AsrEvents;
import dev.attend.event.AttendEvent;
import dev.attend.event.VadEvent;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Recent VAD and recognizer events, in arrival order: stages run at their own pace, so in a fast session a
 * command's transcript may arrive before the wake event that opened it; on activation they are replayed.
 * Not thread-safe (the stage's lock guards it).
 */
final class RecentEvents {

    private final ArrayDeque<AttendEvent> events = new ArrayDeque<>();
    private final double keepSeconds;

    /** @param keepSeconds events that ended this long before the newest media time are dropped */
    RecentEvents(double keepSeconds) {
        this.keepSeconds = keepSeconds;
    }

    void remember(AttendEvent e, double mediaNow) {
        events.addLast(e);
        while (!events.isEmpty() && end(events.peekFirst()) < mediaNow - keepSeconds) {
            events.removeFirst();
        }
    }

    /** The events that end after media time {@code t}, oldest arrival first. */
    List<AttendEvent> endingAfter(double t) {
        return events.stream().filter(e -> end(e) > t).toList();
    }

    /** Where an event's span ends: a final's last word, a VAD segment's end, else its own time. */
    static double end(AttendEvent e) {
        return e instanceof AsrEvents.Final f ? f.end() : e instanceof VadEvent v && v.end() != null ? v.end() : e.t();
    }
}
