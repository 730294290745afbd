package dev.attend.app.cli;

/** Bad input from the user; the CLI prints the message as one line on stderr and exits with code 2. */
public final class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }
}
