package dev.attend.encoders.audio.wake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attend.encoders.audio.AudioModels;
import dev.attend.encoders.audio.TestAudio;
import dev.attend.encoders.audio.features.AudioTokenStream;
import dev.attend.encoders.audio.features.SpeechFeatureStage;
import dev.attend.encoders.audio.features.TokenConsumer;
import dev.attend.event.AttendEvent;
import dev.attend.event.WakeEvent;
import dev.attend.models.BundledModel;
import dev.attend.models.ModelIntegrityException;
import dev.attend.models.Sha256;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The second-stage verifiers: bundled weights load and match their SHA-256; a spoken wake word in voices the
 * verifiers were not trained on still fires through them; near misses and silence do not; damaged weights give a
 * clear error and the spotter falls back to first-stage scoring instead of going deaf.
 */
class WakeVerifierTest {

    private static Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        dir = TestAudio.tempDir("wake-verifier");
    }

    private static List<WakeEvent> wake(Path file, List<WakeWordSpotter> heads) throws Exception {
        List<AttendEvent> ev = TestAudio.run(new SpeechFeatureStage("wake", new AudioTokenStream(),
                new ArrayList<TokenConsumer>(heads), WakeOptions.DEFAULT_PHASES), file, 1280);
        return ev.stream().map(WakeEvent.class::cast).toList();
    }

    private static List<WakeWordSpotter> all(WakeWordSpotter.VerifierSource source) {
        List<WakeWordSpotter> heads = new ArrayList<>();
        for (String m : AudioModels.wakeWordNames()) {
            heads.add(new WakeWordSpotter(m, WakeOptions.defaults().withVerify(true), source));
        }
        return heads;
    }

    @Test
    void bundledVerifiersLoadAndMatchTheirChecksums() throws Exception {
        for (String m : AudioModels.wakeWordNames()) {
            WakeVerifier v = WakeVerifiers.load(m);
            assertThat(v.model()).isEqualTo(m);
            assertThat(v.candidate()).isBetween(0.05f, 0.5f);
            assertThat(v.cut()).isBetween(0f, 1f);
            // the bytes it was read from are the pinned ones, and writing it back gives them again
            assertThat(Sha256.of(v.toBytes())).isEqualTo(WakeVerifiers.file(m).orElseThrow().sha256());
        }
    }

    @Test
    void heyJarvisInVoicesTheVerifierNeverSawFiresThroughIt() throws Exception {
        // bench detection voices: none is among the verifiers' training voices (their variants differ)
        for (String voice : List.of("en-us", "en-gb-scotland", "en-us+m3")) {
            Path f = TestAudio.speech(dir, "jarvis-" + voice, voice, "hey jarvis", 1.5, 1.0);
            List<WakeWordSpotter> heads = all(WakeVerifiers::load);
            List<WakeEvent> ev = wake(f, heads);
            assertThat(heads).allMatch(h -> h.verifier() != null);
            assertThat(ev).as(voice).singleElement().satisfies(e -> {
                assertThat(e.model()).isEqualTo("hey_jarvis");
                // the first stage's threshold with the verifier (below the user's 0.5), and the score reached it
                assertThat(e.threshold()).isEqualTo(heads.get(0).verifier().candidate(), org.assertj.core.api
                        .Assertions.within(1e-6));
                assertThat(e.score()).isGreaterThanOrEqualTo(e.threshold());
            });
        }
    }

    @Test
    void nearMissesAndSilenceDoNotFire() throws Exception {
        List<Path> files = new ArrayList<>();
        files.add(TestAudio.silence(dir, "silence", 4));
        for (String text : List.of("hey jasper", "hey travis", "rhapsody", "hello there, how are you")) {
            files.add(TestAudio.speech(dir, "near-" + text.replace(' ', '_').replace(",", ""), "en-us", text,
                    1.5, 1.0));
        }
        for (Path f : files) {
            assertThat(wake(f, all(WakeVerifiers::load))).as(f.getFileName().toString()).isEmpty();
        }
    }

    @Test
    void damagedWeightsGiveAClearError() throws Exception {
        byte[] good = WakeVerifiers.file("hey_jarvis").orElseThrow().readVerified();
        byte[] bad = good.clone();
        bad[0] ^= 1;
        assertThatThrownBy(() -> WakeVerifier.fromBytes("hey_jarvis", bad)).isInstanceOf(IOException.class)
                .hasMessageContaining("bad magic");
        assertThatThrownBy(() -> WakeVerifier.fromBytes("hey_jarvis", Arrays.copyOf(good, 100)))
                .isInstanceOf(IOException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> WakeVerifier.fromBytes("alexa", good)).isInstanceOf(IOException.class)
                .hasMessageContaining("for 'hey_jarvis', not 'alexa'");
        // the right file name with another checksum: refused by name, never loaded
        BundledModel altered = new BundledModel(WakeVerifiers.file("hey_jarvis").orElseThrow().resource(),
                "0".repeat(64));
        assertThatThrownBy(() -> WakeVerifier.load("hey_jarvis", altered))
                .isInstanceOf(ModelIntegrityException.class).hasMessageContaining("wake_verifier_hey_jarvis.bin");
    }

    @Test
    void aSpotterWhoseVerifierCannotLoadFallsBackToFirstStageScoring() throws Exception {
        Path f = TestAudio.speech(dir, "fallback", "en-us", "hey jarvis", 1.5, 1.0);
        List<WakeWordSpotter> heads = all(m -> {
            throw new IOException("wake verifier file for " + m + " is truncated");
        });
        List<WakeEvent> ev = wake(f, heads);
        assertThat(heads).allMatch(h -> h.verifier() == null);
        assertThat(ev).singleElement().satisfies(e -> {
            assertThat(e.model()).isEqualTo("hey_jarvis");
            assertThat(e.threshold()).isEqualTo(0.5); // the user's threshold: first-stage scoring as before
        });
    }

    @Test
    void inAStreamsFirstWindowTheFirstStageDecidesAloneAtTheUsersThreshold() throws Exception {
        // a verifier that declines everything: only the first 16 blocks (primer tokens in the window) can fire
        WakeWordSpotter.VerifierSource never = m -> {
            WakeVerifier v = WakeVerifiers.load(m);
            return new WakeVerifier(m, v.candidate(), v.cut(), v.mean(), v.scale(), new float[v.weights().length],
                    -100f);
        };
        Path start = TestAudio.speech(dir, "never-start", "en-us", "hey jarvis", 0, 1.0);
        Path later = TestAudio.speech(dir, "never-later", "en-us", "hey jarvis", 1.5, 1.0);
        assertThat(wake(start, all(never))).singleElement().satisfies(e -> {
            assertThat(e.model()).isEqualTo("hey_jarvis");
            assertThat(e.score()).isGreaterThanOrEqualTo(0.5);
            assertThat(e.t()).isLessThan(16 * 0.08);
        });
        assertThat(wake(later, all(never))).isEmpty();
    }
}
