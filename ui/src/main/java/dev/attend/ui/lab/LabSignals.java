package dev.attend.ui.lab;

import dev.attend.event.AttentionEvent;
import dev.attend.event.CoreEvents;
import dev.attend.event.FaceEvent;
import dev.attend.event.FusionEvent;
import dev.attend.ui.bridge.EventBridge;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The lab's signals over media time, from typed events: the audio envelope ({@code level} peaks), the main face's
 * mouth motion ({@code face}), and the fusion heads ({@code fusion}: sync per face track, addressee, each intent's
 * probability). Also counts fusion passes (one {@code attention} group per fusion step) and their rate on the wall
 * clock, for the "passes per second" the lab shows.
 */
public final class LabSignals {

    /** Seconds of history kept. */
    public static final double SPAN = 12;
    /** The addressee head's shipped decision threshold (docs/fusion.md). */
    public static final double ADDRESSEE_THRESHOLD = 0.5;

    private final TimeSeries envelope = new TimeSeries(SPAN);
    private final TimeSeries mouth = new TimeSeries(SPAN);
    private final TimeSeries addressee = new TimeSeries(SPAN);
    private final Map<Integer, TimeSeries> syncByTrack = new LinkedHashMap<>();
    private final Map<String, TimeSeries> intents = new LinkedHashMap<>();
    private final ArrayDeque<Long> passTimes = new ArrayDeque<>();
    private final LongSupplier clock;
    private long lastPass = Long.MIN_VALUE;
    private long passes;
    private long version;

    public LabSignals() {
        this(System::nanoTime);
    }

    /** For tests: the wall clock in nanoseconds. */
    public LabSignals(LongSupplier clock) {
        this.clock = clock;
    }

    public void subscribe(EventBridge bridge) {
        bridge.subscribe(CoreEvents.SessionStart.class, e -> clear());
        bridge.subscribe(CoreEvents.Level.class, e -> {
            // the level window ends at t; its middle is where the sound was
            envelope.add(e.t() - e.window() / 2, Math.pow(10, e.peakDbfs() / 20));
            version++;
        });
        bridge.subscribe(FaceEvent.class, this::onFace);
        bridge.subscribe(FusionEvent.class, this::onFusion);
        bridge.subscribe(AttentionEvent.class, e -> {
            if ("fusion".equals(e.source()) && e.utterance() != lastPass) {
                lastPass = e.utterance();
                countPass();
            }
        });
    }

    private void onFace(FaceEvent e) {
        FaceEvent.Face main = null;
        for (FaceEvent.Face f : e.faces()) {
            if (main == null || area(f) > area(main)) {
                main = f;
            }
        }
        mouth.add(e.t(), main == null ? 0 : main.mouthMotion());
        version++;
    }

    private static double area(FaceEvent.Face f) {
        return f.box() == null || f.box().length < 4 ? 0 : f.box()[2] * f.box()[3];
    }

    void onFusion(FusionEvent e) {
        syncByTrack.computeIfAbsent(e.track(), k -> new TimeSeries(SPAN)).add(e.t(), e.sync());
        addressee.add(e.t(), e.addressee());
        e.intents().forEach((k, v) -> intents.computeIfAbsent(k, x -> new TimeSeries(SPAN)).add(e.t(), v));
        // tracks last seen long ago leave the plot
        syncByTrack.values().removeIf(s -> s.lastTime() < e.t() - SPAN);
        version++;
    }

    private void countPass() {
        long now = clock.getAsLong();
        passes++;
        passTimes.addLast(now);
        while (!passTimes.isEmpty() && passTimes.peekFirst() < now - 2_000_000_000L) {
            passTimes.removeFirst();
        }
        version++;
    }

    /** Fusion passes per second of wall time over the last 2 s (0 before two passes). */
    public double passesPerSecond() {
        if (passTimes.size() < 2) {
            return 0;
        }
        long now = clock.getAsLong();
        if (now - passTimes.peekLast() > 2_000_000_000L) {
            return 0;
        }
        return (passTimes.size() - 1) / ((passTimes.peekLast() - passTimes.peekFirst()) / 1e9);
    }

    /** Fusion passes received in this session. */
    public long passes() {
        return passes;
    }

    public void clear() {
        envelope.clear();
        mouth.clear();
        addressee.clear();
        syncByTrack.clear();
        intents.clear();
        passTimes.clear();
        lastPass = Long.MIN_VALUE;
        passes = 0;
        version++;
    }

    /** Peak amplitude (0…1) of the audio, per level window. */
    public TimeSeries envelope() {
        return envelope;
    }

    /** The largest face's mouth motion per frame (0 without a face). */
    public TimeSeries mouth() {
        return mouth;
    }

    public TimeSeries addressee() {
        return addressee;
    }

    /** Sync probability per face track (0 = no face). */
    public Map<Integer, TimeSeries> syncByTrack() {
        return syncByTrack;
    }

    /** Each intent's probability, in the head's order. */
    public Map<String, TimeSeries> intents() {
        return intents;
    }

    /** Newest media time of any fusion head output (NaN before one). */
    public double headsTime() {
        return addressee.lastTime();
    }

    public List<String> intentNames() {
        return List.copyOf(intents.keySet());
    }

    /** Changes whenever a plot would change. */
    public long version() {
        return version;
    }
}
