package dev.attend.encoders.audio;

import dev.attend.onnx.OnnxNet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attend.audio.WavFileSource;
import dev.attend.encoders.audio.features.MelSpectrogram;
import dev.attend.encoders.audio.features.SpeechEmbedding;
import dev.attend.encoders.audio.vad.SileroVad;
import dev.attend.encoders.audio.vad.VadOptions;
import dev.attend.encoders.audio.vad.VadStage;
import dev.attend.encoders.audio.wake.WakeWordModel;
import dev.attend.event.CoreEvents;
import dev.attend.models.BundledModel;
import dev.attend.models.ModelIntegrityException;
import dev.attend.models.Sha256;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Pipeline;
import dev.attend.testing.EventCollector;
import dev.attend.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundledAudioModelsTest {

    @TempDir
    Path cache;

    private static List<BundledModel> all() {
        List<BundledModel> models = new ArrayList<>(List.of(AudioModels.SILERO_VAD, AudioModels.MELSPECTROGRAM,
                AudioModels.SPEECH_EMBEDDING));
        AudioModels.wakeWordNames().forEach(n -> models.add(AudioModels.wakeWord(n)));
        return models;
    }

    @Test
    void everyBundledFileMatchesItsRecordedSha256() throws Exception {
        assertThat(AudioModels.wakeWordNames()).containsExactly("hey_jarvis", "hey_mycroft", "alexa", "hey_rhasspy");
        for (BundledModel m : all()) {
            Path file = m.materialize(cache);
            assertThat(Sha256.of(file)).as(m.fileName()).isEqualTo(m.sha256());
            assertThat(file.getFileName().toString()).isEqualTo(m.fileName());
        }
    }

    @Test
    void modelsKeepTheirInputOutputContract() throws Exception {
        try (SileroVad vad = new SileroVad(OnnxNet.load(AudioModels.SILERO_VAD, cache))) {
            float p = vad.probability(new float[SileroVad.WINDOW]);
            assertThat(p).isBetween(0f, 0.1f); // digital silence is not speech
        }
        try (MelSpectrogram mel = new MelSpectrogram(OnnxNet.load(AudioModels.MELSPECTROGRAM, cache))) {
            assertThat(mel.frames(new float[1760])).hasDimensions(8, 32);
            assertThat(mel.frames(new float[1280])).hasNumberOfRows(5);
            assertThat(MelSpectrogram.frameCount(1760)).isEqualTo(8);
            assertThat(MelSpectrogram.frameCount(1280)).isEqualTo(5);
        }
        try (SpeechEmbedding emb = new SpeechEmbedding(OnnxNet.load(AudioModels.SPEECH_EMBEDDING, cache))) {
            float[] ones = new float[76 * 32];
            java.util.Arrays.fill(ones, 1f);
            assertThat(emb.embed(ones)).hasSize(96);
        }
        for (String name : AudioModels.wakeWordNames()) {
            try (WakeWordModel w = new WakeWordModel(name, OnnxNet.load(AudioModels.wakeWord(name), cache))) {
                assertThat(w.score(new float[16 * 96])).as(name).isBetween(0f, 1f);
            }
        }
    }

    @Test
    void aWrongChecksumFailsWithAMessageNamingTheFile() {
        BundledModel tampered = new BundledModel(AudioModels.SILERO_VAD.resource(), "0".repeat(64));
        assertThatThrownBy(() -> OnnxNet.load(tampered, cache))
                .isInstanceOf(ModelIntegrityException.class)
                .hasMessageContaining("silero_vad.onnx")
                .hasMessageContaining("does not match");
    }

    @Test
    void aDamagedCachedCopyIsReplacedByAVerifiedOne() throws Exception {
        Path file = AudioModels.MELSPECTROGRAM.materialize(cache);
        Files.write(file, new byte[] {1, 2, 3});
        try (OnnxNet net = OnnxNet.load(AudioModels.MELSPECTROGRAM, cache)) {
            assertThat(net.name()).isEqualTo("melspectrogram.onnx");
        }
        assertThat(Sha256.of(file)).isEqualTo(AudioModels.MELSPECTROGRAM.sha256());
    }

    @Test
    void aMissingResourceIsNamed() {
        BundledModel missing = new BundledModel("/dev/attend/resources/models/nope.onnx", "0".repeat(64));
        assertThatThrownBy(() -> OnnxNet.load(missing, cache))
                .isInstanceOf(ModelIntegrityException.class)
                .hasMessageContaining("nope.onnx");
    }

    @Test
    void anUnknownWakeWordListsTheBundledOnes() {
        assertThatThrownBy(() -> AudioModels.wakeWord("hey_siri"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hey_siri")
                .hasMessageContaining("hey_jarvis, hey_mycroft, alexa, hey_rhasspy");
    }

    @Test
    void aSessionWithADamagedVadModelReportsTheFileAndGoesOn() throws Exception {
        Path wav = cache.resolve("tone.wav");
        ExternalTools.exec("sox", "-R", "-n", "-r", "16000", "-c", "1", "-b", "16", wav.toString(),
                "synth", "1", "sine", "440");
        BundledModel tampered = new BundledModel(AudioModels.SILERO_VAD.resource(), "0".repeat(64));
        EventCollector events = new EventCollector();
        try (Pipeline p = Pipeline.builder().source(new WavFileSource(wav)).pacing(Pacing.FAST).events(events)
                .audioStage(new VadStage(VadOptions.defaults(), () -> new SileroVad(OnnxNet.load(tampered, cache))))
                .build()) {
            p.start();
            assertThat(p.awaitEnd(Duration.ofSeconds(60))).isTrue();
        }
        assertThat(events.ofType(CoreEvents.SourceError.class)).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("vad");
            assertThat(e.message()).contains("silero_vad.onnx");
            assertThat(e.fatal()).isFalse();
        });
        assertThat(events.ofType(CoreEvents.SessionEnd.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("eof"));
    }
}
