package dev.attend.audioenc.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.attend.audioenc.TestAudio;
import dev.attend.testing.ExternalTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Log-mel frames and speech embeddings: shapes, timing, determinism, chunk-size independence. */
class SpeechFeaturesTest {

    private static Path dir;
    private static Path speech;

    @BeforeAll
    static void setUp() throws Exception {
        dir = TestAudio.tempDir("features");
        speech = TestAudio.speech(dir, "speech", "en-us", "the quick brown fox jumps over the lazy dog", 0.5, 0.5);
    }

    /** Everything the feature stage publishes for a file. */
    record Streams(List<MelFrame> mel, List<AudioToken> tokens) {
    }

    static Streams features(Path file, int chunk) throws Exception {
        Streams s = new Streams(new ArrayList<>(), new ArrayList<>());
        AudioTokenStream stream = new AudioTokenStream();
        stream.addListener(new SpeechFeatureListener() {
            @Override
            public void onMelFrame(MelFrame frame) {
                s.mel().add(frame);
            }

            @Override
            public void onToken(AudioToken token) {
                s.tokens().add(token);
            }
        });
        assertThat(TestAudio.run(new SpeechFeatureStage("features", stream, List.of()), file, chunk)).isEmpty();
        return s;
    }

    @Test
    void shapesAndTimingFollowTheOpenWakeWordFraming() throws Exception {
        Streams s = features(speech, 1280);
        int samples = (int) Math.round(TestAudio.seconds(speech) * 16000);
        int blocks = samples / 1280;
        // 5 frames from the first block (no context yet), 8 from each later one; one token per block
        assertThat(s.tokens()).hasSize(blocks);
        assertThat(s.mel()).hasSize(5 + 8 * (blocks - 1));
        for (int n = 0; n < s.mel().size(); n++) {
            MelFrame f = s.mel().get(n);
            assertThat(f.index()).isEqualTo(n);
            assertThat(f.bins()).hasSize(32);
            // frame n's 512-sample window covers samples [160n, 160n + 512)
            assertThat(f.t()).isCloseTo((160.0 * n + 512) / 16000, within(1e-6));
        }
        for (int k = 0; k < s.tokens().size(); k++) {
            AudioToken tok = s.tokens().get(k);
            assertThat(tok.index()).isEqualTo(k);
            assertThat(tok.vector()).hasSize(96);
            // each token ends where its block's last mel frame ends: 1152 samples into the block
            assertThat(tok.t()).isCloseTo(0.08 * k + 0.072, within(1e-6));
            assertThat(tok.t()).isEqualTo(s.mel().get(8 * k + 4).t());
            assertThat(tok.start()).isCloseTo(tok.t() - 0.782, within(1e-9));
        }
    }

    @Test
    void melBinsRiseWithTheFrequencyOfATone() throws Exception {
        int previous = -1;
        for (int hz : new int[] {200, 500, 1000, 2000, 3000}) {
            Path tone = dir.resolve("tone" + hz + ".wav");
            ExternalTools.exec("sox", "-n", "-r", "16000", "-c", "1", "-b", "16", tone.toString(), "synth", "1", "sine",
                    Integer.toString(hz), "vol", "0.5");
            float[] bins = features(tone, 1280).mel().get(40).bins();
            int peak = 0;
            for (int b = 1; b < bins.length; b++) {
                if (bins[b] > bins[peak]) {
                    peak = b;
                }
            }
            assertThat(peak).as(hz + " Hz").isGreaterThan(previous);
            previous = peak;
        }
        assertThat(previous).isGreaterThanOrEqualTo(28); // 3 kHz sits near the top of the 32 bins
    }

    @Test
    void theSameAudioGivesBitIdenticalEmbeddings() throws Exception {
        Streams a = features(speech, 1280);
        Streams b = features(speech, 1280);
        assertThat(b.tokens()).hasSameSizeAs(a.tokens());
        for (int k = 0; k < a.tokens().size(); k++) {
            assertThat(b.tokens().get(k).vector()).isEqualTo(a.tokens().get(k).vector());
        }
    }

    @Test
    void chunkSizeDoesNotChangeFramesOrEmbeddings() throws Exception {
        Streams ref = features(speech, 1280);
        for (int chunk : new int[] {320, 4000, 1000}) {
            Streams s = features(speech, chunk);
            assertThat(s.tokens()).as("chunk " + chunk).hasSameSizeAs(ref.tokens());
            assertThat(s.mel()).hasSameSizeAs(ref.mel());
            for (int k = 0; k < ref.tokens().size(); k++) {
                assertThat(s.tokens().get(k).t()).isEqualTo(ref.tokens().get(k).t());
                assertThat(s.tokens().get(k).vector()).as("token %d, chunk %d", k, chunk)
                        .isEqualTo(ref.tokens().get(k).vector());
            }
            for (int n = 0; n < ref.mel().size(); n++) {
                assertThat(s.mel().get(n).bins()).isEqualTo(ref.mel().get(n).bins());
            }
        }
    }

    @Test
    void speechAndSilenceGiveDifferentTokens() throws Exception {
        List<AudioToken> quiet = features(TestAudio.silence(dir, "quiet", 2), 1280).tokens();
        List<AudioToken> talk = features(speech, 1280).tokens();
        // digital silence: every token past the start-up window is the same vector; speech varies
        float[] last = quiet.get(quiet.size() - 1).vector();
        assertThat(quiet.get(quiet.size() - 2).vector()).isEqualTo(last);
        assertThat(talk.get(15).vector()).isNotEqualTo(talk.get(20).vector());
    }
}
