package dev.attend.ui.assistant;

import dev.attend.assistant.AssistantSettings;
import dev.attend.assistant.speech.SpeechSettings;
import dev.attend.assistant.store.AssistantTimer;
import dev.attend.assistant.store.Note;
import dev.attend.event.AssistantEvents;
import dev.attend.event.CoreEvents;
import dev.attend.ui.bridge.EventBridge;
import dev.attend.ui.bridge.UiTasks;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assistant pane's state: the conversation (from {@code assistant.intent} and {@code assistant.reply}), the
 * assistant's state ({@code assistant.state}), running timers and today's notes (re-read from the assistant when
 * {@code assistant.timer} or a note reply arrives), and the assistant's settings. Commands go through the
 * {@link AssistantPort}; a problem is shown in {@link #messageProperty}.
 */
public final class ConversationViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationViewModel.class);
    /** Turns kept in the pane (older ones are in the event log and the history). */
    static final int MAX_TURNS = 200;

    private final AssistantPort port;
    private final UiTasks tasks;
    private final ObservableList<Turn> turns = FXCollections.observableArrayList();
    private final ObservableList<AssistantTimer> timers = FXCollections.observableArrayList();
    private final ObservableList<Note> notes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(AssistantEvents.IDLE);
    private final ReadOnlyStringWrapper stateMode = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObjectProperty<AssistantSettings> settings = new SimpleObjectProperty<>();

    public ConversationViewModel(AssistantPort port, UiTasks tasks) {
        this.port = port;
        this.tasks = tasks;
        settings.set(port.settings());
        if (port.available()) {
            state.set(LOADING); // the window starts the load once shown; "idle" when it is ready
            port.ready().whenComplete((v, e) -> tasks.onUi(() -> {
                if (LOADING.equals(state.get())) {
                    state.set(AssistantEvents.IDLE);
                }
            }));
        }
    }

    /** The pane's state while the assistant's models load. */
    public static final String LOADING = "loading";

    /** Follows the assistant's events on the bridge; its events outside sessions come to the bridge too. */
    public void subscribe(EventBridge bridge) {
        port.events(bridge);
        bridge.subscribe(AssistantEvents.State.class, e -> {
            state.set(e.state());
            stateMode.set(e.mode() == null ? "" : e.mode());
        });
        bridge.subscribe(AssistantEvents.Intent.class, this::onIntent);
        bridge.subscribe(AssistantEvents.Reply.class, this::onReply);
        bridge.subscribe(AssistantEvents.Timer.class, e -> refreshTimers());
        bridge.subscribe(CoreEvents.SessionEnd.class, e -> state.set(AssistantEvents.IDLE));
        refreshTimers();
        refreshNotes();
    }

    private void onIntent(AssistantEvents.Intent e) {
        add(new Turn(e.command(), e.mode(), e.text(), e.intent(), e.confidence(), e.understood(), null, false));
    }

    private void onReply(AssistantEvents.Reply e) {
        for (int i = turns.size() - 1; i >= 0 && e.command() > 0; i--) {
            Turn t = turns.get(i);
            if (t.command() == e.command() && t.reply() == null) {
                turns.set(i, t.withReply(e.text(), e.acted()));
                if ("note".equals(e.intent())) {
                    refreshNotes();
                }
                return;
            }
        }
        add(new Turn(e.command(), "timer".equals(e.intent()) ? "timer" : "", null, e.intent(), 1, true, e.text(),
                e.acted()));
    }

    private void add(Turn t) {
        turns.add(t);
        if (turns.size() > MAX_TURNS) {
            turns.remove(0, turns.size() - MAX_TURNS);
        }
    }

    /** Sends a typed command (blank text is ignored). */
    public void typed(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        message.set("");
        port.typed(text.strip());
    }

    /** Push-to-talk; without a listening session, the message asks to start one. */
    public void pushToTalk() {
        message.set(port.pushToTalk() ? "" : "assistant.pttNoSession");
    }

    /** Mute, voice (blank = the engine's default) and rate in words per minute. */
    public void speech(boolean mute, String voice, int rate) {
        apply(settings.get().withSpeech(new SpeechSettings(mute, voice, rate)));
    }

    public void wakeWord(String name, boolean on) {
        apply(settings.get().withWakeWord(name, on));
        if (on && !port.sessionHears(name)) {
            message.set("assistant.wakeNextSession");
        }
    }

    public void lookToTalk(boolean on, double threshold) {
        apply(settings.get().withLookToTalk(on, Math.round(threshold * 100) / 100.0));
    }

    private void apply(AssistantSettings s) {
        if (s.equals(settings.get())) {
            return;
        }
        settings.set(s);
        tasks.run(() -> {
            port.apply(s);
            return s;
        }, ok -> { }, e -> {
            LOG.warn("assistant settings not saved: {}", e.getMessage());
            message.set(e.getMessage());
        });
    }

    public void cancelTimer(long id) {
        tasks.run(() -> {
            port.cancelTimer(id);
            return id;
        }, ok -> refreshTimers(), e -> message.set(e.getMessage()));
    }

    public void refreshTimers() {
        tasks.run(port::timers, timers::setAll, e -> LOG.warn("timers not read: {}", e.getMessage()));
    }

    public void refreshNotes() {
        tasks.run(port::notesToday, notes::setAll, e -> LOG.warn("notes not read: {}", e.getMessage()));
    }

    public boolean available() {
        return port.available();
    }

    public List<String> voices() {
        return port.voices();
    }

    public ObservableList<Turn> turns() {
        return turns;
    }

    public ObservableList<AssistantTimer> timers() {
        return timers;
    }

    public ObservableList<Note> notes() {
        return notes;
    }

    /** {@code listening}, {@code thinking}, {@code speaking} or {@code idle}. */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** What started the command in progress ({@code wake_word}, {@code push_to_talk}, …) or "". */
    public ReadOnlyStringProperty stateModeProperty() {
        return stateMode.getReadOnlyProperty();
    }

    /** A bundle key ({@code assistant.…}) or an error's own text; "" when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObjectProperty<AssistantSettings> settingsProperty() {
        return settings;
    }
}
