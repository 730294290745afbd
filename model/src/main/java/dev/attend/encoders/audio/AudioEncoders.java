package dev.attend.encoders.audio;

import dev.attend.encoders.audio.features.AudioTokenStream;
import dev.attend.encoders.audio.features.SpeechFeatureStage;
import dev.attend.encoders.audio.features.TokenConsumer;
import dev.attend.encoders.audio.vad.VadOptions;
import dev.attend.encoders.audio.vad.VadStage;
import dev.attend.encoders.audio.wake.WakeOptions;
import dev.attend.encoders.audio.wake.WakeWordSpotter;
import dev.attend.media.AudioChunk;
import dev.attend.pipeline.Stage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The audio encoder stages of a session: VAD on its own thread, and one feature stage (log-mel + speech embedding)
 * whose token stream feeds every selected wake-word head, so the heads share one front end.
 */
public final class AudioEncoders {

    private AudioEncoders() {
    }

    /**
     * @param vad        run Silero VAD
     * @param wakeWords  bundled wake-word model names; empty = no feature stage
     * @param wake       threshold, patience, refractory period and block phases for every head
     * @param tokens     where the feature stage publishes mel frames and tokens
     * @throws IllegalArgumentException for an unknown wake word (the message lists the bundled ones)
     */
    public static List<Stage<AudioChunk>> stages(boolean vad, List<String> wakeWords, WakeOptions wake,
                                                 AudioTokenStream tokens) {
        List<Stage<AudioChunk>> stages = new ArrayList<>();
        if (vad) {
            stages.add(new VadStage(VadOptions.defaults()));
        }
        List<TokenConsumer> heads = new ArrayList<>();
        for (String name : new LinkedHashSet<>(wakeWords)) {
            heads.add(new WakeWordSpotter(name, wake));
        }
        if (!heads.isEmpty()) {
            stages.add(new SpeechFeatureStage("wake", tokens, heads, wake.phases()));
        }
        return stages;
    }
}
