package dev.attend.asr.vosk;

/** libvosk could not be loaded on this machine (no native build for the platform, missing system library). */
public final class VoskUnavailableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public VoskUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
