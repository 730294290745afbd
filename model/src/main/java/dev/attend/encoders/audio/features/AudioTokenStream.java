package dev.attend.encoders.audio.features;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A speech-feature stage's local tap: its log-mel frames (which are not tokens and have no bus) and its raw
 * {@link AudioToken}s, on the stage's thread, for tests and benches that drive the stage without a pipeline. Not a
 * second token API: every token also goes onto the session's token bus ({@code dev.attend.token.Token}, modality
 * audio), and that bus is where session consumers (fusion, assistant) subscribe. Listeners may be added or removed
 * at any time from any thread.
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
