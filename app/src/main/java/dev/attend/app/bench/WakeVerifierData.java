package dev.attend.app.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the second-stage verifiers are trained on: the wake words spoken by espeak-ng voices and variants that are
 * not among the bench's 32 detection voices (so no bench voice, tuning or held out, is ever a training positive),
 * at their own speeds and pitches, and near-miss phrases in the same voices; the negatives also come from the
 * tuning half of the corpus (never the held-out half).
 */
final class WakeVerifierData {

    /** Variants none of the bench voices use ({@code ""}, {@code +m3}, {@code +f2}, {@code +klatt} are theirs). */
    private static final List<String> VARIANTS = List.of("+m1", "+f1", "+m2", "+f3", "+m4", "+f4", "+m5", "+f5",
            "+m6", "+m7", "+Andy", "+Annie", "+Michael", "+Linda", "+Alex", "+Denis");

    /** Training voices: each English voice with two of the variants, and four other languages reading English. */
    static final List<String> VOICES;

    /** Words that sound like the wake words, and are not them. */
    static final Map<String, String> NEAR_MISSES = new LinkedHashMap<>();

    /**
     * More near misses, for the heads the first set hardly moves ({@code hey_rhasspy}, {@code hey_mycroft}: no window
     * of theirs reached 0.2 on it); fewer offsets (2).
     */
    static final Map<String, String> MORE_NEAR_MISSES = new LinkedHashMap<>();

    static final int MORE_OFFSETS = 2;

    /** Start offsets per training phrase (0–30 ms; the eight phases cover the rest of the grid). */
    static final int OFFSETS = 4;

    static {
        List<String> v = new ArrayList<>();
        int i = 0;
        for (String base : WakeCorpus.ENGLISH) {
            v.add(base + VARIANTS.get(i++ % VARIANTS.size()));
            v.add(base + VARIANTS.get(i++ % VARIANTS.size()));
        }
        v.add("de+m2");
        v.add("fr+f3");
        v.add("nl+m4");
        v.add("es+f1");
        VOICES = List.copyOf(v);
        NEAR_MISSES.put("near:hey_jasper", "hey jasper");
        NEAR_MISSES.put("near:hey_travis", "hey travis");
        NEAR_MISSES.put("near:hey_micro", "hey micro");
        NEAR_MISSES.put("near:alexis", "alexis");
        NEAR_MISSES.put("near:rhapsody", "rhapsody");
        NEAR_MISSES.put("near:hey_marvin", "hey marvin");
        MORE_NEAR_MISSES.put("near:hey_rusty", "hey rusty");
        MORE_NEAR_MISSES.put("near:hey_raspberry", "hey raspberry");
        MORE_NEAR_MISSES.put("near:hey_rasputin", "hey rasputin");
        MORE_NEAR_MISSES.put("near:hey_rossi", "hey rossi");
        MORE_NEAR_MISSES.put("near:hey_my_crop", "hey my crop");
        MORE_NEAR_MISSES.put("near:hey_microsoft", "hey microsoft");
    }

    private WakeVerifierData() {
    }

    /** The wake words, then the near misses. */
    static Map<String, String> phrases() {
        Map<String, String> m = new LinkedHashMap<>(WakeBench.WORDS);
        m.putAll(NEAR_MISSES);
        return m;
    }
}
