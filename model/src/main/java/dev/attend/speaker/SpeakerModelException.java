package dev.attend.speaker;

/** The speaker model is missing, damaged or libvosk refused it; recognition goes on without speaker labels. */
public class SpeakerModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SpeakerModelException(String message) {
        super(message);
    }

    public SpeakerModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
