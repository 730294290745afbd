package dev.attend.app.session;

import dev.attend.audioenc.features.AudioTokenStream;
import dev.attend.audioenc.features.SpeechFeatureStage;
import dev.attend.fusion.live.AttentionWatch;
import dev.attend.fusion.live.FusionStage;
import dev.attend.pipeline.Pipeline;
import dev.attend.token.Token;
import java.nio.file.Path;
import java.util.List;

/** Adds the fusion transformer to a session: a token stage over audio, video and text tokens. */
public final class FusionWiring {

    /**
     * @param modelDir       model folder from {@code attend train}; null = the bundled model
     * @param watch          attention maps to export
     * @param attentionEvery export them every this many 80-ms steps
     */
    public record Settings(Path modelDir, AttentionWatch watch, int attentionEvery) {
    }

    private FusionWiring() {
    }

    /**
     * @param haveAudioTokens whether the session already has a speech feature stage (wake words); if not, one
     *                        without heads is added so audio tokens reach the bus
     */
    static void addTo(Pipeline.Builder b, Settings s, boolean haveAudioTokens, boolean hasVideo) {
        // one libtorch thread unless the user chose: next to the other stages, 2 spinning OpenMP threads on
        // 2 cores made every step many times slower
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        if (!haveAudioTokens) {
            b.audioStage(new SpeechFeatureStage("tokens", new AudioTokenStream(), List.of()));
        }
        b.tokenStage(new FusionStage(s.modelDir(), s.watch(), s.attentionEvery(), hasVideo),
                Token.Modality.AUDIO, Token.Modality.VIDEO, Token.Modality.TEXT);
    }
}
