package dev.attend.event;

/** A line or tree that is not a valid event; the message says what is wrong with it. */
public final class EventFormatException extends IllegalArgumentException {

    public EventFormatException(String message) {
        super(message);
    }

    public EventFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
