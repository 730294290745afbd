package dev.attend.asr.vosk;

/** A Vosk model folder is missing, incomplete, or was rejected by libvosk; the message says which and what to do. */
public final class VoskModelException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public VoskModelException(String message) {
        super(message);
    }

    public VoskModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
