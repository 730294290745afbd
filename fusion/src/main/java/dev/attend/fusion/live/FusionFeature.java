package dev.attend.fusion.live;

import dev.attend.encoders.audio.features.AudioTokenStream;
import dev.attend.encoders.audio.features.SpeechFeatureStage;
import dev.attend.session.SessionAssembly;
import dev.attend.session.SessionFeature;
import dev.attend.token.Token;
import java.nio.file.Path;
import java.util.List;

/**
 * The fusion transformer as a session feature: a token stage over audio, video and text tokens.
 *
 * @param modelDir        model folder from {@code attend train}; null = the bundled model
 * @param watch           attention maps to export
 * @param attentionEvery  export them every this many 80-ms steps
 * @param haveAudioTokens whether another feature already publishes audio tokens (wake words); if not, a head-less
 *                        speech feature stage is added
 */
public record FusionFeature(Path modelDir, AttentionWatch watch, int attentionEvery, boolean haveAudioTokens)
        implements SessionFeature {

    @Override
    public String name() {
        return "fusion";
    }

    @Override
    public void contribute(SessionAssembly session) {
        if (!session.hasAudio()) {
            return;
        }
        oneLibtorchThreadUnlessChosen();
        if (!haveAudioTokens) {
            session.pipeline().audioStage(new SpeechFeatureStage("tokens", new AudioTokenStream(), List.of()));
        }
        session.pipeline().tokenStage(new FusionStage(modelDir, watch, attentionEvery, session.hasVideo()),
                Token.Modality.AUDIO, Token.Modality.VIDEO, Token.Modality.TEXT);
    }

    /**
     * One libtorch thread unless the user chose: beside the other stages, 2 spinning OpenMP threads on 2 cores made
     * every fusion step, and the assistant's audio head, many times slower (30× for the head on a busy machine). Must
     * run before libtorch starts; later calls change nothing.
     */
    static void oneLibtorchThreadUnlessChosen() {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }
}
