package dev.attend.speaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attend.asr.AsrStage;
import dev.attend.asr.FileTranscriber;
import dev.attend.asr.RecognizerOptions;
import dev.attend.event.AsrEvents;
import dev.attend.testing.ExternalTools;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bars on the held-out voices ({@link SpeakerCorpus#HELD_OUT_VOICES}, never used to choose the
 * thresholds or the background), at the shipped settings, with real libvosk through the ASR stage. Known answers
 * measured on this build; {@code -Dspk.sessions=N} scores N seeded recordings and prints each (the figure in
 * docs/performance.md). The default vectors (compact) unless {@code -Dspk.vectors=vosk}.
 */
class SpeakerHeldOutTest {

    @TempDir
    static Path dir;

    static final SpeakerVectorSource SOURCE = SpeakerVectorSource.parse(System.getProperty("spk.vectors",
            SpeakerVectorSource.DEFAULT.id()));

    @BeforeAll
    static void tools() {
        assumeTrue(ExternalTools.available("espeak-ng", "--version") && ExternalTools.available("sox", "--version"),
                "espeak-ng and sox are needed to make the test speech");
    }

    @Test
    void aFourSpeakerHeldOutRecordingGetsTheRightSpeakerOnAtLeast95PercentOfUtterances() throws Exception {
        int sessions = Integer.getInteger("spk.sessions", 1);
        SpeakerSetup shipped = SpeakerSetup.shipped(SOURCE, List.of());
        if (SOURCE == SpeakerVectorSource.VOSK) {
            shipped = shipped.withModelDir(SpeakerCorpus.speakerModel());
        }
        int total = 0;
        int right = 0;
        int rightAtFinal = 0;
        for (int s = 0; s < sessions; s++) {
            Path wav = dir.resolve("held-out-" + s + ".wav");
            List<SpeakerRecordings.Turn> truth = SpeakerRecordings.record(dir, 1000 + s,
                    SpeakerCorpus.HELD_OUT_VOICES, wav);
            List<dev.attend.event.AttendEvent> events = FileTranscriber.run(
                    new AsrStage(SpeakerCorpus.speechToneModel(), RecognizerOptions.defaults(), shipped), wav);
            List<AsrEvents.Final> finals = FileTranscriber.finals(events);
            List<String> voices = truth.stream().map(SpeakerRecordings.Turn::voice).toList();
            List<AsrEvents.Final> matched = SpeakerRecordings.matched(truth, finals);
            int atFinal = SpeakerRecordings.correct(voices, matched.stream()
                    .map(f -> f == null ? null : f.speaker()).toList());
            // the lines as captions and history show them at the end: each final's label, then its relabels
            Map<Integer, String> shown = new java.util.HashMap<>();
            for (var e : events) {
                if (e instanceof AsrEvents.Final f) {
                    shown.put(f.utterance(), f.speaker());
                } else if (e instanceof AsrEvents.Relabel r) {
                    shown.put(r.utterance(), r.speaker());
                    System.out.println("relabel: " + dev.attend.event.EventCodec.encode(r));
                }
            }
            int c = SpeakerRecordings.correct(voices, matched.stream()
                    .map(f -> f == null ? null : shown.get(f.utterance())).toList());
            System.out.printf("held-out recording %d (seed %d): %d finals, %d/24 right at the end (%d as each final "
                    + "was sent), labels %s%n", s, 1000 + s, finals.size(), c, atFinal, shown);
            total += truth.size();
            right += c;
            rightAtFinal += atFinal;
            if (s == 0) {
                assertEquals(24, finals.size(), "one final per utterance");
                assertEquals(24, c, "every utterance right once the session has been regrouped (measured: 24/24)");
            }
        }
        System.out.printf("held-out recordings: %d/%d right at the end (%.1f %%), %d as sent (%.1f %%)%n", right,
                total, 100.0 * right / total, rightAtFinal, 100.0 * rightAtFinal / total);
    }

    @Test
    void eachHeldOutVoiceEnrolledIsAcceptedAndNoOtherVoiceIs() throws Exception {
        Map<String, List<float[]>> vectors = new LinkedHashMap<>();
        for (String v : SpeakerCorpus.HELD_OUT_VOICES) {
            List<float[]> l = new ArrayList<>();
            for (int i = 0; i < SpeakerCorpus.SENTENCES.size(); i++) {
                Path wav = SpeakerCorpus.utterance(dir, v, i);
                l.add(SOURCE == SpeakerVectorSource.VOSK ? SpeakerCorpus.vector(wav) : SpeakerCorpus.compactVector(wav));
            }
            vectors.put(v, l);
        }
        int falseAccepts = 0;
        int falseRejects = 0;
        int own = 0;
        StringBuilder report = new StringBuilder();
        for (String v : SpeakerCorpus.HELD_OUT_VOICES) {
            // the profile as enrolment makes it: the mean direction of 4 utterances
            SpeakerProfile p = new SpeakerProfile(v, SpeakerVectors.meanDirection(vectors.get(v).subList(0, 4)), 4,
                    Instant.EPOCH, SOURCE);
            SpeakerVerifier verifier = SpeakerSetup.shipped(SOURCE, List.of(p)).newLabeler().verifier();
            int fr = 0;
            for (float[] x : vectors.get(v).subList(4, 12)) {
                fr += verifier.isEnrolled(x) ? 0 : 1;
                own++;
            }
            int fa = 0;
            for (String w : SpeakerCorpus.HELD_OUT_VOICES) {
                if (!w.equals(v)) {
                    for (float[] x : vectors.get(w)) {
                        fa += verifier.isEnrolled(x) ? 1 : 0;
                    }
                }
            }
            report.append(String.format("%s: %d/36 false accepts, %d/8 false rejects; ", v, fa, fr));
            falseAccepts += fa;
            falseRejects += fr;
        }
        System.out.println(SOURCE.id() + " verification at " + SpeakerSetup.shipped(SOURCE, List.of()).verify()
                + ": " + report);
        assertEquals(0, falseAccepts, report.toString());
        assertTrue(falseRejects <= 0.05 * own, "at most 5 % false rejects overall: " + report);
    }
}
