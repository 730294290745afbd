package dev.attend.ui.devicecheck;

/** This machine has no device of the kind asked for (not: a device that failed to open). */
final class NoDeviceException extends RuntimeException {

    NoDeviceException() {
        super("", null, false, false);
    }
}
