package dev.attend.ui.devicecheck;

import dev.attend.concurrent.AttendThreads;
import dev.attend.media.MediaItem;
import dev.attend.pipeline.MediaSource;
import dev.attend.pipeline.SessionClock;
import dev.attend.pipeline.SourceException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Reads one device outside any session, for a check in Settings: opens the source on its own thread, hands every
 * item to {@code onItem} (on that thread) and reports a failure to open once. {@link #stop} ends it and closes the
 * device on the reading thread.
 */
final class SourceProbe {

    private final Thread thread;
    private volatile MediaSource source;
    private volatile boolean stopped;

    SourceProbe(String owner, Supplier<MediaSource> open, Consumer<MediaItem> onItem,
                Consumer<String> onFailure) {
        thread = AttendThreads.newThread(owner, () -> run(open, onItem, onFailure));
        thread.start();
    }

    private void run(Supplier<MediaSource> open, Consumer<MediaItem> onItem, Consumer<String> onFailure) {
        MediaSource s = null;
        try {
            s = open.get();
            source = s;
            s.open(SessionClock.startingNow());
            while (!stopped) {
                MediaItem m = s.read();
                if (m == null) {
                    break;
                }
                onItem.accept(m);
            }
        } catch (NoDeviceException e) {
            if (!stopped) {
                onFailure.accept(key(e.why())); // said in the UI language by the view
            }
        } catch (SourceException | RuntimeException e) {
            if (!stopped) {
                onFailure.accept(e.getMessage() != null ? e.getMessage() : e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (s != null) {
                s.close();
            }
        }
    }

    /** The bundle key suffix for a device that cannot be checked ("noneFound", "inUse"). */
    static String key(NoDeviceException.Why why) {
        return why == NoDeviceException.Why.IN_USE_BY_SESSION ? "inUse" : "noneFound";
    }

    static boolean isKey(String failure) {
        return "noneFound".equals(failure) || "inUse".equals(failure);
    }

    void stop() {
        stopped = true;
        MediaSource s = source;
        if (s != null) {
            s.wakeUp();
        }
    }

    /** For tests and dialog close: waits for the device to be released. */
    boolean awaitStopped(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }
}
