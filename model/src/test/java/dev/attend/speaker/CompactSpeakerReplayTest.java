package dev.attend.speaker;

import dev.attend.speaker.compact.CompactSpeakerModels;
import dev.attend.speaker.compact.CompactSpeakerModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Run by hand: replays {@link CompactSpeakerDumpTest}'s {@code streams.csv} and {@code files.csv}
 * ({@code -Dspk.replay=DIR}) through the shipped {@link SpeakerRegrouper} and verifier rule with the teacher's
 * (libvosk) and the student's (compact, {@code DIR/speaker-compact.txt} or the shipped weights) vectors. Thresholds
 * are chosen on the tuning voices only; the held-out voices are scored once with them.
 */
@EnabledIfSystemProperty(named = "spk.replay", matches = ".+")
class CompactSpeakerReplayTest {

    record Utt(String set, long seed, int index, String voice, float[] teacher, float[] student) {
    }

    @Test
    void replay() throws Exception {
        Path dir = Path.of(System.getProperty("spk.replay"));
        Path weights = dir.resolve("speaker-compact.txt");
        CompactSpeakerModel model = Files.exists(weights) ? CompactSpeakerModels.fromFile(weights)
                : CompactSpeakerModel.shipped();
        List<Utt> streams = read(dir.resolve("streams.csv"), model, true);
        List<Utt> files = read(dir.resolve("files.csv"), model, false);
        SpeakerBackground shipped = SpeakerBackground.shipped();
        for (boolean student : new boolean[] {false, true}) {
            String who = student ? "student" : "teacher";
            SpeakerBackground bg = student ? model.metric(shipped) : shipped;
            double bestT = 0;
            double bestB = 0;
            double best = -1;
            for (double t = 0.30; t <= 0.951; t += 0.02) {
                for (double b : new double[] {0, 0.05, 0.10}) {
                    double acc = assignment(streams, "tuning", t, b, bg, student, false);
                    if (b == 0.05 && acc > 0.9) {
                        System.out.printf(Locale.ROOT, "  %s tuning %.2f/+%.2f %.1f %%%n", who, t, b, 100 * acc);
                    }
                    if (acc > best + 1e-9) {
                        best = acc;
                        bestT = t;
                        bestB = b;
                    }
                }
            }
            double join = student ? SpeakerThresholds.COMPACT_REGROUP : SpeakerThresholds.REGROUP;
            double bonus = student ? SpeakerThresholds.COMPACT_REGROUP_ADJACENT : SpeakerThresholds.REGROUP_ADJACENT;
            System.out.printf(Locale.ROOT, "%s: tuning best %.2f/+%.2f %.1f %%; at shipped %.2f/+%.2f %.1f %%%n", who,
                    bestT, bestB, 100 * best, join, bonus, 100 * assignment(streams, "tuning", join, bonus, bg,
                            student, false));
            System.out.printf(Locale.ROOT, "%s: held-out at shipped %.2f/+%.2f %.1f %%%n", who, join, bonus,
                    100 * assignment(streams, "held-out", join, bonus, bg, student, true));
            double verify = verifyThreshold(files, bg, student);
            System.out.printf(Locale.ROOT, "%s: verify threshold from tuning voices %.3f%n", who, verify);
            verification(files, bg, student, verify);
            verification(files, bg, student, student ? SpeakerThresholds.COMPACT_VERIFY : SpeakerThresholds.VERIFY);
        }
        double sum = 0;
        double min = 2;
        int n = 0;
        for (Utt u : files) {
            if (u.set().equals("held-out")) {
                double c = SpeakerVectors.cosine(u.teacher(), u.student());
                sum += c;
                min = Math.min(min, c);
                n++;
            }
        }
        System.out.printf(Locale.ROOT, "cosine(student, teacher), held-out files: mean %.3f, min %.3f (%d)%n",
                sum / n, min, n);
    }

    static List<Utt> read(Path csv, CompactSpeakerModel model, boolean stream) throws java.io.IOException {
        List<Utt> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            String[] p = line.split(",");
            int off = p.length - 46 - 128;
            double[] x = new double[46];
            float[] t = new float[128];
            for (int i = 0; i < 46; i++) {
                x[i] = Double.parseDouble(p[off + i]);
            }
            for (int i = 0; i < 128; i++) {
                t[i] = Float.parseFloat(p[off + 46 + i]);
            }
            float[] s = CompactSpeakerModels.project(model, x);
            out.add(stream ? new Utt(p[0], Long.parseLong(p[1]), Integer.parseInt(p[2]), p[3], t, s)
                    : new Utt(p[0], 0, Integer.parseInt(p[2]), p[1], t, s));
        }
        return out;
    }

    /** Share of utterances labelled right as the session ends (after relabels), over every recording of the set. */
    static double assignment(List<Utt> all, String set, double t, double bonus, SpeakerBackground bg,
                             boolean student, boolean print) {
        Map<Long, List<Utt>> bySeed = new LinkedHashMap<>();
        for (Utt u : all) {
            if (u.set().equals(set)) {
                bySeed.computeIfAbsent(u.seed(), k -> new ArrayList<>()).add(u);
            }
        }
        int right = 0;
        int total = 0;
        StringBuilder per = new StringBuilder();
        for (List<Utt> rec : bySeed.values()) {
            SpeakerRegrouper g = new SpeakerRegrouper(t, bonus, bg);
            Map<Integer, Integer> label = new LinkedHashMap<>();
            for (Utt u : rec) {
                SpeakerRegrouper.Result r = g.add(u.index(), student ? u.student() : u.teacher());
                label.put(u.index(), r.speaker());
                label.putAll(r.relabelled());
            }
            List<String> truth = rec.stream().map(Utt::voice).toList();
            List<String> labels = rec.stream().map(u -> "S" + label.get(u.index())).toList();
            int c = SpeakerRecordings.correct(truth, labels);
            per.append(' ').append(c);
            right += c;
            total += rec.size();
        }
        if (print) {
            System.out.println("  per recording:" + per + " of " + total / Math.max(1, bySeed.size()));
        }
        return (double) right / total;
    }

    /** The lowest threshold with no false accept among tuning voices over 1,200 random 4-utterance profiles. */
    static double verifyThreshold(List<Utt> files, SpeakerBackground bg, boolean student) {
        List<Utt> tuning = files.stream().filter(u -> u.set().equals("tuning")).toList();
        List<String> voices = tuning.stream().map(Utt::voice).distinct().toList();
        Random rng = new Random(11);
        double max = -1;
        for (int k = 0; k < 1200; k++) {
            String v = voices.get(rng.nextInt(voices.size()));
            List<Utt> own = new ArrayList<>(tuning.stream().filter(u -> u.voice().equals(v)).toList());
            java.util.Collections.shuffle(own, rng);
            float[] profile = SpeakerVectors.meanDirection(own.subList(0, 4).stream()
                    .map(u -> student ? u.student() : u.teacher()).toList());
            for (Utt o : tuning) {
                if (!o.voice().equals(v)) {
                    max = Math.max(max, bg.cosine(profile, student ? o.student() : o.teacher()));
                }
            }
        }
        return Math.ceil(max * 100) / 100;
    }

    /** The bar's protocol: profile = utterances 0–3, own test 4–11, others all of the 3 other held-out voices. */
    static void verification(List<Utt> files, SpeakerBackground bg, boolean student, double threshold) {
        List<Utt> held = files.stream().filter(u -> u.set().equals("held-out")).toList();
        int fa = 0;
        int others = 0;
        int fr = 0;
        int own = 0;
        StringBuilder per = new StringBuilder();
        for (String v : SpeakerCorpus.HELD_OUT_VOICES) {
            List<Utt> mine = held.stream().filter(u -> u.voice().equals(v)).toList();
            float[] profile = SpeakerVectors.meanDirection(mine.stream().filter(u -> u.index() < 4)
                    .map(u -> student ? u.student() : u.teacher()).toList());
            int vfr = 0;
            for (Utt u : held) {
                double c = bg.cosine(profile, student ? u.student() : u.teacher());
                if (!u.voice().equals(v)) {
                    others++;
                    fa += c >= threshold ? 1 : 0;
                } else if (u.index() >= 4) {
                    own++;
                    vfr += c < threshold ? 1 : 0;
                }
            }
            fr += vfr;
            per.append(' ').append(v).append(' ').append(vfr).append("/8");
        }
        System.out.printf(Locale.ROOT, "  verify at %.2f: %d/%d false accepts, %d/%d false rejects (%s)%n",
                threshold, fa, others, fr, own, per.toString().strip());
    }
}
