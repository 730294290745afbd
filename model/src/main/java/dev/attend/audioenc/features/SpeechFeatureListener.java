package dev.attend.audioenc.features;

/**
 * Receives the speech feature streams, on the feature stage's thread, in time order. Must return quickly (hand
 * work to another thread if needed) and must not modify the arrays it gets.
 */
public interface SpeechFeatureListener {

    default void onMelFrame(MelFrame frame) {
    }

    default void onToken(AudioToken token) {
    }
}
