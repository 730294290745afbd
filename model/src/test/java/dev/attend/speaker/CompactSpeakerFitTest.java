package dev.attend.speaker;

import dev.attend.speaker.compact.CepstralStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Run by hand: makes the shipped {@code speaker-compact.txt} from {@code <spk.fit>/files.csv}
 * ({@link CompactSpeakerDumpTest}): standardise the training voices' cepstral statistics, then ridge regression onto
 * libvosk's unit x-vectors of the same utterances. The ridge strength is the one of {@link #LAMBDAS} whose student
 * is closest (mean cosine) to the teacher on the tuning voices; held-out voices are not read.
 */
@EnabledIfSystemProperty(named = "spk.fit", matches = ".+")
class CompactSpeakerFitTest {

    /** Added to the within-speaker covariance before its inverse square root (chosen on tuning voices, 1e-4…1e-1). */
    static final double WCCN_RIDGE = 1e-3;
    static final double[] LAMBDAS = {1, 10, 30, 100, 300, 1000};
    private static final int IN = CepstralStats.DIM;
    private static final int OUT = 128;

    record Row(String set, String voice, double[] x, double[] t) {
    }

    static List<Row> read(Path csv) throws java.io.IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            String[] p = line.split(",");
            int off = p.length - IN - OUT;
            double[] x = new double[IN];
            double[] t = new double[OUT];
            for (int i = 0; i < IN; i++) {
                x[i] = Double.parseDouble(p[off + i]);
            }
            double n = 0;
            for (int i = 0; i < OUT; i++) {
                t[i] = Double.parseDouble(p[off + IN + i]);
                n += t[i] * t[i];
            }
            for (int i = 0; i < OUT; i++) {
                t[i] /= Math.sqrt(n);
            }
            rows.add(new Row(p[0], off == 3 ? p[1] : p[3], x, t));
        }
        return rows;
    }

    @Test
    void fit() throws Exception {
        Path dir = Path.of(System.getProperty("spk.fit"));
        List<Row> rows = read(dir.resolve("files.csv"));
        List<Row> train = rows.stream().filter(r -> r.set().equals("train")).toList();
        List<Row> tuning = rows.stream().filter(r -> r.set().equals("tuning")).toList();
        double[] mean = new double[IN];
        double[] scale = new double[IN];
        for (Row r : train) {
            for (int i = 0; i < IN; i++) {
                mean[i] += r.x()[i] / train.size();
            }
        }
        for (Row r : train) {
            for (int i = 0; i < IN; i++) {
                scale[i] += Math.pow(r.x()[i] - mean[i], 2) / train.size();
            }
        }
        for (int i = 0; i < IN; i++) {
            scale[i] = Math.sqrt(scale[i]);
        }
        double best = -2;
        double[][] chosen = null;
        double chosenLambda = 0;
        for (double lambda : LAMBDAS) {
            double[][] w = ridge(train, mean, scale, lambda);
            double cos = meanCosine(tuning, mean, scale, w);
            System.out.printf(Locale.ROOT, "lambda %.0f: tuning-voice cosine to the teacher %.4f%n", lambda, cos);
            if (cos > best) {
                best = cos;
                chosen = w;
                chosenLambda = lambda;
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("# Attend compact speaker vector: standardise 46 cepstral statistics (mean, scale), then a linear\n")
                .append("# map to vosk-model-spk-0.4's x-vector space (47 rows of 128: one per feature, then the bias).\n")
                .append(String.format(Locale.ROOT, "# ridge %.0f, %d training utterances of %d espeak-ng voices; "
                        + "made by CompactSpeakerFitTest%n", chosenLambda, train.size(),
                        train.stream().map(Row::voice).distinct().count()));
        line(out, mean);
        line(out, scale);
        for (double[] row : chosen) {
            line(out, row);
        }
        out.append("# within-speaker whitening of unit(unit(v) - background), 128 rows of 128 (WCCN, ridge ")
                .append(WCCN_RIDGE).append(")\n");
        for (double[] row : wccn(train, mean, scale, chosen, SpeakerBackground.shipped())) {
            line(out, row);
        }
        Files.writeString(dir.resolve("speaker-compact.txt"), out);
        System.out.printf(Locale.ROOT, "chose lambda %.0f (tuning cosine %.4f)%n", chosenLambda, best);
    }

    private static void line(StringBuilder out, double[] v) {
        for (int i = 0; i < v.length; i++) {
            out.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.6g", v[i]));
        }
        out.append('\n');
    }

    /** Ridge regression with an unpenalised bias: {@code (A'A + λI) W = A'T}, solved by Gaussian elimination. */
    static double[][] ridge(List<Row> rows, double[] mean, double[] scale, double lambda) {
        int d = IN + 1;
        double[][] a = new double[d][d + OUT];
        for (Row r : rows) {
            double[] z = new double[d];
            for (int i = 0; i < IN; i++) {
                z[i] = (r.x()[i] - mean[i]) / scale[i];
            }
            z[IN] = 1;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    a[i][j] += z[i] * z[j];
                }
                for (int j = 0; j < OUT; j++) {
                    a[i][d + j] += z[i] * r.t()[j];
                }
            }
        }
        for (int i = 0; i < IN; i++) {
            a[i][i] += lambda;
        }
        for (int c = 0; c < d; c++) {
            int p = c;
            for (int r = c + 1; r < d; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
                    p = r;
                }
            }
            double[] tmp = a[c];
            a[c] = a[p];
            a[p] = tmp;
            for (int r = 0; r < d; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k < d + OUT; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[][] w = new double[d][OUT];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < OUT; j++) {
                w[i][j] = a[i][d + j] / a[i][i];
            }
        }
        return w;
    }

    /** The student's vector of one row, before normalisation. */
    static float[] student(Row r, double[] mean, double[] scale, double[][] w) {
        double[] v = w[IN].clone();
        for (int i = 0; i < IN; i++) {
            double z = (r.x()[i] - mean[i]) / scale[i];
            for (int j = 0; j < OUT; j++) {
                v[j] += z * w[i][j];
            }
        }
        float[] f = new float[OUT];
        for (int j = 0; j < OUT; j++) {
            f[j] = (float) v[j];
        }
        return f;
    }

    /**
     * Within-class covariance normalisation: {@code (Sw + εI)^-1/2}, Sw the covariance of the training voices'
     * centred unit student vectors around their voice's mean.
     */
    static double[][] wccn(List<Row> train, double[] mean, double[] scale, double[][] w, SpeakerBackground bg) {
        java.util.Map<String, List<float[]>> byVoice = new java.util.LinkedHashMap<>();
        for (Row r : train) {
            float[] c = SpeakerVectors.normalized(bg.centred(student(r, mean, scale, w)));
            byVoice.computeIfAbsent(r.voice(), k -> new ArrayList<>()).add(c);
        }
        double[][] sw = new double[OUT][OUT];
        for (List<float[]> vs : byVoice.values()) {
            double[] m = new double[OUT];
            for (float[] v : vs) {
                for (int j = 0; j < OUT; j++) {
                    m[j] += v[j] / vs.size();
                }
            }
            for (float[] v : vs) {
                for (int a = 0; a < OUT; a++) {
                    for (int b = 0; b < OUT; b++) {
                        sw[a][b] += (v[a] - m[a]) * (v[b] - m[b]) / train.size();
                    }
                }
            }
        }
        for (int a = 0; a < OUT; a++) {
            sw[a][a] += WCCN_RIDGE;
        }
        return SymmetricMatrices.inverseSqrt(sw);
    }

    static double meanCosine(List<Row> rows, double[] mean, double[] scale, double[][] w) {
        double sum = 0;
        for (Row r : rows) {
            double[] v = w[IN].clone();
            for (int i = 0; i < IN; i++) {
                double z = (r.x()[i] - mean[i]) / scale[i];
                for (int j = 0; j < OUT; j++) {
                    v[j] += z * w[i][j];
                }
            }
            double dot = 0;
            double n = 0;
            for (int j = 0; j < OUT; j++) {
                dot += v[j] * r.t()[j];
                n += v[j] * v[j];
            }
            sum += dot / Math.sqrt(n);
        }
        return sum / rows.size();
    }
}
