package dev.attend.ui.session;

import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.ui.bridge.EventBridge;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

/**
 * Where a file session is: its duration (from the sources in {@code session.start}), the newest media time of its
 * events, and — when it runs as fast as possible — the share done and the time left at the rate so far. Events
 * only note the time; {@link #refresh} (once per UI pulse) moves the properties, so a burst of events costs nothing.
 */
public final class MediaProgress {

    /** Seconds of wall time before the ETA is shown (the first second's rate says little). */
    static final double ETA_AFTER = 1.0;

    private final LongSupplier nanos;
    private final ReadOnlyDoubleWrapper duration = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyDoubleWrapper position = new ReadOnlyDoubleWrapper();
    private final ReadOnlyDoubleWrapper eta = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyBooleanWrapper fast = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper();
    private double newest;
    private double firstT = Double.NaN;
    private long firstNanos;
    private boolean ended;
    private double seekedTo;

    public MediaProgress() {
        this(System::nanoTime);
    }

    /** For tests: the wall clock the ETA is measured with. */
    public MediaProgress(LongSupplier nanos) {
        this.nanos = nanos;
    }

    public void subscribe(EventBridge bridge) {
        bridge.subscribe(CoreEvents.SessionStart.class, this::onStart);
        bridge.subscribe(AttendEvent.class, this::onEvent);
    }

    void onStart(CoreEvents.SessionStart e) {
        double d = duration(e.sources());
        duration.set(d);
        active.set(d > 0);
        fast.set("fast".equals(e.pacing()));
        newest = seekedTo; // the bar stays where it was dragged until the new session's first events
        seekedTo = 0;
        firstT = Double.NaN;
        ended = false;
        eta.set(Double.NaN);
    }

    void onEvent(AttendEvent e) {
        if (e instanceof CoreEvents.SessionEnd) {
            ended = true;
            return;
        }
        if (e instanceof CoreEvents.Stats || e instanceof CoreEvents.SessionStart || !(e.t() > 0)) {
            return;
        }
        if (Double.isNaN(firstT)) {
            firstT = e.t(); // after a seek the first media time is where the file was opened
            firstNanos = nanos.getAsLong();
        }
        newest = Math.max(newest, e.t());
    }

    /** Moves the properties to what the events said since the last pulse. */
    public void refresh() {
        double d = duration.get();
        double p = ended && d > 0 ? d : (d > 0 ? Math.min(newest, d) : newest);
        if (p != position.get()) {
            position.set(p);
        }
        eta.set(ended ? 0 : eta(p, d));
    }

    private double eta(double p, double d) {
        if (!fast.get() || !(d > 0) || Double.isNaN(firstT)) {
            return Double.NaN;
        }
        double wall = (nanos.getAsLong() - firstNanos) / 1e9;
        double done = p - firstT;
        if (wall < ETA_AFTER || done <= 0) {
            return Double.NaN;
        }
        return Math.max(0, d - p) * wall / done;
    }

    /** A seek moves the position at once (the new session's events follow). */
    public void seekTo(double t) {
        newest = t;
        seekedTo = t;
        firstT = Double.NaN;
        position.set(t);
    }

    /** Longest of the file sources' lengths; NaN for live devices, replays and unknown lengths. */
    static double duration(List<Map<String, Object>> sources) {
        double d = Double.NaN;
        for (Map<String, Object> s : sources) {
            if (s.get("seconds") instanceof Number n && n.doubleValue() > 0) {
                d = Double.isNaN(d) ? n.doubleValue() : Math.max(d, n.doubleValue());
            }
        }
        return d;
    }

    /** "m:ss" (or "h:mm:ss"); "–:––" when unknown. */
    public static String clock(double seconds) {
        if (!(seconds >= 0)) {
            return "–:––";
        }
        long s = (long) Math.floor(seconds + 1e-6);
        return s >= 3600 ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(java.util.Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Duration of the file in seconds; NaN when the session has no file of known length. */
    public ReadOnlyDoubleProperty durationProperty() {
        return duration.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    /** Seconds left while transcribing as fast as possible (NaN while not known). */
    public ReadOnlyDoubleProperty etaProperty() {
        return eta.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty fastProperty() {
        return fast.getReadOnlyProperty();
    }

    /** True while the last session was a file of known length: the bar shows. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }
}
