package dev.attend.event;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Speech began or ended. {@code event} = {@code start}: {@code t} = {@code start}, {@code end} is null;
 * {@code event} = {@code end}: {@code t} = {@code end}, both set. {@code probability}: mean speech probability of the
 * segment's speech windows so far.
 */
@JsonTypeName("vad")
public record VadEvent(double t, String event, double start, Double end, double probability) implements AttendEvent {

    public static VadEvent start(double start, double probability) {
        return new VadEvent(start, "start", start, null, probability);
    }

    public static VadEvent end(double start, double end, double probability) {
        return new VadEvent(end, "end", start, end, probability);
    }
}
