package dev.attend.encoders.audio.features;

/**
 * Receives the speech feature streams, on the feature stage's thread, in time order. Must return quickly (hand
 * work to another thread if needed) and must not modify the arrays it gets.
 */
public interface SpeechFeatureListener {

    default void onMelFrame(MelFrame frame) {
    }

    /** The phase-0 token of each block (openWakeWord's grid). */
    default void onToken(AudioToken token) {
    }

    /** Each block with access to every phase's token, right after {@link #onToken} of its phase-0 token. */
    default void onBlock(TokenBlock block) {
    }
}
