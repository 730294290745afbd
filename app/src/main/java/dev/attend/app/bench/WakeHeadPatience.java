package dev.attend.app.bench;

import dev.attend.encoders.audio.wake.WakeOptions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Part of {@code attend bench wake --tune}: per model, what each patience (1–4 blocks, the rest of the rule as
 * given) costs in detections and saves in false accepts, on the tuning and the held-out split ({@link WakeSplit}),
 * so a model that fires on non-wake speech can be given more patience than the others.
 */
final class WakeHeadPatience {

    private WakeHeadPatience() {
    }

    static void print(List<String> voices, List<WakeRawScores> det, List<WakeRawScores> fa, int offsets,
                      WakeOptions rule, PrintWriter out) {
        boolean[] tuneVoice = WakeSplit.voices(voices);
        List<WakeRawScores> faTune = new ArrayList<>();
        List<WakeRawScores> faHeld = new ArrayList<>();
        for (int i = 0; i < fa.size(); i++) {
            (WakeSplit.segment(i) ? faTune : faHeld).add(fa.get(i));
        }
        List<String> models = List.copyOf(WakeBench.WORDS.keySet());
        out.printf(Locale.ROOT, "%n  per model and patience (%s, one patience for all models; tuning %.2f h / "
                + "held-out %.2f h): pairs at every offset, clips, false accepts%n", WakeTune.describe(rule),
                WakeBenchFalseAccepts.hours(faTune), WakeBenchFalseAccepts.hours(faHeld));
        for (int patience = 1; patience <= 4; patience++) {
            WakeOptions r = rule.withPatience(patience).withExtraPatience(Map.of());
            int[][] every = new int[2][models.size()];
            int[][] pairs = new int[2][models.size()];
            int[][] hits = new int[2][models.size()];
            for (int v = 0; v < det.size(); v++) {
                int side = tuneVoice[v] ? 0 : 1;
                var res = WakeBenchDetection.voice(voices.get(v), det.get(v), offsets, WakeBench.baseline(rule), r);
                for (int w = 0; w < models.size(); w++) {
                    String a = res.robust().get(w);
                    hits[side][w] += (int) a.chars().filter(c -> c == 'x').count();
                    if (res.single().get(w).indexOf('x') >= 0) {
                        pairs[side][w]++;
                        every[side][w] += a.indexOf('.') < 0 ? 1 : 0;
                    }
                }
            }
            int[][] falseAccepts = {WakeBenchFalseAccepts.count(faTune, r, null),
                WakeBenchFalseAccepts.count(faHeld, r, null)};
            List<String> heads = fa.get(0).heads();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "    patience %d:", patience));
            for (int w = 0; w < models.size(); w++) {
                int h = heads.indexOf(models.get(w));
                line.append(String.format(Locale.ROOT, "  %s tune %d/%d %d FA %d, held %d/%d %d FA %d;",
                        models.get(w), every[0][w], pairs[0][w], hits[0][w], falseAccepts[0][h], every[1][w],
                        pairs[1][w], hits[1][w], falseAccepts[1][h]));
            }
            out.println(line);
        }
        out.flush();
    }
}
