package dev.attend.encoders.audio;

import dev.attend.encoders.audio.features.AudioTokenStream;
import dev.attend.encoders.audio.wake.WakeOptions;
import dev.attend.session.SessionAssembly;
import dev.attend.session.SessionFeature;
import java.util.List;

/**
 * The audio encoders of a session: Silero VAD and the wake-word heads over one shared speech-feature stage (which
 * also publishes the audio tokens).
 *
 * @param vad       run voice activity detection
 * @param wakeWords bundled wake-word models to listen for; empty = none
 * @param wake      when a score becomes a detection
 */
public record AudioEncoderFeature(boolean vad, List<String> wakeWords, WakeOptions wake) implements SessionFeature {

    public AudioEncoderFeature {
        wakeWords = wakeWords == null ? List.of() : List.copyOf(wakeWords);
        wake = wake == null ? WakeOptions.defaults() : wake;
    }

    /** VAD on, {@code hey_jarvis} at threshold 0.5. */
    public static AudioEncoderFeature defaults() {
        return new AudioEncoderFeature(true, List.of("hey_jarvis"), WakeOptions.defaults());
    }

    @Override
    public String name() {
        return "audio-encoders";
    }

    @Override
    public void contribute(SessionAssembly session) {
        if (session.hasAudio()) {
            AudioEncoders.stages(vad, wakeWords, wake, new AudioTokenStream()).forEach(session.pipeline()::audioStage);
        }
    }
}
