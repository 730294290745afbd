package dev.attend.encoders.vision;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The video token stream: the face stage publishes one {@link VideoToken} per tracked face per processed frame,
 * in frame order, on its own thread; listeners (the fusion model later, tests now) subscribe here. Listeners must
 * be quick or hand work off to their own thread; one that throws is logged and skipped, never stops the stage.
 */
public final class VideoTokenStream {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VideoTokenStream.class);

    private final List<Consumer<VideoToken>> listeners = new CopyOnWriteArrayList<>();

    /** @return an unsubscribe action */
    public Runnable subscribe(Consumer<VideoToken> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public boolean hasListeners() {
        return !listeners.isEmpty();
    }

    void publish(VideoToken token) {
        for (Consumer<VideoToken> l : listeners) {
            try {
                l.accept(token);
            } catch (RuntimeException e) {
                LOG.warn("video token listener failed at t={}", token.t(), e);
            }
        }
    }
}
