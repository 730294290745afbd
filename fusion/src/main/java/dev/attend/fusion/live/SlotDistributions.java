package dev.attend.fusion.live;

import dev.attend.fusion.model.SlotWords;
import java.util.LinkedHashMap;
import java.util.Map;

/** The slot heads' logits (action, number, unit side by side) as the assistant's slot distributions. */
final class SlotDistributions {

    private SlotDistributions() {
    }

    static Map<String, Map<String, Double>> of(float[] logits) {
        int a = SlotWords.HEAD_SIZES[0];
        int n = SlotWords.HEAD_SIZES[1];
        int u = SlotWords.HEAD_SIZES[2];
        double[] action = softmax(logits, 0, a);
        double[] number = softmax(logits, a, n);
        double[] unit = softmax(logits, a + n, u);
        Map<String, Double> actions = new LinkedHashMap<>();
        double z = sum(action); // without "none" (summed, not 1 − p(none): that cancels when "none" is sure)
        for (int i = 1; i < a; i++) {
            actions.put(SlotWords.ACTIONS.get(i), z > 0 ? action[i] / z : 1.0 / (a - 1));
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        double total = sum(number) * sum(unit);
        for (int i = 1; i < n; i++) {
            for (int j = 1; j < u; j++) {
                double p = total > 0 ? number[i] * unit[j] / total : 1.0 / ((n - 1) * (u - 1));
                seconds.merge(Long.toString(SlotWords.seconds(i, j)), p, Double::sum);
            }
        }
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        out.put("action", actions);
        out.put("duration", seconds);
        return out;
    }

    /** Sum of all but class 0 ("none"). */
    private static double sum(double[] p) {
        double s = 0;
        for (int i = 1; i < p.length; i++) {
            s += p[i];
        }
        return s;
    }

    private static double[] softmax(float[] v, int from, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, v[from + i]);
        }
        double[] e = new double[n];
        double z = 0;
        for (int i = 0; i < n; i++) {
            e[i] = Math.exp(v[from + i] - max);
            z += e[i];
        }
        for (int i = 0; i < n; i++) {
            e[i] /= z;
        }
        return e;
    }
}
