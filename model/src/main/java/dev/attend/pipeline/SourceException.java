package dev.attend.pipeline;

/**
 * A media source cannot be opened or read: unreadable file, unsupported format, no such device. The message is
 * one line that a user can act on; the CLI prints it and exits with code 2.
 */
public class SourceException extends Exception {

    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
