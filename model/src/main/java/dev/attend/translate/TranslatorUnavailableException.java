package dev.attend.translate;

/**
 * The engine or the requested pair is not installed. {@link #debianPackage()} names what to install; the message
 * says it in one line. Nothing else is affected: other pairs and features keep working.
 */
public final class TranslatorUnavailableException extends TranslationException {

    private static final long serialVersionUID = 1L;

    private final String debianPackage;

    public TranslatorUnavailableException(String message, String debianPackage) {
        super(message);
        this.debianPackage = debianPackage;
    }

    /** The Debian package to install, e.g. {@code apertium-eng-spa}. */
    public String debianPackage() {
        return debianPackage;
    }
}
