package dev.attend.assistant.speech;

/**
 * Speaks replies. {@link #speak} blocks until the reply was played (or stopped) and tells the listener, before the
 * first sample plays, how long it will take: the assistant gates the wake word and speech recognition for exactly
 * that time. With no audio output device it returns {@code played = false} and nothing fails.
 */
public interface SpeechSynthesizer extends AutoCloseable {

    /** Called on the speaking thread. */
    interface Listener {
        /** The audio is ready and starts playing now; it lasts {@code seconds}. */
        void started(double seconds);
    }

    /** The outcome of one reply: whether sound went out, how long it is, and why not when it did not. */
    record Spoken(boolean played, double seconds, String problem) {
    }

    /** e.g. {@code espeak-ng}. */
    String name();

    /**
     * @param text     what to say (for Chinese: pinyin, see {@code ReplyTemplates})
     * @param language {@code en} or {@code zh}, to pick the voice when the settings name none
     * @throws SpeechException when the text cannot be rendered (engine missing or failed)
     */
    Spoken speak(String text, String language, SpeechSettings settings, Listener listener);

    /** True when Chinese must be given as pinyin (espeak-ng); false when the engine reads characters. */
    default boolean readsPinyin() {
        return false;
    }

    /** Stops the reply being spoken, if any (from any thread). */
    void stop();

    @Override
    default void close() {
        stop();
    }
}
