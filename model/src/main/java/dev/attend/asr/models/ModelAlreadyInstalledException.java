package dev.attend.asr.models;

import java.io.IOException;

/** A model of that name is already installed; installing again needs an explicit remove first. */
public class ModelAlreadyInstalledException extends IOException {

    private static final long serialVersionUID = 1L;

    public ModelAlreadyInstalledException(String message) {
        super(message);
    }
}
