package dev.attend.translate;

/** The engine did not answer in time; the stuck process was killed and is restarted for the next request. */
public final class TranslationTimeoutException extends TranslationException {

    private static final long serialVersionUID = 1L;

    public TranslationTimeoutException(String message) {
        super(message);
    }
}
