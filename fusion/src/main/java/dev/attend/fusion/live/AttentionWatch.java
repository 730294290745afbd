package dev.attend.fusion.live;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Which fusion attention maps someone is looking at (names as in {@code FusionNet.attentionNames()}, e.g.
 * {@code text<-audio.0}); only those are copied out of the model. Thread-safe: the UI changes it while the stage
 * reads it.
 */
public final class AttentionWatch {

    private final Set<String> names = new CopyOnWriteArraySet<>();

    public static AttentionWatch of(List<String> names) {
        AttentionWatch w = new AttentionWatch();
        w.names.addAll(names);
        return w;
    }

    public void watch(String name) {
        names.add(name);
    }

    public void unwatch(String name) {
        names.remove(name);
    }

    public Set<String> names() {
        return Set.copyOf(names);
    }
}
