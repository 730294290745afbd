package dev.attend.speaker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

@EnabledIfSystemProperty(named = "spk.experiment", matches = ".+")
class SpeakerExperimentTest {

    public static void main(String[] args) throws Exception {
        new SpeakerExperimentTest().cosines();
    }

    @Test
    void cosines() throws Exception {
        Path dir = Path.of(System.getProperty("spk.experiment"));
        Files.createDirectories(dir);
        List<String> voices = new ArrayList<>(List.of(System.getProperty("spk.voices",
                String.join(",", SpeakerCorpus.TUNING_VOICES)).split(",")));
        int n = Integer.getInteger("spk.n", 6);
        Map<String, List<float[]>> vecs = new LinkedHashMap<>();
        for (String v : voices) {
            List<float[]> l = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Path wav = SpeakerCorpus.utterance(dir, v, i);
                long t0 = System.nanoTime();
                float[] x = SpeakerCorpus.vector(wav);
                System.out.printf("%s %d %.2fs%n", v, i, (System.nanoTime() - t0) / 1e9);
                if (x == null) {
                    System.out.println("NO VECTOR " + v + " " + i);
                    continue;
                }
                l.add(x);
                StringBuilder line = new StringBuilder(v + "," + i);
                for (float f : x) {
                    line.append(',').append(f);
                }
                Files.writeString(dir.resolve("vectors.csv"), line + "\n", java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            }
            vecs.put(v, l);
        }
        String background = System.getProperty("spk.background");
        if (background != null) {
            writeBackground(Path.of(background), vecs);
        }
        for (String a : voices) {
            StringBuilder sb = new StringBuilder(String.format("%-16s", a));
            for (String b : voices) {
                double min = 2, max = -2, sum = 0;
                int c = 0;
                List<float[]> la = vecs.get(a), lb = vecs.get(b);
                for (int i = 0; i < la.size(); i++) {
                    for (int j = 0; j < lb.size(); j++) {
                        if (a.equals(b) && i >= j) continue;
                        double s = SpeakerVectors.cosine(la.get(i), lb.get(j));
                        min = Math.min(min, s); max = Math.max(max, s); sum += s; c++;
                    }
                }
                sb.append(String.format(" %.2f/%.2f/%.2f", min, sum / c, max));
            }
            System.out.println(sb);
        }
    }

    /**
     * The shipped {@code speaker-background.vec}: the mean of the unit-length vectors of every voice here except the
     * held-out ones, one number per line.
     */
    private static void writeBackground(Path out, Map<String, List<float[]>> vecs) throws java.io.IOException {
        double[] sum = new double[128];
        int n = 0;
        for (var e : vecs.entrySet()) {
            if (SpeakerCorpus.HELD_OUT_VOICES.contains(e.getKey())) {
                continue;
            }
            for (float[] x : e.getValue()) {
                float[] u = SpeakerVectors.normalized(x);
                for (int i = 0; i < u.length; i++) {
                    sum[i] += u[i];
                }
                n++;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (double d : sum) {
            sb.append(String.format(java.util.Locale.ROOT, "%.7f%n", d / n));
        }
        Files.writeString(out, sb);
        System.out.println("background of " + n + " utterances written to " + out);
    }
}
