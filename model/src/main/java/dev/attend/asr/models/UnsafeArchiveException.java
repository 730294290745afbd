package dev.attend.asr.models;

import java.io.IOException;

/** A model archive tries to write outside its folder, holds a link, or is too big (zip bomb); nothing is installed. */
public class UnsafeArchiveException extends IOException {

    private static final long serialVersionUID = 1L;

    public UnsafeArchiveException(String message) {
        super(message);
    }
}
