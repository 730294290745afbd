package dev.attend.assistant.speech;

/** A reply could not be rendered to audio; the message names the engine and what to install. */
public final class SpeechException extends RuntimeException {

    public SpeechException(String message) {
        super(message);
    }

    public SpeechException(String message, Throwable cause) {
        super(message, cause);
    }
}
