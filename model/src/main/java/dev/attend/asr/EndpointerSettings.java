package dev.attend.asr;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * When the recognizer ends an utterance (Kaldi endpoint rules). {@link Mode} scales the model's own
 * trailing-silence rules; the delays, when set, replace them:
 * <ul>
 *   <li>{@code startMax}: seconds of silence with no speech at all after which an empty utterance ends (rule 1);</li>
 *   <li>{@code end}: seconds of trailing silence after speech that end an utterance (rules 2–4, the model's later
 *       rules keep their ratio to rule 2 but never go below {@code end});</li>
 *   <li>{@code max}: longest utterance in seconds (rule 5).</li>
 * </ul>
 * libvosk 0.3.45 has no endpointer calls, so these become option lines appended to a view of the model's
 * {@code conf/model.conf} (later lines win in Kaldi's config reader).
 *
 * @param mode     scale of the model's own trailing-silence rules
 * @param startMax rule 1 in seconds, or null for the model's value
 * @param end      rule 2 in seconds, or null for the model's value (scaled by {@code mode})
 * @param max      rule 5 in seconds, or null for the model's value
 */
public record EndpointerSettings(Mode mode, Double startMax, Double end, Double max) {

    /** Kaldi's built-in rule defaults, used when the model's model.conf does not set a rule. */
    static final double RULE2 = 0.5;
    static final double RULE3 = 1.0;
    static final double RULE4 = 2.0;

    /** Trailing-silence scale: SHORT ends utterances sooner, LONG and VERY_LONG wait longer. */
    public enum Mode {
        DEFAULT(1.0), SHORT(0.5), LONG(2.0), VERY_LONG(4.0);

        final double scale;

        Mode(double scale) {
            this.scale = scale;
        }
    }

    public static final EndpointerSettings MODEL_DEFAULT = new EndpointerSettings(Mode.DEFAULT, null, null, null);

    public EndpointerSettings {
        mode = mode == null ? Mode.DEFAULT : mode;
        check("startMax", startMax);
        check("end", end);
        check("max", max);
    }

    private static void check(String name, Double v) {
        if (v != null && (!(v > 0) || v > 3600 || v.isNaN())) {
            throw new IllegalArgumentException("endpointer " + name + " must be in (0, 3600] seconds, not " + v);
        }
    }

    public static EndpointerSettings delays(double startMax, double end, double max) {
        return new EndpointerSettings(Mode.DEFAULT, startMax, end, max);
    }

    public static EndpointerSettings mode(Mode m) {
        return new EndpointerSettings(m, null, null, null);
    }

    /** True when the model's conf/model.conf is used unchanged. */
    public boolean isModelDefault() {
        return mode == Mode.DEFAULT && startMax == null && end == null && max == null;
    }

    /**
     * Option lines to append to the model's model.conf.
     *
     * @param modelConf the model's own options ({@code --name} → value), for the rules being scaled
     */
    public Map<String, String> overrides(Map<String, String> modelConf) {
        Map<String, String> o = new LinkedHashMap<>();
        if (isModelDefault()) {
            return o;
        }
        double r2 = rule(modelConf, 2, RULE2);
        double r3 = rule(modelConf, 3, RULE3);
        double r4 = rule(modelConf, 4, RULE4);
        double e = end != null ? end : r2 * mode.scale;
        double ratio = e / r2;
        o.put("--endpoint.rule2.min-trailing-silence", fmt(e));
        o.put("--endpoint.rule3.min-trailing-silence", fmt(Math.max(e, r3 * ratio)));
        o.put("--endpoint.rule4.min-trailing-silence", fmt(Math.max(e, r4 * ratio)));
        if (startMax != null) {
            o.put("--endpoint.rule1.min-trailing-silence", fmt(startMax));
        }
        if (max != null) {
            o.put("--endpoint.rule5.min-utterance-length", fmt(max));
        }
        return o;
    }

    private static double rule(Map<String, String> conf, int n, double fallback) {
        String v = conf.get("--endpoint.rule" + n + ".min-trailing-silence");
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException ex) {
            return fallback;
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** A stable key for sharing one loaded model among recognizers with the same settings. */
    public String key() {
        return mode + "/" + startMax + "/" + end + "/" + max;
    }
}
