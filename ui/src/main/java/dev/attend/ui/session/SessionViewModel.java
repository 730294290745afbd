package dev.attend.ui.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attend.event.EventSink;
import dev.attend.media.AudioChunk;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Stage;
import dev.attend.ui.bridge.EventBridge;
import dev.attend.ui.bridge.EventListener;
import dev.attend.ui.bridge.UiTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Start / pause / stop. A session is a pipeline started through {@link SessionLauncher} or a replayed events
 * file. Pause freezes every view at once by holding events in the bridge; resume shows what arrived meanwhile.
 */
public final class SessionViewModel implements EventListener {

    /** Session states the controls show. */
    public enum State { IDLE, STARTING, RUNNING, PAUSED }

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
    private RunningSession running;
    /** Bumped per session: a stopped session's late events (its session.end) never reach the next one's views. */
    private volatile int generation;

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
        state.set(State.STARTING);
        Previews p = previews.get();
        int gen = generation;
        EventSink sink = e -> {
            if (gen == generation) {
                bridge.emit(e);
            }
        };
        tasks.run(() -> launcher.start(request, sink, p.audio(), p.video()), s -> {
            if (gen != generation || state.get() != State.STARTING) {
                // stopped (or replaced) while its models were loading: end it instead of showing it
                tasks.run(() -> {
                    s.close();
                    return s;
                }, x -> { }, e -> error.set(e.getMessage()));
                return;
            }
            running = s;
            state.set(State.RUNNING);
        }, e -> {
            if (gen == generation) {
                state.set(State.IDLE);
                error.set(e.getMessage() != null ? e.getMessage() : e.toString());
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
        try {
            int gen = generation;
            running = EventsReplay.start(events, paced, e -> {
                if (gen == generation) {
                    bridge.accept(e);
                }
            });
            state.set(State.RUNNING);
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
        }
    }

    private void beginNew() {
        generation++;
        error.set("");
        bridge.clear();
        bridge.setPaused(false);
        onNewSession.run();
    }

    /** Pause ↔ resume (Space). */
    public void togglePause() {
        if (state.get() == State.RUNNING) {
            bridge.setPaused(true);
            state.set(State.PAUSED);
        } else if (state.get() == State.PAUSED) {
            bridge.setPaused(false);
            state.set(State.RUNNING);
        }
    }

    public void stop() {
        bridge.setPaused(false);
        RunningSession s = running;
        if (s != null) {
            tasks.run(() -> {
                s.stop();
                return s;
            }, x -> { }, e -> error.set(e.getMessage()));
        }
        state.set(State.IDLE);
    }

    private void closeRunning() {
        RunningSession s = running;
        running = null;
        if (s != null) {
            tasks.run(() -> {
                s.close();
                return s;
            }, x -> { }, e -> { });
        }
    }

    @Override
    public void onEvents(List<JsonNode> batch) {
        for (JsonNode e : batch) {
            if ("session.end".equals(e.path("type").asText()) && state.get() != State.PAUSED) {
                state.set(State.IDLE);
            } else if ("source.error".equals(e.path("type").asText()) && e.path("fatal").asBoolean()) {
                error.set(e.path("source").asText() + ": " + e.path("message").asText());
            }
        }
    }

    /** Stops and releases the running session (window closing). */
    public void shutdown() {
        RunningSession s = running;
        running = null;
        if (s != null) {
            s.close();
        }
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ObjectProperty<SessionRequest.Source> sourceProperty() {
        return source;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
