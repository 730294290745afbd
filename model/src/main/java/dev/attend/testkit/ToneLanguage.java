package dev.attend.testkit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The "tone language" of the generated test model: four pure tones A–D placed at the centre frequencies of Kaldi
 * fbank mel bins, and words made of tone sequences. Silence is phone 1; tone {@code t} has four position-dependent
 * phones (begin, end, internal, singleton — needed for word timings) that share one pdf.
 */
public final class ToneLanguage {

    /** Mel bins of the 40-bin fbank (20–8000 Hz) whose centres the tones sit on. */
    static final int[] TONE_BINS = {10, 16, 22, 28};
    static final int MEL_BINS = 40;
    static final double LOW_HZ = 20.0;
    static final double HIGH_HZ = 8000.0;
    public static final int TONES = TONE_BINS.length;
    /** Phone positions in the order of their phone ids. */
    static final String[] POSITIONS = {"begin", "end", "internal", "singleton"};
    static final int SILENCE_PHONE = 1;
    static final int PHONES = 1 + 4 * TONES;
    /** pdf 0 = silence, 1 + t = tone t. */
    static final int PDFS = 1 + TONES;
    /** Two transitions (self-loop, exit) per phone. */
    static final int TRANSITION_IDS = 2 * PHONES;

    /** Seconds per tone that the synthesizer uses and the graph is sized for. */
    public static final double TONE_SECONDS = 0.15;

    private static final Map<String, int[]> DEFAULT_WORDS = new LinkedHashMap<>();

    static {
        DEFAULT_WORDS.put("one", new int[]{0, 1});
        DEFAULT_WORDS.put("two", new int[]{1, 2});
        DEFAULT_WORDS.put("three", new int[]{2, 3});
        DEFAULT_WORDS.put("four", new int[]{3, 0});
        DEFAULT_WORDS.put("five", new int[]{0, 2});
        DEFAULT_WORDS.put("six", new int[]{1, 3});
        DEFAULT_WORDS.put("seven", new int[]{2, 0});
        DEFAULT_WORDS.put("eight", new int[]{3, 1});
        DEFAULT_WORDS.put("nine", new int[]{0, 3});
        DEFAULT_WORDS.put("zero", new int[]{1, 0});
    }

    private ToneLanguage() {
    }

    /** The ten words of the default lexicon, in word-id order, with their tone indices (0 = A … 3 = D). */
    public static Map<String, int[]> defaultWords() {
        Map<String, int[]> copy = new LinkedHashMap<>();
        DEFAULT_WORDS.forEach((w, t) -> copy.put(w, t.clone()));
        return copy;
    }

    public static List<String> defaultWordList() {
        return List.copyOf(DEFAULT_WORDS.keySet());
    }

    static double mel(double hz) {
        return 1127.0 * Math.log(1.0 + hz / 700.0);
    }

    static double inverseMel(double mel) {
        return 700.0 * (Math.exp(mel / 1127.0) - 1.0);
    }

    /** Centre frequency of fbank bin {@code b}, as Kaldi computes its triangular filters. */
    static double binCentreHz(int b) {
        double lo = mel(LOW_HZ);
        double step = (mel(HIGH_HZ) - lo) / (MEL_BINS + 1);
        return inverseMel(lo + (b + 1) * step);
    }

    /** Frequency of tone {@code t} in Hz. */
    public static double toneHz(int t) {
        if (t < 0 || t >= TONES) {
            throw new IllegalArgumentException("tone index must be 0.." + (TONES - 1) + ", not " + t);
        }
        return binCentreHz(TONE_BINS[t]);
    }

    static char toneName(int t) {
        return (char) ('A' + t);
    }

    /** Phone id of tone {@code t} at word position {@code pos} (index into {@link #POSITIONS}). */
    static int phone(int tone, int pos) {
        return 2 + 4 * tone + pos;
    }

    static int pdfOfPhone(int p) {
        return p == SILENCE_PHONE ? 0 : 1 + (p - 2) / 4;
    }

    /** Transition ids: the transition state of phone p is p (one triple per phone, sorted). */
    static int loopTid(int phone) {
        return 2 * phone - 1;
    }

    static int exitTid(int phone) {
        return 2 * phone;
    }

    /** Position-dependent phones of a word's tones. */
    static int[] wordPhones(int[] tones) {
        if (tones.length == 1) {
            return new int[]{phone(tones[0], 3)};
        }
        int[] p = new int[tones.length];
        p[0] = phone(tones[0], 0);
        for (int i = 1; i < tones.length - 1; i++) {
            p[i] = phone(tones[i], 2);
        }
        p[tones.length - 1] = phone(tones[tones.length - 1], 1);
        return p;
    }

    static String phoneName(int p) {
        if (p == SILENCE_PHONE) {
            return "SIL";
        }
        int t = (p - 2) / 4;
        return String.format(Locale.ROOT, "%c_%s", toneName(t), "BEIS".charAt((p - 2) % 4));
    }
}
