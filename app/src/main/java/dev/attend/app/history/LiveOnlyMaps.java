package dev.attend.app.history;

import dev.attend.event.AttendEvent;
import dev.attend.event.AttentionEvent;
import dev.attend.event.EventSink;
import dev.attend.fusion.model.FusionModel;

/**
 * In front of a GUI session's history recorder: the fusion transformer's maps, which the app asks for only so the
 * lab can show them live (every map at every 80-ms step: ~10 MB of JSON per media second), go straight to the
 * window; every other event is recorded as before. Encoding them for the history cost the fusion stage ~70 % of
 * its CPU and made the GUI session fall seconds behind real time (docs/performance.md, Fusion lab, session 5).
 * MiniLM's maps (a few per utterance) are still recorded. The CLI records what it was asked to export.
 */
public final class LiveOnlyMaps implements EventSink {

    private final EventSink recorder;
    private final EventSink window;

    /** Events go to {@code recorder} (which hands them on to {@code window}), the fusion maps to {@code window}. */
    public LiveOnlyMaps(EventSink recorder, EventSink window) {
        this.recorder = recorder;
        this.window = window;
    }

    /** True for the events the history does not keep: the fusion transformer's attention maps. */
    public static boolean liveOnly(AttendEvent e) {
        return e instanceof AttentionEvent a && FusionModel.NAME.equals(a.source());
    }

    @Override
    public void emit(AttendEvent event) {
        (liveOnly(event) ? window : recorder).emit(event);
    }
}
