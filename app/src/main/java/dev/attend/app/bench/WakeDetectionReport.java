package dev.attend.app.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The detection half of {@code attend bench wake}'s report: rates per model, per offset, per voice, the goal. */
final class WakeDetectionReport {

    private WakeDetectionReport() {
    }

    /** One voice's clips: marks per word and offset, and what else fired. */
    record VoiceResult(String voice, List<String> single, List<String> robust, int wrongS, int wrongA,
                               int doubleA, int[] phaseOfPeak, int[] phaseHits, double cpu, double audio) {
    }

    static void print(List<VoiceResult> results, int n, int phases, PrintWriter out) {
        int[][] hitsS = new int[WakeBench.WORDS.size()][n];
        int[][] hitsA = new int[WakeBench.WORDS.size()][n];
        int[] phaseOfPeak = new int[phases];
        int[] phaseHits = new int[phases];
        int wrongS = 0;
        int wrongA = 0;
        int doubleA = 0;
        int eligible = 0;
        double cpu = 0;
        double audio = 0;
        List<String> shortfalls = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        List<String> models = List.copyOf(WakeBench.WORDS.keySet());
        for (VoiceResult v : results) {
            table.append(String.format(Locale.ROOT, "  %-22s", v.voice()));
            StringBuilder perPhase = new StringBuilder();
            for (int wi = 0; wi < models.size(); wi++) {
                String ms = v.single().get(wi);
                String ma = v.robust().get(wi);
                for (int k = 0; k < n; k++) {
                    hitsS[wi][k] += ms.charAt(k) == 'x' ? 1 : 0;
                    hitsA[wi][k] += ma.charAt(k) == 'x' ? 1 : 0;
                }
                if (ms.indexOf("x") >= 0) {
                    eligible++;
                    if (ma.indexOf(".") >= 0) {
                        shortfalls.add(v.voice() + " " + models.get(wi) + " (openWakeWord " + ms + ", Attend " + ma
                                + ")");
                    }
                }
                table.append(String.format(Locale.ROOT, " %s o:%s a:%s", abbrev(models.get(wi)), ms, ma));
            }
            for (int p = 0; p < phases; p++) {
                perPhase.append(p == 0 ? "" : "/").append(v.phaseHits()[p]);
            }
            table.append(String.format(Locale.ROOT, "  phases %s of %d", perPhase, n * models.size()));
            table.append('\n');
            for (int p = 0; p < phaseOfPeak.length; p++) {
                phaseOfPeak[p] += v.phaseOfPeak()[p];
                phaseHits[p] += v.phaseHits()[p];
            }
            wrongS += v.wrongS();
            wrongA += v.wrongA();
            doubleA += v.doubleA();
            cpu += v.cpu();
            audio += v.audio();
        }
        int clips = results.size() * n;
        out.println("  model          openWakeWord (1 phase)   Attend (phase-robust)");
        int totS = 0;
        int totA = 0;
        for (int wi = 0; wi < models.size(); wi++) {
            int a = Arrays.stream(hitsS[wi]).sum();
            int b = Arrays.stream(hitsA[wi]).sum();
            totS += a;
            totA += b;
            out.printf(Locale.ROOT, "  %-14s %4d/%d %5.1f %%         %4d/%d %5.1f %%%n", models.get(wi), a, clips,
                    100.0 * a / clips, b, clips, 100.0 * b / clips);
        }
        int all = clips * WakeBench.WORDS.size();
        out.printf(Locale.ROOT, "  %-14s %4d/%d %5.1f %%         %4d/%d %5.1f %%%n", "all", totS, all,
                100.0 * totS / all, totA, all, 100.0 * totA / all);
        out.print("  by start offset (ms):       ");
        for (int k = 0; k < n; k++) {
            out.printf(Locale.ROOT, "%6d", 10 * k);
        }
        out.println();
        offsetRow(out, "openWakeWord (1 phase) %", hitsS, all / n);
        offsetRow(out, "Attend (phase-robust) %", hitsA, all / n);
        out.printf(Locale.ROOT, "  each phase alone (its own peak >= threshold), of %d clips:", all);
        for (int p = 0; p < phases; p++) {
            out.printf(Locale.ROOT, " phase %d %.1f %%", p, 100.0 * phaseHits[p] / all);
        }
        out.println();
        out.printf(Locale.ROOT, "  Attend's detections by the phase of their peak:");
        for (int p = 0; p < phaseOfPeak.length; p++) {
            out.printf(Locale.ROOT, " phase %d (-%d ms) %d", p, p * 80 / phaseOfPeak.length, phaseOfPeak[p]);
        }
        out.println();
        out.printf(Locale.ROOT, "  another model fired on a clip: openWakeWord %d, Attend %d times; Attend fired twice "
                + "on one clip: %d%n", wrongS, wrongA, doubleA);
        out.printf(Locale.ROOT, "  goal: of %d voice x word pairs openWakeWord detects at some offset, Attend detects "
                + "%d at every offset%n", eligible, eligible - shortfalls.size());
        for (String f : shortfalls) {
            out.println("    short: " + f);
        }
        out.printf(Locale.ROOT, "  per voice (o: openWakeWord, a: Attend; one mark per offset, x = detected):%n%s",
                table);
        out.printf(Locale.ROOT, "  scoring CPU %.1f s for %.0f s of clips = real-time factor %.4f%n", cpu, audio,
                cpu / audio);
        out.flush();
    }

    private static void offsetRow(PrintWriter out, String label, int[][] hits, int perOffset) {
        out.printf(Locale.ROOT, "    %-26s", label);
        for (int k = 0; k < hits[0].length; k++) {
            int h = 0;
            for (int[] row : hits) {
                h += row[k];
            }
            out.printf(Locale.ROOT, "%6.1f", 100.0 * h / perOffset);
        }
        out.println();
    }

    private static String abbrev(String model) {
        return switch (model) {
            case "hey_jarvis" -> "jarvis";
            case "hey_mycroft" -> "mycroft";
            case "hey_rhasspy" -> "rhasspy";
            default -> model;
        };
    }

}
