package dev.attend.asr.models;

import java.io.IOException;

/** A model name or folder the user gave does not lead to a usable Vosk model; the message says what to do. */
public class ModelNotFoundException extends IOException {

    private static final long serialVersionUID = 1L;

    public ModelNotFoundException(String message) {
        super(message);
    }
}
