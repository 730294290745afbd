package dev.attend.speaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attend.testing.ExternalTools;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compact vectors of espeak-ng speech (no libvosk): same voice closer than another voice; profiles by source. */
class CompactSpeakerVoicesTest {

    @TempDir
    Path dir;

    @Test
    void twoUtterancesOfOneVoiceAreCloserThanAMaleAndAFemaleVoice() throws Exception {
        assumeTrue(ExternalTools.available("espeak-ng", "--version") && ExternalTools.available("sox", "--version"));
        SpeakerBackground metric = dev.attend.speaker.compact.CompactSpeakerModel.shipped()
                .metric(SpeakerBackground.shipped());
        float[] m0 = SpeakerCorpus.compactVector(SpeakerCorpus.utterance(dir, "en-us+m3", 0));
        float[] m1 = SpeakerCorpus.compactVector(SpeakerCorpus.utterance(dir, "en-us+m3", 1));
        float[] f1 = SpeakerCorpus.compactVector(SpeakerCorpus.utterance(dir, "en-us+f2", 1));
        double same = metric.cosine(m0, m1);
        double other = metric.cosine(m0, f1);
        assertThat(same).as("same voice %s, m3 vs f2 %s", same, other).isGreaterThan(other + 0.1)
                .isGreaterThanOrEqualTo(SpeakerThresholds.COMPACT_VERIFY - 0.1);
        assertThat(other).isLessThan(SpeakerThresholds.COMPACT_REGROUP);
    }

    @Test
    void profilesOfTheOtherSourceAreNamedAndNotUsed() throws Exception {
        SpeakerProfile vosk = new SpeakerProfile("Ann", new float[128], 3, Instant.EPOCH);
        float[] v = new float[128];
        v[0] = 1;
        SpeakerProfile compact = new SpeakerProfile("Bob", v, 3, Instant.EPOCH, SpeakerVectorSource.COMPACT);
        SpeakerSetup setup = SpeakerSetup.shipped(SpeakerVectorSource.COMPACT, List.of(vosk, compact));
        assertThat(setup.otherSourceProfiles()).containsExactly(vosk);
        assertThat(setup.otherSourceMessage()).contains("Ann").contains("made from vosk speaker vectors")
                .contains("this session uses compact").contains("--speaker-vectors vosk");
        assertThat(setup.newLabeler().verifier().profiles()).extracting(SpeakerProfile::name).containsExactly("Bob");
        assertThat(setup.withVectors(SpeakerVectorSource.VOSK).otherSourceMessage()).contains("Bob");
        assertThat(SpeakerSetup.shipped(SpeakerVectorSource.VOSK, List.of(vosk)).otherSourceMessage()).isNull();
        assertThat(setup.withVectors(SpeakerVectorSource.VOSK).verify()).isEqualTo(SpeakerThresholds.VERIFY);
    }

    @Test
    void aSessionWithAProfileOfTheOtherSourceSaysSoAndStillLabelsWithCompactVectors() throws Exception {
        assumeTrue(ExternalTools.available("espeak-ng", "--version") && ExternalTools.available("sox", "--version"));
        Path wav = SpeakerCorpus.utterance(dir, "en-us+f2", 2);
        // Ann enrolled from this very voice with libvosk vectors: a compact session must not use her profile
        SpeakerProfile ann = new SpeakerProfile("Ann", SpeakerCorpus.vector(wav), 1, Instant.EPOCH);
        var events = dev.attend.asr.FileTranscriber.run(new dev.attend.asr.AsrStage(SpeakerCorpus.speechToneModel(),
                dev.attend.asr.RecognizerOptions.defaults(), SpeakerSetup.bundled(List.of(ann))), wav);
        assertThat(events).filteredOn(e -> e instanceof dev.attend.event.CoreEvents.SourceError).singleElement()
                .extracting(e -> ((dev.attend.event.CoreEvents.SourceError) e).message()).asString()
                .contains("Ann cannot be recognised").contains("--speaker-vectors vosk");
        var finals = dev.attend.asr.FileTranscriber.finals(events);
        assertThat(finals).hasSize(1);
        assertThat(finals.get(0).speaker()).isEqualTo("Speaker 1");
        assertThat(finals.get(0).speakerVector()).hasSize(128);
        assertThat(SpeakerVectors.cosine(finals.get(0).speakerVector(), SpeakerCorpus.compactVector(wav)))
                .as("the stage's vector over the final's span ≈ the whole file's").isGreaterThan(0.95);
    }
}
