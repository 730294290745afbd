package dev.attend.models;

import java.io.IOException;

/** A bundled or downloaded model file is missing or does not match its recorded checksum. */
public class ModelIntegrityException extends IOException {

    private static final long serialVersionUID = 1L;

    public ModelIntegrityException(String message) {
        super(message);
    }
}
