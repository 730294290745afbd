package dev.attend.asr.models;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A cancel switch for a running download or install, safe to flip from any thread (a UI button, a Ctrl+C hook).
 * Besides the flag that the worker checks between buffers, it closes the stream currently being read so a stalled
 * connection does not keep the worker waiting.
 */
public final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicReference<Closeable> current = new AtomicReference<>();

    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            Closeable c = current.getAndSet(null);
            if (c != null) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // the worker sees the flag and reports the cancel; the close only unblocks it
                }
            }
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws {@link DownloadCancelledException} once cancelled. */
    public void check(String what) throws DownloadCancelledException {
        if (cancelled.get()) {
            throw new DownloadCancelledException(what + " was cancelled");
        }
    }

    void attach(Closeable stream) {
        current.set(stream);
        if (cancelled.get()) {
            cancel();
            try {
                stream.close();
            } catch (IOException ignored) {
                // as above
            }
        }
    }

    void detach() {
        current.set(null);
    }
}
