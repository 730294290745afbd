package dev.attend.translate;

/**
 * Machine translation of plain text for one language pair (direction). Implementations may keep native processes
 * alive between calls: one owner closes them, exactly once. Calls may block (a round trip to the engine); they are
 * made from a worker thread, never from a pipeline thread.
 */
public interface Translator extends AutoCloseable {

    /** The direction, e.g. {@code eng-spa}. */
    String pair();

    /**
     * Translates one segment (a sentence, a partial transcript, a line). Any text is accepted: newlines, control
     * characters and the engine's own special characters are neutralised, never passed through as markup.
     *
     * @throws TranslationException when the engine fails or does not answer in time; the translator stays usable
     */
    Translation translate(String text);

    /** Starts the engine now (instead of at the first {@link #translate}), so the first result comes fast. */
    default void warmUp() {
    }

    /** Stops the engine's processes. Idempotent. */
    @Override
    void close();
}
