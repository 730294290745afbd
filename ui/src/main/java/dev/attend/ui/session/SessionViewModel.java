package dev.attend.ui.session;

import dev.attend.event.CoreEvents;
import dev.attend.event.EventSink;
import dev.attend.media.AudioChunk;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Stage;
import dev.attend.ui.bridge.EventBridge;
import dev.attend.ui.bridge.UiTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Start / pause / stop. A session is a pipeline started through {@link SessionLauncher} or a replayed events
 * file. Pause stops a file's media time and freezes every view at once by holding events in the bridge; resume
 * goes on where it was. Stop answers at once ({@link State#STOPPING}) and is idle within {@link #STOP_GRACE_MS}
 * even if a slow stage is still finishing in the background.
 */
public final class SessionViewModel {

    /** Session states the controls show. */
    public enum State { IDLE, STARTING, RUNNING, PAUSED, STOPPING }

    /** Longest time Stop shows "stopping…" before the controls are free again. */
    public static final long STOP_GRACE_MS = 1000;

    /** The preview stages a new session runs (fresh instances each time). */
    public record Previews(List<Stage<AudioChunk>> audio, List<Stage<VideoFrame>> video) {
    }

    private final SessionLauncher launcher;
    private final EventBridge bridge;
    private final UiTasks tasks;
    private final Supplier<Previews> previews;
    private final Runnable onNewSession;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ObjectProperty<SessionRequest.Source> source = new SimpleObjectProperty<>(SessionRequest.Source.DEMO);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper endReason = new ReadOnlyStringWrapper("");
    private RunningSession running;
    /** The request of the last pipeline session (null after a replay): what a seek restarts. */
    private SessionRequest lastRequest;
    private final ReadOnlyBooleanWrapper seekable = new ReadOnlyBooleanWrapper();
    /** Renumbers the utterances of a seek's session after the earlier ones. */
    private UtteranceShift ids = UtteranceShift.none();
    private java.util.function.DoubleConsumer onSeek = t -> { };
    private final SessionGate gate = new SessionGate();

    public SessionViewModel(SessionLauncher launcher, EventBridge bridge, UiTasks tasks, Supplier<Previews> previews,
                            Runnable onNewSession) {
        this.launcher = launcher;
        this.bridge = bridge;
        this.tasks = tasks;
        this.previews = previews;
        this.onNewSession = onNewSession;
    }

    /** Starts a pipeline session for a request built by the caller from the current settings. */
    public void start(SessionRequest request) {
        if (state.get() != State.IDLE) {
            return;
        }
        closeRunning();
        beginNew();
        ids = UtteranceShift.none();
        launch(request, false);
    }

    /** Runs {@code request} as the current generation's session; {@code paused}: it starts paused (a seek). */
    private void launch(SessionRequest request, boolean paused) {
        lastRequest = request;
        seekable.set(request.seekable());
        state.set(State.STARTING);
        Previews p = previews.get();
        int gen = gate.generation();
        UtteranceShift shift = ids;
        EventSink sink = gate.guard(e -> bridge.emit(shift.apply(e)));
        tasks.run(() -> {
            RunningSession s = launcher.start(request, sink, p.audio(), p.video());
            if (paused) {
                s.setPaused(true); // at once, on this thread: the file does not run on while the UI catches up
            }
            return s;
        }, s -> {
            if (!gate.isCurrent(gen) || state.get() != State.STARTING) {
                // stopped (or replaced) while its models were loading: end it instead of showing it
                closeInBackground(s, e -> error.set(message(e)));
                return;
            }
            running = s;
            state.set(paused ? State.PAUSED : State.RUNNING);
        }, e -> {
            if (gate.isCurrent(gen)) {
                state.set(State.IDLE);
                endReason.set("failed");
                error.set(message(e));
            }
        });
    }

    /** Replays a recorded events file (paced by media time, or as fast as possible). */
    public void replay(Path events, boolean paced) {
        if (state.get() != State.IDLE) {
            stop();
        }
        closeRunning();
        beginNew();
        lastRequest = null;
        seekable.set(false);
        try {
            running = EventsReplay.startEvents(events, paced, gate.guard(bridge::emit));
            state.set(State.RUNNING);
        } catch (IllegalArgumentException e) {
            endReason.set("failed");
            error.set(e.getMessage());
        }
    }

    private void beginNew() {
        gate.open();
        error.set("");
        endReason.set("");
        bridge.clear();
        bridge.setPaused(false);
        onNewSession.run();
    }

    /** Pause ↔ resume (Space): a file's media time stops; the views freeze. */
    public void togglePause() {
        State st = state.get();
        if (st != State.RUNNING && st != State.PAUSED) {
            return;
        }
        boolean pause = st == State.RUNNING;
        RunningSession s = running;
        if (s != null) {
            s.setPaused(pause);
        }
        bridge.setPaused(pause);
        state.set(pause ? State.PAUSED : State.RUNNING);
    }

    /**
     * Seek in a file session (running, paused or ended): the file restarts at {@code seconds} as a new session of
     * the same request. The views keep what they show ({@link #setOnSeek}: the transcript keeps its rows; the new
     * session's utterances are numbered after them), and a paused session stays paused at the new position.
     * Nothing for devices and replays.
     */
    public void seek(double seconds) {
        SessionRequest r = lastRequest;
        State st = state.get();
        if (r == null || !r.seekable() || st == State.STARTING || st == State.STOPPING) {
            return;
        }
        boolean paused = st == State.PAUSED;
        double at = Math.max(0, seconds);
        closeRunning();
        gate.open(); // the old session's late events are dropped from here on
        error.set("");
        endReason.set("");
        bridge.clear();
        bridge.setPaused(paused);
        onSeek.accept(at);
        ids = ids.following();
        launch(r.startingAt(at), paused);
    }

    /** What a seek to a media time tells the views (instead of the new session's reset). */
    public void setOnSeek(java.util.function.DoubleConsumer onSeek) {
        this.onSeek = onSeek;
    }

    /** True when the last session was a file: the progress bar can seek. */
    public ReadOnlyBooleanProperty seekableProperty() {
        return seekable.getReadOnlyProperty();
    }

    /** Stop: "stopping…" at once; idle on the session's end or after {@link #STOP_GRACE_MS}, whichever is first. */
    public void stop() {
        State st = state.get();
        if (st == State.IDLE || st == State.STOPPING) {
            return;
        }
        bridge.setPaused(false);
        gate.stopRequested();
        RunningSession s = running;
        if (st == State.STARTING || s == null) {
            gate.invalidate(); // the start in flight closes what it gets
            state.set(State.IDLE);
            endReason.set("stopped");
            return;
        }
        state.set(State.STOPPING);
        int gen = gate.generation();
        tasks.run(() -> {
            s.setPaused(false);
            s.stop();
            return s;
        }, x -> { }, e -> error.set(message(e)));
        tasks.later(STOP_GRACE_MS, () -> {
            if (gate.isCurrent(gen) && state.get() == State.STOPPING) {
                state.set(State.IDLE); // a slow stage may still be finishing; the next start closes it
                endReason.set("stopped");
            }
        });
    }

    private void closeRunning() {
        if (running != null) {
            closeInBackground(running, e -> { });
        }
        running = null;
    }

    private void closeInBackground(RunningSession s, java.util.function.Consumer<Throwable> onError) {
        tasks.run(() -> {
            s.close();
            return s;
        }, x -> { }, onError);
    }

    /** Follows the session's end and its fatal errors. */
    public void subscribe(EventBridge b) {
        b.subscribe(CoreEvents.SessionEnd.class, e -> {
            if (state.get() != State.PAUSED) {
                state.set(State.IDLE);
                endReason.set(e.reason() == null ? "eof" : e.reason());
            }
        });
        b.subscribe(CoreEvents.SourceError.class, e -> {
            if (e.fatal()) {
                error.set(e.source() + ": " + e.message());
            }
        });
    }

    /**
     * UI thread: where events from outside the media (a typed sentence, its stages' answers) go. Into the session
     * running now (its events file, history and bus stages see them; the bridge gets them from it), or to the
     * bridge when none runs or it has begun to finish. Safe to use from any thread afterwards.
     */
    public dev.attend.event.EventSink input() {
        State st = state.get();
        RunningSession s = st == State.RUNNING || st == State.PAUSED ? running : null;
        int gen = gate.generation();
        return e -> {
            // once stopped (or replaced) the session's sink lets nothing more through: answer on the bridge
            if (s == null || !gate.isLive(gen) || !s.publish(e)) {
                bridge.emit(e);
            }
        };
    }

    /** Stops and releases the running session (window closing). */
    public void shutdown() {
        RunningSession s = running;
        running = null;
        if (s != null) {
            s.close();
        }
    }

    private static String message(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** How the last session ended: "" (none since the last start), eof, stopped, error, failed. */
    public ReadOnlyStringProperty endReasonProperty() {
        return endReason.getReadOnlyProperty();
    }

    public ObjectProperty<SessionRequest.Source> sourceProperty() {
        return source;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    /** The last error of starting or running a session ("" when none); the window shows it as a notice. */
    public StringProperty errorProperty() {
        return error;
    }
}
