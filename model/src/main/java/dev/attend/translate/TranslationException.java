package dev.attend.translate;

/** A translation failed (engine error, stuck request). The message is one line that says what happened. */
public class TranslationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TranslationException(String message) {
        super(message);
    }

    public TranslationException(String message, Throwable cause) {
        super(message, cause);
    }
}
