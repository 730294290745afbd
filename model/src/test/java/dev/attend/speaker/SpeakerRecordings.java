package dev.attend.speaker;

import dev.attend.encoders.audio.TestAudio;
import dev.attend.event.AsrEvents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Generated multi-speaker recordings of {@link SpeakerCorpus} voices with their truth, and scoring of a session's
 * labels against it (best one-to-one mapping of labels to voices).
 */
final class SpeakerRecordings {

    private SpeakerRecordings() {
    }

    /** Truth of one utterance of a generated recording: which voice and sentence, and when it starts and ends. */
    record Turn(String voice, int sentence, double start, double end) {
    }

    /** The order of a recording: 24 utterances of {@code voices}, 1–3 per turn, no voice twice in a row. */
    static List<Turn> plan(long seed, List<String> voices) {
        Random rng = new Random(seed);
        Map<String, List<Integer>> unused = new LinkedHashMap<>();
        for (String v : voices) {
            List<Integer> l = new ArrayList<>();
            for (int i = 0; i < SpeakerCorpus.SENTENCES.size(); i++) {
                l.add(i);
            }
            Collections.shuffle(l, rng);
            unused.put(v, l);
        }
        List<Turn> plan = new ArrayList<>();
        String prev = null;
        while (plan.size() < 24) {
            List<String> others = new ArrayList<>(voices);
            others.remove(prev);
            String v = others.get(rng.nextInt(others.size()));
            prev = v;
            for (int k = 1 + rng.nextInt(3); k > 0 && plan.size() < 24 && !unused.get(v).isEmpty(); k--) {
                plan.add(new Turn(v, unused.get(v).remove(0), 0, 0));
            }
        }
        return plan;
    }

    /** Writes the recording of {@link #plan} to {@code wav} (1 s between utterances) and returns its timed truth. */
    static List<Turn> record(Path dir, long seed, List<String> voices, Path wav) throws Exception {
        Path gap = TestAudio.silence(dir, "gap", 1.0);
        List<Path> parts = new ArrayList<>();
        List<Turn> truth = new ArrayList<>();
        double t = 0;
        for (Turn p : plan(seed, voices)) {
            Path u = SpeakerCorpus.utterance(dir, p.voice(), p.sentence());
            double len = TestAudio.seconds(u);
            truth.add(new Turn(p.voice(), p.sentence(), t, t + len));
            parts.add(u);
            parts.add(gap);
            t += len + 1.0;
        }
        TestAudio.concat(wav, parts);
        return truth;
    }

    /** The final that overlaps each utterance of the truth most (null where none does). */
    static List<AsrEvents.Final> matched(List<Turn> truth, List<AsrEvents.Final> finals) {
        List<AsrEvents.Final> out = new ArrayList<>();
        for (Turn turn : truth) {
            AsrEvents.Final best = null;
            double overlap = 0;
            for (AsrEvents.Final f : finals) {
                double o = Math.min(turn.end(), f.end()) - Math.max(turn.start(), f.t());
                if (o > overlap) {
                    overlap = o;
                    best = f;
                }
            }
            out.add(best);
        }
        return out;
    }

    /** Utterances whose label is their voice's, under the best one-to-one mapping of labels to voices. */
    static int correct(List<String> truthVoices, List<String> labels) {
        List<String> voices = truthVoices.stream().distinct().toList();
        List<String> names = labels.stream().filter(Objects::nonNull).distinct().toList();
        return bestMapping(truthVoices, labels, voices, names, new ArrayList<>(), 0);
    }

    private static int bestMapping(List<String> truth, List<String> labels, List<String> voices, List<String> names,
                                   List<String> chosen, int voice) {
        if (voice == voices.size()) {
            int c = 0;
            for (int i = 0; i < truth.size(); i++) {
                String l = chosen.get(voices.indexOf(truth.get(i)));
                if (labels.get(i) != null && labels.get(i).equals(l)) {
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
            best = Math.max(best, bestMapping(truth, labels, voices, names, chosen, voice + 1));
            chosen.remove(chosen.size() - 1);
        }
        return best;
    }
}
