package dev.attend.speaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attend.asr.AsrStage;
import dev.attend.asr.FileTranscriber;
import dev.attend.asr.RecognizerOptions;
import dev.attend.encoders.audio.TestAudio;
import dev.attend.event.AsrEvents;
import dev.attend.testing.ExternalTools;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bars on the held-out voices ({@link SpeakerCorpus#HELD_OUT_VOICES}, never used to choose the
 * thresholds or the background), at the shipped settings, with real libvosk through the ASR stage. Known answers
 * measured on this build; {@code -Dspk.sessions=N} scores N seeded recordings and prints each (the figure in
 * docs/performance.md).
 */
class SpeakerHeldOutTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void tools() {
        assumeTrue(ExternalTools.available("espeak-ng", "--version") && ExternalTools.available("sox", "--version"),
                "espeak-ng and sox are needed to make the test speech");
    }

    /** Truth of one generated recording: which voice says each utterance, and when it starts and ends. */
    private record Turn(String voice, double start, double end) {
    }

    /** 24 utterances of the four held-out voices, 1–3 per turn, no voice twice in a row, 1 s between. */
    private static List<Turn> record(long seed, Path wav) throws Exception {
        Random rng = new Random(seed);
        List<String> voices = SpeakerCorpus.HELD_OUT_VOICES;
        Map<String, List<Integer>> unused = new LinkedHashMap<>();
        for (String v : voices) {
            List<Integer> l = new ArrayList<>();
            for (int i = 0; i < SpeakerCorpus.SENTENCES.size(); i++) {
                l.add(i);
            }
            java.util.Collections.shuffle(l, rng);
            unused.put(v, l);
        }
        Path gap = TestAudio.silence(dir, "gap", 1.0);
        List<Path> parts = new ArrayList<>();
        List<Turn> truth = new ArrayList<>();
        double t = 0;
        String prev = null;
        while (truth.size() < 24) {
            List<String> others = new ArrayList<>(voices);
            others.remove(prev);
            String v = others.get(rng.nextInt(others.size()));
            prev = v;
            for (int k = 1 + rng.nextInt(3); k > 0 && truth.size() < 24 && !unused.get(v).isEmpty(); k--) {
                Path u = SpeakerCorpus.utterance(dir, v, unused.get(v).remove(0));
                double len = TestAudio.seconds(u);
                truth.add(new Turn(v, t, t + len));
                parts.add(u);
                parts.add(gap);
                t += len + 1.0;
            }
        }
        TestAudio.concat(wav, parts);
        return truth;
    }

    /** Utterances whose final's label is its voice's, under the best one-to-one mapping of labels to voices. */
    private static int correct(List<Turn> truth, List<AsrEvents.Final> finals) {
        List<String> labels = new ArrayList<>();
        for (Turn turn : truth) {
            String best = null;
            double overlap = 0;
            for (AsrEvents.Final f : finals) {
                double o = Math.min(turn.end(), f.end()) - Math.max(turn.start(), f.t());
                if (o > overlap && f.speaker() != null) {
                    overlap = o;
                    best = f.speaker();
                }
            }
            labels.add(best);
        }
        List<String> names = labels.stream().filter(java.util.Objects::nonNull).distinct().toList();
        return bestMapping(truth, labels, names, new ArrayList<>(), 0);
    }

    private static int bestMapping(List<Turn> truth, List<String> labels, List<String> names, List<String> chosen,
                                   int voice) {
        List<String> voices = SpeakerCorpus.HELD_OUT_VOICES;
        if (voice == voices.size()) {
            int c = 0;
            for (int i = 0; i < truth.size(); i++) {
                int v = voices.indexOf(truth.get(i).voice());
                if (labels.get(i) != null && labels.get(i).equals(chosen.get(v))) {
                    c++;
                }
            }
            return c;
        }
        int best = 0;
        List<String> options = new ArrayList<>(names);
        options.removeAll(chosen);
        options.add("(none)" + voice);
        for (String n : options) {
            chosen.add(n);
            best = Math.max(best, bestMapping(truth, labels, names, chosen, voice + 1));
            chosen.remove(chosen.size() - 1);
        }
        return best;
    }

    @Test
    void aFourSpeakerHeldOutRecordingGetsTheRightSpeakerOnAtLeast95PercentOfUtterances() throws Exception {
        int sessions = Integer.getInteger("spk.sessions", 1);
        SpeakerSetup shipped = SpeakerSetup.bundled(List.of()).withModelDir(SpeakerCorpus.speakerModel());
        int total = 0;
        int right = 0;
        for (int s = 0; s < sessions; s++) {
            Path wav = dir.resolve("held-out-" + s + ".wav");
            List<Turn> truth = record(1000 + s, wav);
            List<AsrEvents.Final> finals = FileTranscriber.finals(FileTranscriber.run(
                    new AsrStage(SpeakerCorpus.speechToneModel(), RecognizerOptions.defaults(), shipped), wav));
            int c = correct(truth, finals);
            System.out.printf("held-out recording %d (seed %d): %d finals, %d/24 right, labels %s%n", s, 1000 + s,
                    finals.size(), c, finals.stream().map(AsrEvents.Final::speaker).toList());
            total += truth.size();
            right += c;
            if (s == 0) {
                assertEquals(24, finals.size(), "one final per utterance");
                assertTrue(c >= 23, "at least 23 of 24 (95.8 %) right, not " + c);
            }
        }
        System.out.printf("held-out recordings: %d/%d right (%.1f %%)%n", right, total, 100.0 * right / total);
    }

    @Test
    void eachHeldOutVoiceEnrolledIsAcceptedAndNoOtherVoiceIs() throws Exception {
        Map<String, List<float[]>> vectors = new LinkedHashMap<>();
        for (String v : SpeakerCorpus.HELD_OUT_VOICES) {
            List<float[]> l = new ArrayList<>();
            for (int i = 0; i < SpeakerCorpus.SENTENCES.size(); i++) {
                l.add(SpeakerCorpus.vector(SpeakerCorpus.utterance(dir, v, i)));
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
                    Instant.EPOCH);
            SpeakerVerifier verifier = SpeakerVerifier.shipped(List.of(p));
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
        System.out.println("verification at " + SpeakerThresholds.VERIFY + ": " + report);
        assertEquals(0, falseAccepts, report.toString());
        assertTrue(falseRejects <= 0.05 * own, "at most 5 % false rejects overall: " + report);
    }
}
