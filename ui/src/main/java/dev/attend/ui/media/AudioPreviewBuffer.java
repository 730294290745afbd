package dev.attend.ui.media;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Hand-over of {@link AudioColumn}s from the preview stage's thread to the UI thread. */
public final class AudioPreviewBuffer {

    private final ConcurrentLinkedQueue<AudioColumn> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();

    ConcurrentLinkedQueue<AudioColumn> queue() {
        return queue;
    }

    AtomicInteger count() {
        return count;
    }

    /** Everything that arrived since the last call. */
    public List<AudioColumn> drain() {
        List<AudioColumn> out = new ArrayList<>();
        AudioColumn c;
        while ((c = queue.poll()) != null) {
            count.decrementAndGet();
            out.add(c);
        }
        return out;
    }

    public void clear() {
        drain();
    }
}
