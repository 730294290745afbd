package dev.attend.ui.assistant;

import dev.attend.assistant.AssistantSettings;
import dev.attend.assistant.store.AssistantTimer;
import dev.attend.assistant.store.Note;
import dev.attend.event.EventSink;
import java.util.List;

/**
 * Port to the app's assistant: commands (typed, push-to-talk), listening modes, its persisted settings, and its
 * timers and notes. Calls return at once; answers arrive as {@code assistant.*} events, in a session through the
 * session's events, otherwise through the sink given to {@link #events}.
 */
public interface AssistantPort {

    /** False in builds or tests without an assistant: the pane says so and its controls are disabled. */
    boolean available();

    /** Where the assistant's events go while no session runs (typed commands, timers going off). */
    void events(EventSink sink);

    /** A typed command: answered in the running session, or by the assistant alone when none runs. */
    void typed(String text);

    /** Listens for a spoken command now; false when no session is listening (nothing to hear it). */
    boolean pushToTalk();

    /** The persisted settings. */
    AssistantSettings settings();

    /**
     * Applies and saves settings: speech (mute, voice, rate) at once, wake word and look-to-talk in the running
     * session and the next ones.
     *
     * @throws IllegalArgumentException for a value the assistant cannot use (message says which)
     */
    void apply(AssistantSettings settings);

    /** Whether the running session listens for {@code wakeWord} (false: it starts with the next session). */
    boolean sessionHears(String wakeWord);

    /** espeak-ng (or the OS engine's) voice names offered in the voice box; may be empty. */
    List<String> voices();

    /** Running timers, soonest first. */
    List<AssistantTimer> timers();

    /** Cancels a running timer (an {@code assistant.timer} event follows). */
    void cancelTimer(long id);

    /** Today's notes, newest first. */
    List<Note> notesToday();

    /**
     * Starts loading the assistant's models in the background. The window calls it once it is shown, so the load
     * does not compete with building the window for the CPU; any use before that starts the load itself.
     */
    default void startLoading() {
    }

    /** Completes once the assistant has loaded (or failed to); the pane says "loading…" until then. */
    default java.util.concurrent.CompletionStage<?> ready() {
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    /** No assistant in this build. */
    static AssistantPort unavailable() {
        return new AssistantPort() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public void events(EventSink sink) {
            }

            @Override
            public void typed(String text) {
            }

            @Override
            public boolean pushToTalk() {
                return false;
            }

            @Override
            public AssistantSettings settings() {
                return AssistantSettings.defaults();
            }

            @Override
            public void apply(AssistantSettings settings) {
            }

            @Override
            public boolean sessionHears(String wakeWord) {
                return false;
            }

            @Override
            public List<String> voices() {
                return List.of();
            }

            @Override
            public List<AssistantTimer> timers() {
                return List.of();
            }

            @Override
            public void cancelTimer(long id) {
            }

            @Override
            public List<Note> notesToday() {
                return List.of();
            }
        };
    }
}
