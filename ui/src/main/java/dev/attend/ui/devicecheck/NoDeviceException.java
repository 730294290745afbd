package dev.attend.ui.devicecheck;

/** The device cannot be checked: this machine has none of that kind, or the running session is using it. */
final class NoDeviceException extends RuntimeException {

    /** Why there is nothing to check. */
    enum Why { NONE_ON_THIS_MACHINE, IN_USE_BY_SESSION }

    private final Why why;

    NoDeviceException(Why why) {
        super(why.name(), null, false, false);
        this.why = why;
    }

    Why why() {
        return why;
    }

    /** A source supplier that always reports {@code why} (the running session holds the device). */
    static java.util.function.Supplier<dev.attend.pipeline.MediaSource> unavailable(Why why) {
        return () -> {
            throw new NoDeviceException(why);
        };
    }
}
