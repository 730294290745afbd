package dev.attend.assistant.store;

/** The assistant's storage failed (disk full, database locked, unreadable file); the message says which. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
