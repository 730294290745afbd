package dev.attend.encoders.audio.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.attend.encoders.audio.TestAudio;
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
            ExternalTools.exec("sox", "-R", "-n", "-r", "16000", "-c", "1", "-b", "16", tone.toString(), "synth", "1", "sine",
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

    /** Every phase's token of every block, for a file, as a {@link TokenBlock} offers them. */
    static List<AudioToken[]> phaseTokens(Path file, int phases) throws Exception {
        List<AudioToken[]> out = new ArrayList<>();
        try (MelSpectrogram mel = MelSpectrogram.load(); SpeechEmbedding emb = SpeechEmbedding.load()) {
            SpeechFeatureExtractor x = new SpeechFeatureExtractor(mel, emb, new SpeechFeatureListener() {
                @Override
                public void onBlock(TokenBlock block) {
                    AudioToken[] all = new AudioToken[block.phases()];
                    for (int p = 0; p < all.length; p++) {
                        all[p] = block.token(p, 0);
                    }
                    assertThat(all[0]).isSameAs(block.main());
                    out.add(all);
                }
            }, phases);
            for (var c : TestAudio.chunks(file, 1280)) {
                x.accept(c.t(), c.samples());
            }
            // one embedding call per token handed out: each phase's computed once
            long tokens = out.stream().flatMap(java.util.Arrays::stream).filter(java.util.Objects::nonNull).count();
            assertThat(x.embeddingCalls()).isEqualTo(tokens);
        }
        return out;
    }

    @Test
    void aLaterPhaseIsTheMainTokenOfTheSameAudioStartedThatMuchLater() throws Exception {
        // phase p of 4 ends 2p frames (20p ms) before the block's end: the window openWakeWord would see if the
        // audio started 20p ms later. Prepending 20p ms makes that exact, bit for bit, once the 76-frame window no
        // longer reaches back to the stream start (where the shifted stream has zeros, not ones). The speech lies
        // over white noise at -50 dBFS: the mel model raises every frame to 80 dB below the loudest frame of its
        // 1760-sample call, so frames of digital silence would depend on which call they fell in.
        Path words = TestAudio.speechExact(dir, "phase-words", "en-us", "the quick brown fox", 0.2, 0.2);
        Path noise = dir.resolve("phase-noise.wav");
        ExternalTools.exec("sox", "-R", "-D", "-n", "-r", "16000", "-c", "1", "-b", "16", noise.toString(), "synth",
                Double.toString(TestAudio.seconds(words)), "whitenoise", "vol", "0.003");
        Path base = dir.resolve("phase0.wav");
        ExternalTools.exec("sox", "-R", "-D", "-m", words.toString(), noise.toString(), base.toString());
        List<AudioToken[]> phased = phaseTokens(base, 4);
        for (int p = 1; p < 4; p++) {
            Path later = dir.resolve("phase" + p + ".wav");
            ExternalTools.exec("sox", "-R", "-D", base.toString(), later.toString(), "pad", "0.0" + (2 * p), "0");
            List<AudioToken> shifted = features(later, 1280).tokens();
            int compared = 0;
            for (int b = 10; b < phased.size() && b < shifted.size(); b++) {
                AudioToken mine = phased.get(b)[p];
                AudioToken ref = shifted.get(b);
                assertThat(mine.vector()).as("phase %d, block %d", p, b).isEqualTo(ref.vector());
                // same audio, so the same media time once the 20p ms of padding are taken off
                assertThat(mine.t()).isCloseTo(ref.t() - 0.02 * p, within(1e-6));
                assertThat(mine.index()).isEqualTo(b);
                compared++;
            }
            assertThat(compared).isGreaterThan(10);
        }
    }

    @Test
    void eightPhasesStartWhenTheirWindowHasAFrameAndLookBackWorks() throws Exception {
        List<AudioToken[]> eight = phaseTokens(speech, 8);
        // block 0 has frames 0..4: phases 0..4 end on a real frame, phases 5..7 would end before the stream
        for (int p = 0; p < 8; p++) {
            assertThat(eight.get(0)[p] == null).as("phase %d", p).isEqualTo(p > 4);
            assertThat(eight.get(1)[p]).isNotNull();
        }
        // a phase's tokens are 80 ms apart, and the phases 10 ms apart
        assertThat(eight.get(20)[3].t()).isCloseTo(eight.get(19)[3].t() + 0.08, within(1e-6));
        assertThat(eight.get(20)[3].t()).isCloseTo(eight.get(20)[0].t() - 0.03, within(1e-6));
        assertThatThrownBy(() -> new SpeechFeatureExtractor(null, null, null, 3)).hasMessageContaining("1, 2, 4 or 8");
    }
}
