package dev.attend.encoders.audio.features;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The session's audio token stream (speech embeddings, one per 80 ms) and its log-mel frames, for consumers outside
 * the audio bus: the UI's log-mel strip, later the fusion transformer. Listeners may be added or removed at any
 * time from any thread; they are called on the feature stage's thread.
 */
public final class AudioTokenStream implements SpeechFeatureListener {

    private final List<SpeechFeatureListener> listeners = new CopyOnWriteArrayList<>();

    public void addListener(SpeechFeatureListener l) {
        listeners.add(l);
    }

    public void removeListener(SpeechFeatureListener l) {
        listeners.remove(l);
    }

    @Override
    public void onMelFrame(MelFrame frame) {
        for (SpeechFeatureListener l : listeners) {
            l.onMelFrame(frame);
        }
    }

    @Override
    public void onToken(AudioToken token) {
        for (SpeechFeatureListener l : listeners) {
            l.onToken(token);
        }
    }
}
